package io.github.openaispring.autoconfigure.web;

import java.util.List;

import io.github.openaispring.client.OpenAI;
import io.github.openaispring.models.Model;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC controller that lets an OpenAI failure escape answers its caller with the
 * problem detail of each mapping.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "openai.api-key=sk-web-secret",
				"openai.max-retries=0", "openai.timeout=500ms" })
class OpenAIProblemDetailsMvcTests extends ProblemDetailsTests {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class MvcApplication {

		private final OpenAI openAI;

		MvcApplication(OpenAI openAI) {
			this.openAI = openAI;
		}

		@GetMapping("/models")
		List<String> models() {
			return this.openAI.models().list().data().stream().map(Model::id).toList();
		}

	}

}
