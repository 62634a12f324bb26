package io.github.openaispring.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.errors.AuthenticationException;
import io.github.openaispring.errors.RateLimitException;
import io.github.openaispring.errors.StreamErrorException;
import io.github.openaispring.helpers.ChatCompletionAccumulator;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.ChatCompletionStreamOptions;
import io.github.openaispring.models.Completion;
import io.github.openaispring.models.CompletionCreateParams;
import io.github.openaispring.testsupport.SseTestServer;
import io.netty.buffer.Unpooled;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Streaming through both clients: the SSE edge cases, error events, what is retried, timeouts,
 * and bodies that are not what a stream should be. Each test runs with the blocking client
 * (through {@link StreamResponse}) and the reactive one (through the {@link Flux}).
 */
@WireMockTest
class StreamingTests {

	private static final Duration BOUND = Duration.ofSeconds(10);

	private @Nullable SseTestServer server;

	private final List<OpenAI> clients = new ArrayList<>();

	@AfterEach
	void close() {
		this.clients.forEach(OpenAI::close);
		if (this.server != null) {
			this.server.close();
		}
	}

	static String chunk(String content) {
		return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
				+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"}}]}";
	}

	static String event(String content) {
		return "data: " + chunk(content) + "\n\n";
	}

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build();
	}

	private OpenAI client(String baseUrl, java.util.function.Consumer<OpenAI.Builder> options) {
		OpenAI.Builder builder = OpenAI.builder()
			.baseUrl(baseUrl)
			.apiKey("sk-test")
			// Retries wait for nothing: no test sleeps through a backoff.
			.retrySleeper(Mono::just);
		options.accept(builder);
		OpenAI client = builder.build();
		this.clients.add(client);
		return client;
	}

	private OpenAI client(WireMockRuntimeInfo wireMock) {
		return client(wireMock.getHttpBaseUrl() + "/v1", (builder) -> {
		});
	}

	private static void stubStream(String body) {
		stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withHeader("x-request-id", "req_sse")
			.withBody(body)));
	}

	/** What a reader saw: the content of each chunk, and the failure that ended the stream. */
	record Outcome(List<String> contents, @Nullable Throwable failure) {

		Outcome succeeded() {
			assertThat(this.failure).as("stream failure").isNull();
			return this;
		}

	}

	private static String content(ChatCompletionChunk chunk) {
		return chunk.choices().isEmpty() ? "" : String.valueOf(chunk.choices().get(0).delta().content());
	}

	static Outcome read(boolean async, OpenAI client) {
		List<String> seen = new CopyOnWriteArrayList<>();
		try {
			if (async) {
				client.async().chat().completions().createStreaming(params())
					.doOnNext((chunk) -> seen.add(content(chunk)))
					.blockLast(BOUND);
			}
			else {
				try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params())) {
					stream.stream().forEach((chunk) -> seen.add(content(chunk)));
				}
			}
			return new Outcome(seen, null);
		}
		catch (RuntimeException failure) {
			return new Outcome(seen, failure);
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void joinsMultiLineDataWithNewlines(boolean async, WireMockRuntimeInfo wireMock) {
		// One JSON object over three data lines: joined with \n it is still the same JSON.
		stubStream("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\n"
				+ "data: \"created\":1,\"model\":\"gpt-4o\",\n"
				+ "data: \"choices\":[{\"index\":0,\"delta\":{\"content\":\"joined\"}}]}\n\n"
				+ "data: [DONE]\n\n");
		assertThat(read(async, client(wireMock)).succeeded().contents()).containsExactly("joined");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void skipsCommentsAndReadsEventAndIdFields(boolean async, WireMockRuntimeInfo wireMock) {
		stubStream(": keep-alive\n\n" + "id: 1\nevent: message\n" + event("a") + ": keep-alive\n\n"
				+ "id: 2\nretry: 100\n" + event("b") + "data: [DONE]\n\n");
		assertThat(read(async, client(wireMock)).succeeded().contents()).containsExactly("a", "b");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void readsCrlfLineEndings(boolean async, WireMockRuntimeInfo wireMock) {
		stubStream((": hi\n\n" + event("a") + "id: 7\n" + event("b") + "data: [DONE]\n\n").replace("\n", "\r\n"));
		assertThat(read(async, client(wireMock)).succeeded().contents()).containsExactly("a", "b");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void readsEventsSplitAcrossNetworkChunks(boolean async, WireMockRuntimeInfo wireMock) {
		String body = event("Hel") + event("lo, wörld 👋") + event("!") + "data: [DONE]\n\n";
		stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(body)
			.withChunkedDribbleDelay(37, 300)));
		assertThat(read(async, client(wireMock)).succeeded().contents()).containsExactly("Hel", "lo, wörld 👋", "!");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void doneEndsTheStreamAndNothingAfterItIsRead(boolean async, WireMockRuntimeInfo wireMock) {
		stubStream(event("a") + "data: [DONE]\n\n" + event("after") + "data: {not json\n\n"
				+ "data: {\"error\":{\"message\":\"never read\"}}\n\n");
		assertThat(read(async, client(wireMock)).succeeded().contents()).containsExactly("a");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anErrorPayloadMidStreamFailsAfterTheEarlierChunks(boolean async, WireMockRuntimeInfo wireMock) {
		stubStream(event("a") + event("b")
				+ "data: {\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"code\":null}}\n\n" + event("c")
				+ "data: [DONE]\n\n");
		Outcome outcome = read(async, client(wireMock));
		assertThat(outcome.contents()).containsExactly("a", "b");
		assertThat(outcome.failure()).isInstanceOfSatisfying(StreamErrorException.class, (failure) -> {
			assertThat(failure.getMessage()).contains("boom");
			assertThat(failure.errorType()).isEqualTo("server_error");
			assertThat(failure.requestId()).isEqualTo("req_sse");
		});
		verify(1, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anErrorEventMidStreamFailsAfterTheEarlierChunks(boolean async, WireMockRuntimeInfo wireMock) {
		stubStream(event("a") + "event: error\ndata: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n"
				+ event("c"));
		Outcome outcome = read(async, client(wireMock));
		assertThat(outcome.contents()).containsExactly("a");
		assertThat(outcome.failure()).isInstanceOf(StreamErrorException.class).hasMessageContaining("overloaded");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void malformedJsonInAnEventFailsNamingTheOffset(boolean async, WireMockRuntimeInfo wireMock) {
		String malformed = "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}]";
		stubStream(event("a") + "data: " + malformed + "\n\ndata: [DONE]\n\n");
		Outcome outcome = read(async, client(wireMock));
		assertThat(outcome.contents()).containsExactly("a");
		assertThat(outcome.failure()).isInstanceOfSatisfying(APIResponseValidationException.class, (failure) -> {
			assertThat(failure.getMessage()).contains("ChatCompletionChunk").contains("offset " + malformed.indexOf(']'));
			assertThat(failure.statusCode()).isEqualTo(200);
			assertThat(failure.body()).contains("\"content\":\"x\"");
		});
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aStreamThatFailsBeforeItsFirstEventIsRetried(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions").inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"busy\"}}"))
			.willSetStateTo("reset"));
		stubFor(post("/v1/chat/completions").inScenario("retry")
			.whenScenarioStateIs("reset")
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
			.willSetStateTo("ok"));
		stubFor(post("/v1/chat/completions").inScenario("retry")
			.whenScenarioStateIs("ok")
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/event-stream")
				.withBody(event("a") + "data: [DONE]\n\n")));
		assertThat(read(async, client(wireMock)).succeeded().contents()).containsExactly("a");
		verify(3, postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(
				equalToJson("{\"stream\":true}", true, true)));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aStreamThatFailsAfterItsFirstEventIsNotRetried(boolean async) {
		this.server = SseTestServer.start((index, request, response, server) -> response.status(200)
			.header("Content-Type", "text/event-stream")
			.send(Flux.just(event("a"))
				.map((text) -> Unpooled.copiedBuffer(text, StandardCharsets.UTF_8))
				.concatWith(Mono.delay(Duration.ofMillis(50)).then(Mono.error(new IllegalStateException("server died")))),
					(piece) -> true));
		Outcome outcome = read(async, client(this.server.baseUrl(), (builder) -> builder.maxRetries(3)));
		assertThat(outcome.contents()).containsExactly("a");
		assertThat(outcome.failure()).isInstanceOf(APIConnectionException.class);
		assertThat(this.server.requests()).as("requests").isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aStallBetweenEventsEndsTheStreamWithATimeout(boolean async) {
		this.server = SseTestServer.streaming(Duration.ofMillis(1500), List.of(event("a"), event("b"), "data: [DONE]\n\n"));
		long start = System.nanoTime();
		Outcome outcome = read(async, client(this.server.baseUrl(),
				(builder) -> builder.timeout(Duration.ofSeconds(5)).streamIdleTimeout(Duration.ofMillis(300)).maxRetries(2)));
		assertThat(outcome.contents()).containsExactly("a");
		assertThat(outcome.failure()).isInstanceOf(APITimeoutException.class).hasMessageContaining("300 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
		assertThat(this.server.requests()).as("not retried after the first event").isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void keepAliveCommentsKeepASlowStreamAlive(boolean async) {
		List<String> pieces = new ArrayList<>(List.of(event("a")));
		for (int i = 0; i < 6; i++) {
			pieces.add(": keep-alive\n\n");
		}
		pieces.add(event("b"));
		pieces.add("data: [DONE]\n\n");
		this.server = SseTestServer.streaming(Duration.ofMillis(100), pieces);
		Outcome outcome = read(async, client(this.server.baseUrl(),
				(builder) -> builder.streamIdleTimeout(Duration.ofMillis(400))));
		assertThat(outcome.succeeded().contents()).containsExactly("a", "b");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void noFirstEventWithinTheTimeoutIsATimeoutThatIsRetried(boolean async) {
		this.server = SseTestServer.streaming(Duration.ofSeconds(3), List.of(event("a"), "data: [DONE]\n\n"));
		Outcome outcome = read(async, client(this.server.baseUrl(),
				(builder) -> builder.timeout(Duration.ofMillis(300)).maxRetries(1)));
		assertThat(outcome.contents()).isEmpty();
		assertThat(outcome.failure()).isInstanceOf(APITimeoutException.class).hasMessageContaining("300 ms");
		assertThat(this.server.requests()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anErrorStatusIsTheTypedException(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\"}}")));
		Outcome outcome = read(async, client(wireMock));
		assertThat(outcome.failure()).isInstanceOf(AuthenticationException.class).hasMessageContaining("Incorrect API key");
	}

	@Test
	void theBlockingClientThrowsAnErrorStatusWhereTheStreamIsCreated(WireMockRuntimeInfo wireMock) throws Exception {
		stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-should-retry", "false")
			.withBody("{\"error\":{\"message\":\"Slow down\",\"type\":\"rate_limit_error\"}}")));
		OpenAI client = client(wireMock);
		assertThatThrownBy(() -> client.chat().completions().createStreaming(params()))
			.isInstanceOf(RateLimitException.class)
			.hasMessageContaining("Slow down");
		assertThat(SseTestServer.eventually(BOUND,
				() -> ((DefaultAsyncOpenAI) client.async()).context().transport().acquiredConnections() == 0)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aJsonErrorBodyInsteadOfAStreamIsAStreamError(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"streaming is not supported\",\"type\":\"invalid_request_error\"}}")));
		Outcome outcome = read(async, client(wireMock));
		assertThat(outcome.failure()).isInstanceOf(StreamErrorException.class)
			.hasMessageContaining("streaming is not supported");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aJsonBodyInsteadOfAStreamIsAValidationError(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}")));
		Outcome outcome = read(async, client(wireMock));
		assertThat(outcome.failure()).isInstanceOf(APIResponseValidationException.class)
			.hasMessageContaining("text/event-stream");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theAccumulatorFoldsAStreamWithUsage(boolean async, WireMockRuntimeInfo wireMock) {
		stubStream(event("Hel") + event("lo")
				+ "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
				+ "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
				+ "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
				+ "\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}\n\n"
				+ "data: [DONE]\n\n");
		OpenAI client = client(wireMock);
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addUserMessage("Hi")
			.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
			.build();
		ChatCompletion completion;
		if (async) {
			completion = ChatCompletionAccumulator.accumulate(client.async().chat().completions().createStreaming(params))
				.block(BOUND);
		}
		else {
			ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
			try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
				stream.stream().forEach(accumulator::accumulate);
			}
			completion = accumulator.chatCompletion();
		}
		assertThat(completion.choices().get(0).message().content()).isEqualTo("Hello");
		assertThat(completion.usage().totalTokens()).isEqualTo(7);
		verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(
				equalToJson("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}", true, true)));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void streamsLegacyCompletions(boolean async, WireMockRuntimeInfo wireMock) {
		StringBuilder body = new StringBuilder();
		for (String text : List.of("Once", " upon")) {
			body.append("data: {\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"created\":1,\"model\":\"gpt-3.5-turbo-instruct\",")
				.append("\"choices\":[{\"index\":0,\"text\":\"").append(text).append("\",\"logprobs\":null,\"finish_reason\":null}]}\n\n");
		}
		body.append("data: [DONE]\n\n");
		stubFor(post("/v1/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(body.toString())));
		OpenAI client = client(wireMock);
		CompletionCreateParams params = CompletionCreateParams.builder()
			.model("gpt-3.5-turbo-instruct")
			.prompt("Tell a story")
			.build();
		List<String> texts;
		if (async) {
			texts = client.async().completions().createStreaming(params)
				.map((completion) -> completion.choices().get(0).text())
				.collectList()
				.block(BOUND);
		}
		else {
			try (StreamResponse<Completion> stream = client.completions().createStreaming(params)) {
				texts = stream.stream().map((completion) -> completion.choices().get(0).text()).toList();
			}
		}
		assertThat(texts).containsExactly("Once", " upon");
		verify(postRequestedFor(urlPathEqualTo("/v1/completions"))
			.withRequestBody(equalToJson("{\"stream\":true,\"prompt\":\"Tell a story\"}", true, true)));
	}

}
