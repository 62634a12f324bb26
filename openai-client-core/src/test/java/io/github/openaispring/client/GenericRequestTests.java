package io.github.openaispring.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.BadRequestException;
import io.github.openaispring.errors.InternalServerException;
import io.github.openaispring.errors.RateLimitException;
import io.github.openaispring.models.Model;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code client.get/post/patch/delete(path, ...)}: the endpoints the typed API does not cover,
 * with the same authentication, headers, retries and errors.
 */
@WireMockTest
class GenericRequestTests {

	/** A type of the caller's own. */
	record Feedback(String id, String status, int rating) {
	}

	/** A result that records the thread that parsed it. */
	record ParsedOn(String id, String thread) {

		@JsonCreator
		static ParsedOn of(@JsonProperty("id") String id) {
			return new ParsedOn(id, Thread.currentThread().getName());
		}

	}

	private static final String FEEDBACK = "{\"id\":\"fb_1\",\"status\":\"recorded\",\"rating\":5}";

	private OpenAI client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void getReadsATypedResult(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models/gpt-4").willReturn(
				okJson("{\"id\":\"gpt-4\",\"object\":\"model\",\"created\":1687882411,\"owned_by\":\"openai\"}")));
		this.client = Calls.client(wireMock);
		Model model = Calls.call(async, () -> this.client.get("/models/gpt-4", Model.class),
				() -> this.client.async().get("/models/gpt-4", Model.class));
		assertThat(model.id()).isEqualTo("gpt-4");
		assertThat(model.ownedBy()).isEqualTo("openai");
		List<LoggedRequest> requests = findAll(getRequestedFor(urlEqualTo("/v1/models/gpt-4"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("OpenAI-Organization", equalTo("org-1"))
			.withHeader("OpenAI-Project", equalTo("proj-1"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("User-Agent", matching("openai-spring/.+ Java/.+"))
			.withHeader("Content-Type", absent()));
		assertThat(requests).singleElement().satisfies((request) -> assertThat(request.getBody()).isEmpty());
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void getWithAPathWithoutLeadingSlashAndAQuery(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get(urlEqualTo("/v1/responses/feedback?limit=2")).willReturn(okJson(FEEDBACK)));
		this.client = Calls.client(wireMock);
		Feedback feedback = Calls.call(async, () -> this.client.get("responses/feedback?limit=2", Feedback.class),
				() -> this.client.async().get("responses/feedback?limit=2", Feedback.class));
		assertThat(feedback).isEqualTo(new Feedback("fb_1", "recorded", 5));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void postSendsTheBodyAsJson(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/responses/feedback").willReturn(okJson(FEEDBACK)));
		this.client = Calls.client(wireMock);
		Map<String, Object> body = Map.of("response_id", "resp_1", "rating", 5, "tags", List.of("helpful"));
		Feedback feedback = Calls.call(async, () -> this.client.post("/responses/feedback", body, Feedback.class),
				() -> this.client.async().post("/responses/feedback", body, Feedback.class));
		assertThat(feedback.rating()).isEqualTo(5);
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/responses/feedback"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"response_id\":\"resp_1\",\"rating\":5,\"tags\":[\"helpful\"]}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void postWithoutABodySendsNone(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/batches/batch_1/cancel").willReturn(okJson(FEEDBACK)));
		this.client = Calls.client(wireMock);
		Calls.call(async, () -> this.client.post("/batches/batch_1/cancel", null, Feedback.class),
				() -> this.client.async().post("/batches/batch_1/cancel", null, Feedback.class));
		List<LoggedRequest> requests = findAll(postRequestedFor(urlEqualTo("/v1/batches/batch_1/cancel"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", absent()));
		assertThat(requests).singleElement().satisfies((request) -> assertThat(request.getBody()).isEmpty());
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void patchSendsTheBody(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(patch(urlEqualTo("/v1/responses/feedback/fb_1")).willReturn(okJson(FEEDBACK)));
		this.client = Calls.client(wireMock);
		Feedback feedback = Calls.call(async,
				() -> this.client.patch("/responses/feedback/fb_1", new Feedback("fb_1", "edited", 4), Feedback.class),
				() -> this.client.async().patch("/responses/feedback/fb_1", new Feedback("fb_1", "edited", 4),
						Feedback.class));
		assertThat(feedback.id()).isEqualTo("fb_1");
		verify(exactly(1), patchRequestedFor(urlEqualTo("/v1/responses/feedback/fb_1"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"id\":\"fb_1\",\"status\":\"edited\",\"rating\":4}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void deleteReadsTheResult(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(delete("/v1/responses/feedback/fb_1").willReturn(okJson("{\"id\":\"fb_1\",\"deleted\":true}")));
		this.client = Calls.client(wireMock);
		@SuppressWarnings("unchecked")
		Map<String, Object> deleted = Calls.call(async,
				() -> this.client.delete("/responses/feedback/fb_1", Map.class),
				() -> this.client.async().delete("/responses/feedback/fb_1", Map.class));
		assertThat(deleted).containsEntry("id", "fb_1").containsEntry("deleted", true);
		List<LoggedRequest> requests = findAll(deleteRequestedFor(urlEqualTo("/v1/responses/feedback/fb_1"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", absent()));
		assertThat(requests).singleElement().satisfies((request) -> assertThat(request.getBody()).isEmpty());
	}

	@Test
	void blockingCallsParseOnTheCallingThreadAndReactiveOnesOnTheEventLoop(WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/responses/feedback/fb_1").willReturn(okJson(FEEDBACK)));
		this.client = Calls.client(wireMock);
		ParsedOn blocking = this.client.get("/responses/feedback/fb_1", ParsedOn.class);
		assertThat(blocking.id()).isEqualTo("fb_1");
		assertThat(blocking.thread()).isEqualTo(Thread.currentThread().getName());
		ParsedOn reactive = this.client.async().get("/responses/feedback/fb_1", ParsedOn.class).block();
		assertThat(reactive.id()).isEqualTo("fb_1");
		assertThat(reactive.thread()).isNotEqualTo(Thread.currentThread().getName()).contains("reactor-http");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void voidIgnoresTheResult(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(delete("/v1/responses/feedback/fb_1").willReturn(okJson("{\"id\":\"fb_1\",\"deleted\":true}")));
		this.client = Calls.client(wireMock);
		Void result = Calls.call(async, () -> this.client.delete("/responses/feedback/fb_1", Void.class),
				() -> this.client.async().delete("/responses/feedback/fb_1", Void.class));
		assertThat(result).isNull();
		verify(exactly(1), deleteRequestedFor(urlEqualTo("/v1/responses/feedback/fb_1")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void errorsAreMappedAsForTypedCalls(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/responses/feedback").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_400")
			.withBody("{\"error\":{\"message\":\"rating must be 1-5\",\"type\":\"invalid_request_error\","
					+ "\"param\":\"rating\",\"code\":null}}")));
		stubFor(get("/v1/responses/feedback/broken").willReturn(okJson("{\"id\":")));
		this.client = Calls.client(wireMock);
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> Calls.call(async, () -> this.client.post("/responses/feedback", Map.of(), Feedback.class),
					() -> this.client.async().post("/responses/feedback", Map.of(), Feedback.class)))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.requestId()).isEqualTo("req_400");
				assertThat(ex.errorMessage()).isEqualTo("rating must be 1-5");
				assertThat(ex.errorParam()).isEqualTo("rating");
				assertThat(ex.errorType()).isEqualTo("invalid_request_error");
			});
		assertThatExceptionOfType(APIResponseValidationException.class)
			.isThrownBy(() -> Calls.call(async, () -> this.client.get("/responses/feedback/broken", Feedback.class),
					() -> this.client.async().get("/responses/feedback/broken", Feedback.class)));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void retriesAsTypedCallsDo(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/flaky").inScenario("flaky").whenScenarioStateIs("Started")
			.willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"boom\"}}"))
			.willSetStateTo("second"));
		stubFor(get("/v1/flaky").inScenario("flaky").whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(429).withHeader("retry-after-ms", "1"))
			.willSetStateTo("third"));
		stubFor(get("/v1/flaky").inScenario("flaky").whenScenarioStateIs("third").willReturn(okJson(FEEDBACK)));
		this.client = OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.retrySleeper((delay) -> Mono.empty())
			.build();
		Feedback feedback = Calls.call(async, () -> this.client.get("/flaky", Feedback.class),
				() -> this.client.async().get("/flaky", Feedback.class));
		assertThat(feedback.id()).isEqualTo("fb_1");
		verify(exactly(3), getRequestedFor(urlEqualTo("/v1/flaky")).withHeader("Authorization", equalTo("Bearer sk-test")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void givingUpAfterMaxRetriesRaisesTheMappedError(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/limited").willReturn(aResponse().withStatus(429)
			.withHeader("x-request-id", "req_429")
			.withBody("{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_exceeded\"}}")));
		stubFor(delete("/v1/down").willReturn(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Bad gateway</body></html>")));
		this.client = OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.maxRetries(1)
			.retrySleeper((delay) -> Mono.empty())
			.build();
		assertThatExceptionOfType(RateLimitException.class)
			.isThrownBy(() -> Calls.call(async, () -> this.client.get("/limited", Feedback.class),
					() -> this.client.async().get("/limited", Feedback.class)))
			.satisfies((ex) -> assertThat(ex.errorMessage()).isEqualTo("slow down"));
		verify(exactly(2), getRequestedFor(urlEqualTo("/v1/limited")));
		assertThatExceptionOfType(InternalServerException.class)
			.isThrownBy(() -> Calls.call(async, () -> this.client.delete("/down", Feedback.class),
					() -> this.client.async().delete("/down", Feedback.class)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(502));
	}

	@Test
	void extraBodyFieldsMakeABodyOfTheirOwn(WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/things").willReturn(okJson(FEEDBACK)));
		this.client = Calls.client(wireMock);
		RequestOptions options = RequestOptions.builder().extraBody("flag", true).build();
		((DefaultAsyncOpenAI) this.client.async()).context()
			.call(HttpMethod.POST, "/things", null, Feedback.class, options)
			.block(Duration.ofSeconds(10));
		((DefaultAsyncOpenAI) this.client.async()).context()
			.call(HttpMethod.POST, "things", Map.of("a", 1, "flag", false), Feedback.class, options)
			.block(Duration.ofSeconds(10));
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/things"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"flag\":true}")));
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/things"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"a\":1,\"flag\":true}")));
	}

	@Test
	void nothingIsSentBeforeTheAsyncCallIsSubscribed(WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models/gpt-4").willReturn(
				okJson("{\"id\":\"gpt-4\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}")));
		this.client = Calls.client(wireMock);
		Mono<Model> call = this.client.async().get("/models/gpt-4", Model.class);
		Mono<Model> typed = this.client.async().models().retrieve("gpt-4");
		verify(exactly(0), getRequestedFor(urlEqualTo("/v1/models/gpt-4")));
		call.block(Calls.WAIT);
		typed.block(Calls.WAIT);
		call.block(Calls.WAIT);
		verify(exactly(3), getRequestedFor(urlEqualTo("/v1/models/gpt-4")));
	}

}
