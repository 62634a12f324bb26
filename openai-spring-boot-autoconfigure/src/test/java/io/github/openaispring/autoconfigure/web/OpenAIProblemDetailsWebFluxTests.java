package io.github.openaispring.autoconfigure.web;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.models.Model;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.github.tomakehurst.wiremock.client.WireMock.get;

/**
 * A WebFlux controller whose {@link Mono} fails with an OpenAI failure answers with the same
 * problem details as Spring MVC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "openai.api-key=sk-web-secret",
				"openai.max-retries=0", "openai.timeout=500ms" })
class OpenAIProblemDetailsWebFluxTests {

	private static final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void openai(DynamicPropertyRegistry registry) {
		if (!server.isRunning()) {
			server.start();
		}
		registry.add("openai.base-url", () -> server.baseUrl() + "/v1");
	}

	@AfterAll
	static void stop() {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.resetAll();
	}

	static ProblemDetailsCase[] cases() {
		return ProblemDetailsCase.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void answersWithTheProblemDetailOfTheMapping(ProblemDetailsCase expected) throws Exception {
		server.stubFor(get("/v1/models").willReturn(expected.upstream()));
		WebTestSupport.assertProblem(this.port, "/models", expected);
	}

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
