package io.github.openaispring.samples.reactive;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/documents} stores a document with its embedding; {@code GET /api/search?q=}
 * returns the documents closest in meaning to the query.
 */
@RestController
@RequestMapping("/api")
class DocumentController {

	private final SemanticSearch search;

	DocumentController(SemanticSearch search) {
		this.search = search;
	}

	@PostMapping("/documents")
	Mono<ResponseEntity<Added>> add(@RequestBody NewDocument document) {
		if (document.text() == null || document.text().isBlank()) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "A document needs a non-blank 'text'"));
		}
		return this.search.add(document.text())
			.map((added) -> ResponseEntity.status(HttpStatus.CREATED)
				.body(new Added(added.id(), added.text(), added.vector().length)));
	}

	@GetMapping("/search")
	Mono<List<SemanticSearch.Match>> search(@RequestParam("q") String query,
			@RequestParam(defaultValue = "3") int limit) {
		return this.search.search(query, limit);
	}

	record NewDocument(String text) {
	}

	record Added(String id, String text, int dimensions) {
	}

}
