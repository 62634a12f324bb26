package io.github.openaispring.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.openaispring.autoconfigure.FakeEnvironment;
import io.github.openaispring.autoconfigure.OpenAIAutoConfiguration;
import io.github.openaispring.autoconfigure.OpenAIClientCustomizer;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.errors.BadRequestException;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.ChatCompletionStreamOptions;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real calls through the auto-configured client against WireMock, then the meters they left.
 */
class OpenAIMetricsAutoConfigurationTests {

	private static final String COMPLETION = "{\"id\":\"chatcmpl-secret-id\",\"object\":\"chat.completion\","
			+ "\"created\":1,\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
			+ "\"assistant\",\"content\":\"Hello\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":11,"
			+ "\"completion_tokens\":7,\"total_tokens\":18,\"prompt_tokens_details\":{\"cached_tokens\":3},"
			+ "\"completion_tokens_details\":{\"reasoning_tokens\":2}}}";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(FakeEnvironment.empty())
		.withConfiguration(
				AutoConfigurations.of(OpenAIAutoConfiguration.class, OpenAIMetricsAutoConfiguration.class));

	private WireMockServer server;

	@BeforeEach
	void startServer() {
		this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop();
	}

	private ApplicationContextRunner withRegistry() {
		return this.contextRunner.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("openai.api-key=sk-test", "openai.base-url=" + this.server.baseUrl() + "/v1",
					"openai.retry.initial-backoff=1ms", "openai.retry.max-backoff=2ms");
	}

	private static ChatCompletionCreateParams params(boolean includeUsage) {
		ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addUserMessage("a prompt that must never become a tag");
		if (includeUsage) {
			builder.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
		}
		return builder.build();
	}

	@Test
	void recordsTimerTokensAndRateLimitsOfACall() {
		this.server.stubFor(post("/v1/chat/completions").willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req-secret")
			.withHeader("x-ratelimit-remaining-requests", "99")
			.withHeader("x-ratelimit-remaining-tokens", "12345")
			.withBody(COMPLETION)));
		withRegistry().run((context) -> {
			context.getBean(OpenAI.class).chat().completions().create(params(false));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer timer = registry.get("openai.client.requests")
				.tags("client", "default", "operation", "chat.completions.create", "outcome", "SUCCESS", "status",
						"200", "model", "gpt-4o")
				.timer();
			assertThat(timer.count()).isEqualTo(1);
			assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
			Timer genAi = registry.get("gen_ai.client.operation.duration")
				.tags("gen_ai.operation.name", "chat", "gen_ai.provider.name", "openai", "gen_ai.request.model",
						"gpt-4o", "gen_ai.response.model", "gpt-4o-2024-08-06", "error.type", "none")
				.timer();
			assertThat(genAi.count()).isEqualTo(1);
			assertThat(tokens(registry, "input").totalAmount()).isEqualTo(11);
			assertThat(tokens(registry, "output").totalAmount()).isEqualTo(7);
			assertThat(tokens(registry, "cached").totalAmount()).isEqualTo(3);
			assertThat(tokens(registry, "reasoning").totalAmount()).isEqualTo(2);
			assertThat(registry.get("openai.client.ratelimit.remaining.requests").tag("client", "default").gauge().value())
				.isEqualTo(99);
			assertThat(registry.get("openai.client.ratelimit.remaining.tokens").gauge().value()).isEqualTo(12345);
			assertThat(registry.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags())
				.allSatisfy((tag) -> assertThat(tag.getValue()).doesNotContain("secret", "prompt", "http")));
		});
	}

	@Test
	void recordsUsageAndTimeToFirstTokenOfAStream() {
		String chunk = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024\","
				+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}";
		String usage = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini-2024\","
				+ "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":4,\"total_tokens\":9}}";
		this.server.stubFor(post("/v1/chat/completions").withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody("data: " + chunk + "\n\ndata: " + chunk + "\n\ndata: " + usage + "\n\ndata: [DONE]\n\n")));
		withRegistry().run((context) -> {
			List<ChatCompletionChunk> chunks = context.getBean(OpenAI.class)
				.async()
				.chat()
				.completions()
				.createStreaming(params(true))
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(chunks).hasSize(3);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("openai.client.time.to.first.token")
				.tags("client", "default", "operation", "chat.completions.create", "model", "gpt-4o")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("openai.client.requests").tags("outcome", "SUCCESS", "status", "200").timer().count())
				.isEqualTo(1);
			DistributionSummary input = registry.get("gen_ai.client.token.usage")
				.tags("gen_ai.token.type", "input", "gen_ai.response.model", "gpt-4o-mini-2024")
				.summary();
			assertThat(input.count()).isEqualTo(1);
			assertThat(input.totalAmount()).isEqualTo(5);
			assertThat(tokens(registry, "output").totalAmount()).isEqualTo(4);
			assertThat(registry.find("gen_ai.client.token.usage").tag("gen_ai.token.type", "cached").summary()).isNull();
		});
	}

	@Test
	void countsRetriesByOperationAndCauseAndTheFailedOutcome() {
		this.server.stubFor(get("/v1/models").inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("{}"))
			.willSetStateTo("recovered"));
		this.server.stubFor(get("/v1/models").inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"object\":\"list\",\"data\":[]}")));
		this.server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}")));
		withRegistry().run((context) -> {
			OpenAI client = context.getBean(OpenAI.class);
			client.models().list();
			assertThatExceptionOfType(BadRequestException.class)
				.isThrownBy(() -> client.chat().completions().create(params(false)));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("openai.client.retries")
				.tags("client", "default", "operation", "models.list", "cause", "503")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get("openai.client.requests")
				.tags("operation", "models.list", "outcome", "SUCCESS", "status", "200", "model", "none")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("openai.client.requests")
				.tags("operation", "chat.completions.create", "outcome", "CLIENT_ERROR", "status", "400")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("gen_ai.client.operation.duration")
				.tags("error.type", "BadRequestException", "gen_ai.response.model", "none")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.find("gen_ai.client.operation.duration").tag("gen_ai.operation.name", "models.list").timer())
				.isNull();
		});
	}

	@Test
	void namedClientsAreTaggedWithTheirName() {
		this.server.stubFor(get("/v1/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withHeader("x-ratelimit-remaining-requests", "5")
			.withBody("{\"object\":\"list\",\"data\":[]}")));
		withRegistry().withPropertyValues("openai.clients.local.base-url=" + this.server.baseUrl() + "/v1")
			.run((context) -> {
				context.getBean("localOpenAI", OpenAI.class).models().list();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("openai.client.requests").tag("client", "local").timer().count()).isEqualTo(1);
				assertThat(registry.find("openai.client.requests").tag("client", "default").timer()).isNull();
				assertThat(registry.get("openai.client.ratelimit.remaining.requests").tag("client", "local").gauge().value())
					.isEqualTo(5);
			});
	}

	@Test
	void noMetricsWithoutARegistry() {
		this.contextRunner.withPropertyValues("openai.api-key=sk-test")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("openaiMetricsClientCustomizer")
				.doesNotHaveBean(OpenAIClientCustomizer.class));
	}

	@Test
	void noMetricsWhenDisabled() {
		withRegistry().withPropertyValues("openai.metrics.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("openaiMetricsClientCustomizer"));
	}

	@Test
	void noMetricsWithoutMicrometer() {
		withRegistry().withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean("openaiMetricsClientCustomizer"));
	}

	private static DistributionSummary tokens(MeterRegistry registry, String type) {
		return registry.get("gen_ai.client.token.usage").tag("gen_ai.token.type", type).summary();
	}

}
