package io.github.openaispring.autoconfigure.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.get;

/**
 * What the problem-detail tests of both web stacks share: an OpenAI API on WireMock answering
 * each case's upstream failure, and a controller at {@code /models} that lets it escape.
 */
abstract class ProblemDetailsTests {

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

}
