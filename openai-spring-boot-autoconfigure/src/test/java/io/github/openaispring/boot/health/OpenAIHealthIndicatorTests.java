package io.github.openaispring.boot.health;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.openaispring.client.OpenAI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health states against a real HTTP server.
 */
class OpenAIHealthIndicatorTests {

	private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\",\"object\":\"model\","
			+ "\"created\":1,\"owned_by\":\"openai\"}]}";

	private WireMockServer server;

	private OpenAI client;

	@BeforeEach
	void start() {
		this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.server.start();
		this.client = OpenAI.builder().baseUrl(this.server.baseUrl() + "/v1").apiKey("sk-health-secret").build();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.stop();
	}

	private OpenAIHealthIndicator indicator(Clock clock) {
		return new OpenAIHealthIndicator(this.client, null, Duration.ofSeconds(2), Duration.ofSeconds(30), clock);
	}

	@Test
	void upWhenTheModelsAreListed() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req-models")
			.withBody(MODELS)));
		Health health = indicator(Clock.systemUTC()).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("host", "localhost")
			.containsKey("latencyMs")
			.containsEntry("statusCode", 200)
			.containsEntry("requestId", "req-models");
		assertThat(health.getDetails().toString()).doesNotContain("sk-health-secret");
		this.server.verify(getRequestedFor(urlPathEqualTo("/v1/models"))
			.withHeader("Authorization", equalTo("Bearer sk-health-secret")));
	}

	@Test
	void retrievesTheConfiguredModel() {
		this.server.stubFor(get("/v1/models/gpt-4o").willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}")));
		Health health = new OpenAIHealthIndicator(this.client, "gpt-4o", Duration.ofSeconds(2), Duration.ofSeconds(30))
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("model", "gpt-4o");
	}

	@Test
	void downWhenTheKeyIsRejected() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req-401")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided: sk-heal***cret\","
					+ "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));
		Health health = indicator(Clock.systemUTC()).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("statusCode", 401)
			.containsEntry("requestId", "req-401")
			.containsEntry("errorType", "invalid_request_error")
			.containsEntry("error", "The API key was rejected (401).")
			.containsEntry("host", "localhost");
		assertThat(health.getDetails().toString()).doesNotContain("sk-health-secret");
	}

	@Test
	void upWithAWarningWhenRateLimited() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req-429")
			.withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
		Health health = indicator(Clock.systemUTC()).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("statusCode", 429)
			.containsEntry("requestId", "req-429")
			.containsEntry("warning", "The API is rate limiting this client (429); it answered, so it is up.");
		this.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/models")));
	}

	@Test
	void downWhenTheServerFailsAndTheProbeIsNotRetried() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withStatus(503).withBody("down")));
		Health health = indicator(Clock.systemUTC()).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("statusCode", 503).containsEntry("error", "The API answered 503.");
		this.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/models")));
	}

	@Test
	void downWhenTheServerCannotBeReached() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		OpenAI unreachable = OpenAI.builder().baseUrl("http://localhost:" + port + "/v1").build();
		try {
			Health health = new OpenAIHealthIndicator(unreachable, null, Duration.ofSeconds(2), Duration.ofSeconds(30))
				.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("errorType", "connection")
				.containsEntry("error", "Cannot connect to the API.");
		}
		finally {
			unreachable.close();
		}
	}

	@Test
	void downWhenTheProbeTimesOut() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withFixedDelay(2000)
			.withHeader("Content-Type", "application/json")
			.withBody(MODELS)));
		Health health = new OpenAIHealthIndicator(this.client, null, Duration.ofMillis(200), Duration.ofSeconds(30))
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("errorType", "timeout").containsEntry("error",
				"No answer within 200 ms.");
	}

	@Test
	void reusesTheResultUntilItExpires() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody(MODELS)));
		MutableClock clock = new MutableClock();
		OpenAIHealthIndicator indicator = indicator(clock);
		indicator.health();
		clock.advance(Duration.ofSeconds(29));
		indicator.health();
		indicator.health();
		this.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/models")));
		clock.advance(Duration.ofSeconds(2));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		this.server.verify(2, getRequestedFor(urlPathEqualTo("/v1/models")));
	}

	@Test
	void reactiveIndicatorProbesWithoutBlocking() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"no\",\"type\":\"invalid_request_error\"}}")));
		OpenAIReactiveHealthIndicator indicator = new OpenAIReactiveHealthIndicator(this.client.async(), null,
				Duration.ofSeconds(2), Duration.ofSeconds(30), new MutableClock());
		StepVerifier.create(indicator.health())
			.assertNext((health) -> {
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("statusCode", 401);
			})
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		StepVerifier.create(indicator.health())
			.assertNext((health) -> assertThat(health.getStatus()).isEqualTo(Status.DOWN))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		this.server.verify(1, getRequestedFor(urlPathEqualTo("/v1/models")));
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
