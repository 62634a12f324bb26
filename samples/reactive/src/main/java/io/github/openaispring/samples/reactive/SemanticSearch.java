package io.github.openaispring.samples.reactive;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.models.CreateEmbeddingResponse;
import io.github.openaispring.models.EmbeddingCreateParams;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * A small in-memory semantic search: each document is stored with its embedding, and a query
 * ranks them by cosine similarity to the query's embedding. Enough for a few thousand documents;
 * a vector store does this at scale.
 */
@Service
class SemanticSearch {

	private final AsyncOpenAI openAI;

	private final String model;

	private final Map<String, Document> documents = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	SemanticSearch(AsyncOpenAI openAI, @Value("${sample.embedding-model}") String model) {
		this.openAI = openAI;
		this.model = model;
	}

	Mono<Document> add(String text) {
		return embed(text).map((vector) -> {
			Document document = new Document("doc-" + this.ids.incrementAndGet(), text, vector);
			this.documents.put(document.id(), document);
			return document;
		});
	}

	Mono<List<Match>> search(String query, int limit) {
		return embed(query).map((vector) -> this.documents.values()
			.stream()
			.map((document) -> new Match(document.id(), document.text(), cosine(vector, document.vector())))
			.sorted(Comparator.comparingDouble(Match::score).reversed())
			.limit(limit)
			.toList());
	}

	private Mono<double[]> embed(String text) {
		EmbeddingCreateParams params = EmbeddingCreateParams.builder().model(this.model).input(text).build();
		return this.openAI.embeddings().create(params).map(SemanticSearch::vector);
	}

	private static double[] vector(CreateEmbeddingResponse response) {
		List<Double> embedding = response.data().get(0).embedding();
		double[] vector = new double[embedding.size()];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = embedding.get(i);
		}
		return vector;
	}

	static double cosine(double[] a, double[] b) {
		double dot = 0;
		double normA = 0;
		double normB = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			normA += a[i] * a[i];
			normB += b[i] * b[i];
		}
		return (normA == 0 || normB == 0) ? 0 : dot / Math.sqrt(normA * normB);
	}

	record Document(String id, String text, double[] vector) {
	}

	record Match(String id, String text, double score) {
	}

}
