package io.github.openaispring.client;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openaispring.client.ClientOptions.RetrySettings;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.BadRequestException;
import io.github.openaispring.errors.InternalServerException;
import io.github.openaispring.errors.NotFoundException;
import io.github.openaispring.errors.RateLimitException;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.Model;
import io.github.openaispring.models.ModelRetrieveParams;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Retries as both clients make them: which responses are retried, how long the client waits
 * (recorded by an injected sleeper, never spent), how many attempts it makes, the idempotency
 * key on every attempt, and the retry metric.
 */
@WireMockTest
@Timeout(60)
class RetryTests {

	private static final String PATH = "/v1/chat/completions";

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}]}
			""";

	private static final String MODEL = """
			{"id":"gpt-4o","object":"model","created":1686935002,"owned_by":"openai"}
			""";

	private final List<Duration> waits = new CopyOnWriteArrayList<>();

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build();
	}

	private OpenAI client(WireMockRuntimeInfo wireMock) {
		return client(wireMock, (builder) -> {
		});
	}

	private OpenAI client(WireMockRuntimeInfo wireMock, Consumer<OpenAI.Builder> customizer) {
		OpenAI.Builder builder = OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.retrySleeper((delay) -> {
				this.waits.add(delay);
				return Mono.just(delay);
			});
		customizer.accept(builder);
		return builder.build();
	}

	private static ChatCompletion create(OpenAI client, boolean async) {
		return create(client, async, RequestOptions.none());
	}

	private static ChatCompletion create(OpenAI client, boolean async, RequestOptions options) {
		return async ? client.async().chat().completions().create(params(), options).block(Duration.ofSeconds(10))
				: client.chat().completions().create(params(), options);
	}

	private static Model retrieveModel(OpenAI client, boolean async) {
		ModelRetrieveParams params = ModelRetrieveParams.builder().model("gpt-4o").build();
		return async ? client.async().models().retrieve(params, RequestOptions.none()).block(Duration.ofSeconds(10))
				: client.models().retrieve(params, RequestOptions.none());
	}

	/**
	 * Stub a path to answer with the given responses in turn, the last one for every later
	 * request.
	 */
	private static void stubSequence(String method, String path, ResponseDefinitionBuilder... responses) {
		for (int i = 0; i < responses.length; i++) {
			ScenarioMappingBuilder stub = WireMock.request(method, urlPathEqualTo(path))
				.inScenario("sequence")
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "step " + i)
				.willReturn(responses[i]);
			stubFor((i < responses.length - 1) ? stub.willSetStateTo("step " + (i + 1)) : stub);
		}
	}

	private static ResponseDefinitionBuilder ok() {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(COMPLETION);
	}

	private static ResponseDefinitionBuilder error(int status, String requestId) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", requestId)
			.withBody("{\"error\":{\"message\":\"failure " + requestId + "\",\"type\":\"server_error\"}}");
	}

	private static List<LoggedRequest> posts() {
		return findAll(postRequestedFor(urlPathEqualTo(PATH)));
	}

	private static void assertEveryAttemptIsTheSameRequest(int attempts) {
		List<LoggedRequest> requests = posts();
		assertThat(requests).hasSize(attempts);
		for (LoggedRequest request : requests) {
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test");
			assertThat(equalToJson("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")
				.match(request.getBodyAsString())
				.isExactMatch()).isTrue();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aRateLimitThenSuccessSucceedsWithTwoRequests(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(429, "req_1"), ok());
		OpenAI client = client(wireMock);
		assertThat(create(client, async).choices().get(0).message().content()).isEqualTo("Hello!");
		assertEveryAttemptIsTheSameRequest(2);
		assertThat(this.waits).hasSize(1);
		assertThat(this.waits.get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void retryAfterMsIsTheWait(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(429, "req_1").withHeader("retry-after-ms", "1234").withHeader("Retry-After", "2"),
				ok());
		OpenAI client = client(wireMock);
		create(client, async);
		assertThat(this.waits).containsExactly(Duration.ofMillis(1234));
		assertEveryAttemptIsTheSameRequest(2);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void retryAfterInSecondsIsTheWait(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(429, "req_1").withHeader("Retry-After", "7"),
				error(503, "req_2").withHeader("Retry-After", "3"), ok());
		OpenAI client = client(wireMock);
		create(client, async);
		assertThat(this.waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
		assertEveryAttemptIsTheSameRequest(3);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void retryAfterAsAnHttpDateIsTheTimeUntilThen(boolean async, WireMockRuntimeInfo wireMock) {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
		stubSequence("POST", PATH, error(429, "req_1").withHeader("Retry-After", date), ok());
		OpenAI client = client(wireMock);
		create(client, async);
		assertThat(this.waits).hasSize(1);
		assertThat(this.waits.get(0)).isBetween(Duration.ofSeconds(17), Duration.ofSeconds(20));
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aRetryAfterAboveTheCapIsNotRetriedAndTheWaitIsOnTheException(boolean async, WireMockRuntimeInfo wireMock) {
		// openai-python's rule: a server asking for more than the cap is not retried blindly
		// after a short backoff; the caller gets the wait and schedules.
		OpenAI client = client(wireMock);
		stubSequence("POST", PATH, error(429, "req_1").withHeader("Retry-After", "121"), ok());
		assertThat(catchThrowable(() -> create(client, async))).isInstanceOfSatisfying(RateLimitException.class,
				(failure) -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(121)));
		WireMock.reset();
		stubSequence("POST", PATH, error(429, "req_2").withHeader("retry-after-ms", "3600000"), ok());
		assertThat(catchThrowable(() -> create(client, async))).isInstanceOfSatisfying(RateLimitException.class,
				(failure) -> assertThat(failure.retryAfter()).isEqualTo(Duration.ofHours(1)));
		assertThat(this.waits).isEmpty();
		assertThat(findAll(postRequestedFor(urlPathEqualTo(PATH)))).hasSize(1);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aRetryAfterOfTwoMinutesIsHonouredByDefault(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(429, "req_1").withHeader("Retry-After", "120"), ok());
		OpenAI client = client(wireMock);
		create(client, async);
		assertThat(this.waits).containsExactly(Duration.ofSeconds(120));
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theCapIsConfigured(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(429, "req_1").withHeader("Retry-After", "120"), ok());
		OpenAI client = client(wireMock, (builder) -> builder
			.retry(new RetrySettings(Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMinutes(3))));
		create(client, async);
		assertThat(this.waits).containsExactly(Duration.ofSeconds(120));
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theBackoffDoublesFromHalfASecondToEightSecondsLessAtMostAQuarter(boolean async,
			WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), error(502, "req_2"), error(503, "req_3"), error(504, "req_4"),
				error(500, "req_5"), error(500, "req_6"), ok());
		OpenAI client = client(wireMock, (builder) -> builder.maxRetries(6));
		create(client, async);
		assertThat(this.waits).hasSize(6);
		long[] expected = { 500, 1000, 2000, 4000, 8000, 8000 };
		for (int i = 0; i < expected.length; i++) {
			assertThat(this.waits.get(i)).isBetween(Duration.ofMillis(expected[i] * 3 / 4), Duration.ofMillis(expected[i]));
		}
		assertEveryAttemptIsTheSameRequest(7);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theBackoffIsConfigured(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), error(500, "req_2"), error(500, "req_3"), ok());
		OpenAI client = client(wireMock, (builder) -> builder.maxRetries(3)
			.retry(new RetrySettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(60))));
		create(client, async);
		assertThat(this.waits).hasSize(3);
		assertThat(this.waits.get(0)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(2));
		assertThat(this.waits.get(1)).isBetween(Duration.ofMillis(3000), Duration.ofSeconds(4));
		assertThat(this.waits.get(2)).isBetween(Duration.ofMillis(3750), Duration.ofSeconds(5));
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void xShouldRetryFalseOnA500IsNotRetried(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1").withHeader("x-should-retry", "false"), ok());
		OpenAI client = client(wireMock);
		Throwable failure = catchThrowable(() -> create(client, async));
		assertThat(failure).isExactlyInstanceOf(InternalServerException.class);
		assertThat(((APIStatusException) failure).requestId()).isEqualTo("req_1");
		assertEveryAttemptIsTheSameRequest(1);
		assertThat(this.waits).isEmpty();
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void xShouldRetryTrueOnA400IsRetried(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(400, "req_1").withHeader("x-should-retry", "true"), ok());
		OpenAI client = client(wireMock);
		assertThat(create(client, async).id()).isEqualTo("chatcmpl-1");
		assertEveryAttemptIsTheSameRequest(2);
		assertThat(this.waits).hasSize(1);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aBadRequestIsNotRetried(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(400, "req_1"), ok());
		OpenAI client = client(wireMock);
		assertThat(catchThrowable(() -> create(client, async))).isExactlyInstanceOf(BadRequestException.class);
		assertEveryAttemptIsTheSameRequest(1);
		assertThat(this.waits).isEmpty();
		client.close();
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 409 })
	void timeoutAndConflictStatusesAreRetried(int status, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(status, "req_1"), ok());
		OpenAI client = client(wireMock);
		assertThat(create(client, false).id()).isEqualTo("chatcmpl-1");
		assertEveryAttemptIsTheSameRequest(2);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void whenEveryAttemptFailsTheClientMakesMaxRetriesPlusOneRequestsAndThrowsTheLastError(boolean async,
			WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), error(502, "req_2"), error(503, "req_3"), error(429, "req_4"),
				ok());
		OpenAI client = client(wireMock, (builder) -> builder.maxRetries(3));
		Throwable failure = catchThrowable(() -> create(client, async));
		assertThat(failure).isExactlyInstanceOf(RateLimitException.class);
		RateLimitException exception = (RateLimitException) failure;
		assertThat(exception.requestId()).isEqualTo("req_4");
		assertThat(exception.errorMessage()).isEqualTo("failure req_4");
		assertEveryAttemptIsTheSameRequest(4);
		assertThat(this.waits).hasSize(3);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theDefaultIsTwoRetries(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"));
		OpenAI client = client(wireMock);
		assertThat(catchThrowable(() -> create(client, async))).isExactlyInstanceOf(InternalServerException.class);
		assertEveryAttemptIsTheSameRequest(3);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void maxRetriesOfTheRequestWinsOverTheClients(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"));
		OpenAI client = client(wireMock, (builder) -> builder.maxRetries(3));
		catchThrowable(() -> create(client, async, RequestOptions.builder().maxRetries(0).build()));
		assertEveryAttemptIsTheSameRequest(1);
		assertThat(this.waits).isEmpty();
		WireMock.resetAllRequests();
		OpenAI none = client(wireMock, (builder) -> builder.maxRetries(0));
		catchThrowable(() -> create(none, async, RequestOptions.builder().maxRetries(4).build()));
		assertEveryAttemptIsTheSameRequest(5);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void withOptionsChangesTheRetriesOfTheNewClientOnly(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(503, "req_1"));
		OpenAI client = client(wireMock);
		OpenAI patient = client.withOptions((options) -> options.maxRetries(5));
		assertThat(patient.options().maxRetries()).isEqualTo(5);
		assertThat(client.options().maxRetries()).isEqualTo(2);
		catchThrowable(() -> create(patient, async));
		assertEveryAttemptIsTheSameRequest(6);
		WireMock.resetAllRequests();
		catchThrowable(() -> create(client, async));
		assertEveryAttemptIsTheSameRequest(3);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theIdempotencyKeyOfTheRequestIsSentOnEveryAttempt(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), error(429, "req_2"), ok());
		OpenAI client = client(wireMock);
		create(client, async, RequestOptions.builder().idempotencyKey("k").build());
		assertThat(posts()).extracting((request) -> request.getHeader("Idempotency-Key")).containsExactly("k", "k", "k");
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void noIdempotencyKeyIsSentByDefault(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), ok());
		OpenAI client = client(wireMock);
		create(client, async);
		assertThat(posts()).allSatisfy((request) -> assertThat(request.containsHeader("Idempotency-Key")).isFalse());
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void generatedIdempotencyKeysAreTheSameOnEveryRetryAndDifferentAcrossCalls(boolean async,
			WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(429, "req_1"), error(500, "req_2"), ok(), error(500, "req_3"), ok());
		OpenAI client = client(wireMock, (builder) -> builder.idempotencyKeys(true));
		create(client, async);
		create(client, async);
		List<String> keys = posts().stream().map((request) -> request.getHeader("Idempotency-Key")).toList();
		assertThat(keys).hasSize(5).doesNotContainNull();
		assertThat(keys.get(0)).isEqualTo(keys.get(1)).isEqualTo(keys.get(2)).isNotEqualTo(keys.get(3));
		assertThat(keys.get(3)).isEqualTo(keys.get(4));
		client.close();
	}

	@Test
	void eachSubscriptionToTheSameCallIsANewCallWithItsOwnKey(WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), ok());
		OpenAI client = client(wireMock, (builder) -> builder.idempotencyKeys(true));
		Mono<ChatCompletion> call = client.async().chat().completions().create(params());
		call.block(Duration.ofSeconds(10));
		call.block(Duration.ofSeconds(10));
		List<String> keys = posts().stream().map((request) -> request.getHeader("Idempotency-Key")).toList();
		assertThat(keys).hasSize(3);
		assertThat(keys.get(0)).isEqualTo(keys.get(1)).isNotEqualTo(keys.get(2));
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aKeyOfTheRequestWinsOverAGeneratedOne(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), ok());
		OpenAI client = client(wireMock, (builder) -> builder.idempotencyKeys(true));
		create(client, async, RequestOptions.builder().idempotencyKey("mine").build());
		assertThat(posts()).extracting((request) -> request.getHeader("Idempotency-Key")).containsExactly("mine", "mine");
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anIdempotencyKeyHeaderTheCallerSetIsNotReplacedByAGeneratedOne(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), ok(), error(500, "req_2"), ok());
		OpenAI client = client(wireMock, (builder) -> builder.idempotencyKeys(true));
		create(client, async, RequestOptions.builder().header("idempotency-key", "from-header").build());
		OpenAI withDefault = client.withOptions((options) -> options.defaultHeader("Idempotency-Key", "default"));
		create(withDefault, async);
		assertThat(posts()).extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsExactly("from-header", "from-header", "default", "default");
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void noKeyIsGeneratedForAGet(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("GET", "/v1/models/gpt-4o", error(500, "req_1"),
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(MODEL));
		OpenAI client = client(wireMock, (builder) -> builder.idempotencyKeys(true));
		assertThat(retrieveModel(client, async).id()).isEqualTo("gpt-4o");
		List<LoggedRequest> requests = findAll(getRequestedFor(urlPathEqualTo("/v1/models/gpt-4o")));
		assertThat(requests).hasSize(2)
			.allSatisfy((request) -> assertThat(request.containsHeader("Idempotency-Key")).isFalse());
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theGenericCallsHaveTheSameRetriesAndErrors(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", "/v1/responses/feedback", error(429, "req_1").withHeader("retry-after-ms", "10"),
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ok\":true}"),
				error(404, "req_2"));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OpenAI client = client(wireMock, (builder) -> builder.meterRegistry(registry));
		Map<String, Object> body = Map.of("rating", 5);
		Map<?, ?> result = async
				? client.async().post("/responses/feedback", body, Map.class).block(Duration.ofSeconds(10))
				: client.post("/responses/feedback", body, Map.class);
		assertThat(result.get("ok")).isEqualTo(true);
		assertThat(this.waits).containsExactly(Duration.ofMillis(10));
		assertThat(registry.get("openai.client.retries").tag("operation", "post /responses/feedback").tag("cause", "429")
			.counter()
			.count()).isEqualTo(1.0);
		Throwable failure = catchThrowable(() -> {
			if (async) {
				client.async().post("/responses/feedback", body, Map.class).block(Duration.ofSeconds(10));
			}
			else {
				client.post("/responses/feedback", body, Map.class);
			}
		});
		assertThat(failure).isExactlyInstanceOf(NotFoundException.class);
		assertThat(((APIStatusException) failure).requestId()).isEqualTo("req_2");
		List<LoggedRequest> requests = findAll(postRequestedFor(urlPathEqualTo("/v1/responses/feedback")));
		assertThat(requests).hasSize(3).allSatisfy((request) -> {
			assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test");
			assertThat(request.getBodyAsString()).isEqualTo("{\"rating\":5}");
		});
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aSleeperThatCompletesWithoutAValueStillLetsTheClientRetry(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), ok());
		OpenAI client = OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.retrySleeper((delay) -> {
				this.waits.add(delay);
				return Mono.empty();
			})
			.build();
		assertThat(create(client, async).id()).isEqualTo("chatcmpl-1");
		assertThat(this.waits).hasSize(1);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theDefaultSleeperWaitsOnASchedulerAndRetries(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), ok());
		OpenAI client = OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.retry(new RetrySettings(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(60)))
			.build();
		assertThat(create(client, async).id()).isEqualTo("chatcmpl-1");
		assertEveryAttemptIsTheSameRequest(2);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aRetryListenerIsToldOfEveryRetry(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(429, "req_1").withHeader("retry-after-ms", "5"),
				error(503, "req_2").withHeader("retry-after-ms", "6"), ok());
		List<String> retries = new CopyOnWriteArrayList<>();
		OpenAI client = client(wireMock, (builder) -> builder.retryListener(
				(operation, cause, retry, delay) -> retries.add(operation + " " + cause + " " + retry + " " + delay)));
		create(client, async);
		assertThat(retries).containsExactly("chat.completions.create 429 1 PT0.005S",
				"chat.completions.create 503 2 PT0.006S");
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aFailingRetryListenerDoesNotFailTheCall(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(429, "req_1"), ok());
		OpenAI client = client(wireMock, (builder) -> builder.retryListener((operation, cause, retry, delay) -> {
			throw new IllegalStateException("metrics are down");
		}));
		assertThat(create(client, async).id()).isEqualTo("chatcmpl-1");
		assertEveryAttemptIsTheSameRequest(2);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void everyRetryIsCountedInMicrometer(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(429, "req_1"), error(429, "req_2"), ok());
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OpenAI client = client(wireMock, (builder) -> builder.meterRegistry(registry));
		create(client, async);
		Counter counter = registry.find("openai.client.retries").tag("client", "default")
			.tag("operation", "chat.completions.create")
			.tag("cause", "429")
			.counter();
		assertThat(counter).isNotNull();
		assertThat(counter.count()).isEqualTo(2.0);
		assertThat(registry.getMeters()).hasSize(1);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aCallThatIsNotRetriedCountsNothing(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, ok());
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OpenAI client = client(wireMock, (builder) -> builder.meterRegistry(registry));
		create(client, async);
		assertThat(registry.find("openai.client.retries").counters()).isEmpty();
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void withoutARegistryRetriesWorkAndNothingFails(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(429, "req_1"), ok());
		OpenAI client = client(wireMock);
		assertThat(create(client, async).id()).isEqualTo("chatcmpl-1");
		assertEveryAttemptIsTheSameRequest(2);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aDerivedClientKeepsCountingInTheRegistry(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("POST", PATH, error(500, "req_1"), ok());
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OpenAI client = client(wireMock, (builder) -> builder.meterRegistry(registry));
		create(client.withOptions((options) -> options.maxRetries(4)), async);
		assertThat(registry.get("openai.client.retries").tag("cause", "500").counter().count()).isEqualTo(1.0);
		client.close();
	}

}
