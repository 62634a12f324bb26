package io.github.openaispring.autoconfigure.web;

import java.util.List;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.models.Model;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux controller whose {@link Mono} fails with an OpenAI failure answers with the same
 * problem details as Spring MVC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "openai.api-key=sk-web-secret",
				"openai.max-retries=0", "openai.timeout=500ms" })
class OpenAIProblemDetailsWebFluxTests extends ProblemDetailsTests {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class WebFluxApplication {

		private final AsyncOpenAI openAI;

		WebFluxApplication(AsyncOpenAI openAI) {
			this.openAI = openAI;
		}

		@GetMapping("/models")
		Mono<List<String>> models() {
			return this.openAI.models().list().map((page) -> page.data().stream().map(Model::id).toList());
		}

	}

}
