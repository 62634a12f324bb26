package io.github.openaispring.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.errors.RateLimitException;
import io.github.openaispring.errors.StreamErrorException;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.Model;
import io.github.openaispring.testsupport.SseTestServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.openaispring.testsupport.SseTestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code withStreamingResponse()} of a streaming operation ({@code createStreaming}) on both
 * clients: the same request as the plain call, the response returned at its headers, the raw
 * bytes of the event stream or the same events as the plain call (its {@code [DONE]}, error
 * events, idle timeout and non-stream bodies), and a response closed early freeing its
 * connection. Also the in-memory limit of {@code parse()} for a JSON result.
 */
class StreamingEventResponseTests extends WireMockClientTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	private static final String STREAM = ": keep-alive\n\n" + StreamingTests.event("a") + StreamingTests.event("b")
			+ "data: [DONE]\n\n";

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void closeResources() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build();
	}

	private static ResponseDefinitionBuilder stream(String body) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withHeader("x-request-id", "req_sse")
			.withBody(body);
	}

	private static void stubStream(ResponseDefinitionBuilder response) {
		stubFor(post("/v1/chat/completions").willReturn(response));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void sendsTheRequestOfThePlainCallAndParsesToItsEvents(boolean async) {
		stubStream(stream(STREAM));
		List<String> plain = StreamingTests.read(async, this.client).succeeded().contents();
		try (Streamed response = Streamed.open(async, this.client)) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.requestId()).isEqualTo("req_sse");
			assertThat(response.header("Content-Type")).startsWith("text/event-stream");
			Outcome outcome = response.events(Long.MAX_VALUE);
			assertThat(outcome.failure()).isNull();
			assertThat(outcome.contents()).containsExactly("a", "b").isEqualTo(plain);
		}
		List<LoggedRequest> requests = findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
		assertThat(requests).hasSize(2);
		LoggedRequest withPlainCall = requests.get(0);
		LoggedRequest withView = requests.get(1);
		assertThat(withView.getUrl()).isEqualTo(withPlainCall.getUrl()).isEqualTo("/v1/chat/completions");
		assertThat(withView.getBodyAsString()).isEqualTo(withPlainCall.getBodyAsString()).contains("\"stream\":true");
		for (String header : List.of("Accept", "Content-Type", "Authorization", "OpenAI-Organization",
				"OpenAI-Project", "User-Agent")) {
			assertThat(withView.getHeader(header)).as(header).isNotNull().isEqualTo(withPlainCall.getHeader(header));
		}
		assertThat(withView.getHeader("Accept")).isEqualTo("text/event-stream");
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void headersAndRequestIdComeBeforeTheEvents(boolean async) {
		// The events come in four pieces over three seconds, after the headers.
		stubStream(stream(STREAM).withChunkedDribbleDelay(4, 3000));
		long start = System.nanoTime();
		try (Streamed response = Streamed.open(async, this.client)) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("returned before the events came")
				.isLessThan(Duration.ofMillis(2000));
			assertThat(response.requestId()).isEqualTo("req_sse");
			assertThat(acquired()).as("the unread body holds its connection").isEqualTo(1);
			assertThat(response.events(Long.MAX_VALUE).contents()).containsExactly("a", "b");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("parse() read the events as they came")
				.isGreaterThanOrEqualTo(Duration.ofMillis(2000));
		}
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void bodyGivesTheBytesOfTheEventStream(boolean async) {
		stubStream(stream(STREAM));
		try (Streamed response = Streamed.open(async, this.client)) {
			assertThat(new String(response.bytes(), StandardCharsets.UTF_8)).isEqualTo(STREAM);
			assertThat(response.events(Long.MAX_VALUE).failure()).as("the body is read once")
				.isInstanceOf(OpenAIException.class)
				.hasMessageContaining("already been read");
		}
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anErrorEventMidStreamIsRaisedAsByThePlainCall(boolean async) {
		stubStream(stream(StreamingTests.event("a")
				+ "event: error\ndata: {\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}\n\n"
				+ StreamingTests.event("c")));
		try (Streamed response = Streamed.open(async, this.client)) {
			Outcome outcome = response.events(Long.MAX_VALUE);
			assertThat(outcome.contents()).containsExactly("a");
			assertThat(outcome.failure()).isInstanceOfSatisfying(StreamErrorException.class, (failure) -> {
				assertThat(failure.getMessage()).contains("overloaded");
				assertThat(failure.errorType()).isEqualTo("server_error");
				assertThat(failure.requestId()).isEqualTo("req_sse");
			});
		}
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aJsonBodyInsteadOfAStreamFailsAtParseAsThePlainCallFails(boolean async) {
		stubStream(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"streaming is off\",\"type\":\"invalid_request_error\"}}"));
		Throwable plain = StreamingTests.read(async, this.client).failure();
		assertThat(plain).isInstanceOf(StreamErrorException.class);
		try (Streamed response = Streamed.open(async, this.client)) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.events(Long.MAX_VALUE).failure()).isInstanceOf(StreamErrorException.class)
				.hasMessage(plain.getMessage());
		}
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anErrorStatusIsTheTypedExceptionAtTheCall(boolean async) {
		stubStream(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_429")
			.withBody("{\"error\":{\"message\":\"Slow down\",\"type\":\"rate_limit_error\"}}"));
		assertThatThrownBy(() -> Streamed.open(async, this.client)).isInstanceOf(RateLimitException.class)
			.hasMessageContaining("Slow down")
			.satisfies((failure) -> assertThat(((RateLimitException) failure).requestId()).isEqualTo("req_429"));
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void closingWithoutReadingFreesTheConnection(boolean async) {
		stubStream(stream(STREAM).withChunkedDribbleDelay(4, 3000));
		Streamed response = Streamed.open(async, this.client);
		assertThat(acquired()).isEqualTo(1);
		response.close();
		assertThat(awaitReleased()).as("acquired connections after close").isZero();
		assertThat(response.events(Long.MAX_VALUE).failure()).isInstanceOf(OpenAIException.class)
			.hasMessageContaining("discarded");
		// The pool serves the next call.
		stubStream(stream(STREAM));
		assertThat(StreamingTests.read(async, this.client).succeeded().contents()).containsExactly("a", "b");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void closingAfterTheFirstEventEndsTheExchange(boolean async) throws InterruptedException {
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			pieces.add(StreamingTests.event("w" + i));
		}
		SseTestServer server = SseTestServer.streaming(Duration.ofMillis(50), pieces);
		this.resources.add(server);
		OpenAI client = client(server, (builder) -> {
		});
		try (Streamed response = Streamed.open(async, client)) {
			assertThat(response.events(1).contents()).containsExactly("w0");
		}
		assertThat(eventually(BOUND, () -> acquired(client) == 0)).as("the pool has no acquired connection").isTrue();
		assertThat(server.awaitConnectionClosed(BOUND)).as("the server saw the connection closed").isTrue();
		assertThat(server.awaitWritingCancelled(BOUND)).as("the server's writing was cancelled").isTrue();
		assertThat(server.written()).as("pieces written before the close").isLessThan(50);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aStallBetweenEventsIsTheIdleTimeout(boolean async) {
		SseTestServer server = SseTestServer.streaming(Duration.ofMillis(1500),
				List.of(StreamingTests.event("a"), StreamingTests.event("b"), "data: [DONE]\n\n"));
		this.resources.add(server);
		OpenAI client = client(server,
				(builder) -> builder.timeout(Duration.ofSeconds(5)).streamIdleTimeout(Duration.ofMillis(300)));
		long start = System.nanoTime();
		try (Streamed response = Streamed.open(async, client)) {
			Outcome outcome = response.events(Long.MAX_VALUE);
			assertThat(outcome.contents()).containsExactly("a");
			assertThat(outcome.failure()).isInstanceOf(APITimeoutException.class).hasMessageContaining("300 ms");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
		assertThat(server.requests()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void parseOfAJsonResultIsHeldToTheInMemoryLimitAsThePlainCallIs(boolean async,
			WireMockRuntimeInfo wireMock) {
		OpenAI client = OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.maxRetries(0)
			.maxInMemorySize(1024)
			.build();
		this.resources.add(client::close);
		String tooLarge = "{\"id\":\"" + "x".repeat(2_000_000)
				+ "\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}";
		stubFor(get("/v1/models/big").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_big")
			.withBody(tooLarge)));
		assertThatThrownBy(() -> Calls.call(async, () -> client.models().retrieve("big"),
				() -> client.async().models().retrieve("big")))
			.isInstanceOf(APIResponseValidationException.class)
			.hasMessageContaining("in-memory limit of 1024 bytes");
		Throwable failure;
		if (async) {
			AsyncStreamingResponse<Model> response = client.async().withStreamingResponse().models().retrieve("big")
				.block(Calls.WAIT);
			assertThat(response.requestId()).isEqualTo("req_big");
			failure = catchFailure(() -> response.parse().block(Calls.WAIT));
		}
		else {
			try (StreamingResponse<Model> response = client.withStreamingResponse().models().retrieve("big")) {
				assertThat(response.requestId()).isEqualTo("req_big");
				failure = catchFailure(response::parse);
			}
		}
		assertThat(failure).isInstanceOfSatisfying(APIResponseValidationException.class, (invalid) -> {
			assertThat(invalid.getMessage()).contains("in-memory limit of 1024 bytes", "req_big");
			assertThat(invalid.statusCode()).isEqualTo(200);
		});
		assertThat(awaitReleased(client)).as("reading stopped at the limit and freed the connection").isZero();
		// Within the limit the same client reads the body.
		stubFor(get("/v1/models/small").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"id\":\"small\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}")));
		try (StreamingResponse<Model> response = client.withStreamingResponse().models().retrieve("small")) {
			assertThat(response.parse().id()).isEqualTo("small");
		}
	}

	private static Throwable catchFailure(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException failure) {
			return failure;
		}
		throw new AssertionError("no failure");
	}

	private OpenAI client(SseTestServer server, Consumer<OpenAI.Builder> options) {
		OpenAI.Builder builder = OpenAI.builder().baseUrl(server.baseUrl()).apiKey("sk-test").maxRetries(0);
		options.accept(builder);
		OpenAI client = builder.build();
		this.resources.add(client::close);
		return client;
	}

	private int acquired() {
		return acquired(this.client);
	}

	private static int acquired(OpenAI client) {
		return ((DefaultAsyncOpenAI) client.async()).context().transport().acquiredConnections();
	}

	private int awaitReleased() {
		return awaitReleased(this.client);
	}

	/** The acquired connections once they have been given back, or after five seconds. */
	private static int awaitReleased(OpenAI client) {
		try {
			eventually(BOUND, () -> acquired(client) == 0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return acquired(client);
	}

	/** The contents of the chunks read, and the failure that ended the reading, if any. */
	private record Outcome(List<String> contents, @Nullable Throwable failure) {
	}

	/**
	 * {@code chat().completions().createStreaming(params())} through the streaming view of one
	 * client or the other, seen alike, so that a test covers both.
	 */
	private record Streamed(@Nullable StreamingResponse<StreamResponse<ChatCompletionChunk>> blocking,
			@Nullable AsyncStreamingResponse<Flux<ChatCompletionChunk>> async) implements AutoCloseable {

		static Streamed open(boolean async, OpenAI client) {
			if (async) {
				return new Streamed(null,
						client.async().withStreamingResponse().chat().completions().createStreaming(params())
							.block(Calls.WAIT));
			}
			return new Streamed(client.withStreamingResponse().chat().completions().createStreaming(params()), null);
		}

		int statusCode() {
			return (this.blocking != null) ? this.blocking.statusCode() : this.async.statusCode();
		}

		@Nullable String requestId() {
			return (this.blocking != null) ? this.blocking.requestId() : this.async.requestId();
		}

		@Nullable String header(String name) {
			return (this.blocking != null) ? this.blocking.header(name) : this.async.header(name);
		}

		byte[] bytes() {
			if (this.blocking != null) {
				try (InputStream in = this.blocking.body()) {
					return in.readAllBytes();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			return DataBufferUtils.join(this.async.body()).map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			}).block(Calls.WAIT);
		}

		/**
		 * Read at most {@code limit} events through {@code parse()}, and stop: the reactive
		 * events are cancelled, the blocking ones left to {@link #close()}.
		 */
		Outcome events(long limit) {
			List<String> seen = new ArrayList<>();
			try {
				if (this.blocking != null) {
					this.blocking.parse().stream().limit(limit).forEach((chunk) -> seen.add(content(chunk)));
				}
				else {
					this.async.parse()
						.flatMapMany((events) -> events)
						.take(limit)
						.doOnNext((chunk) -> seen.add(content(chunk)))
						.blockLast(Calls.WAIT);
				}
				return new Outcome(seen, null);
			}
			catch (RuntimeException failure) {
				return new Outcome(seen, failure);
			}
		}

		private static String content(ChatCompletionChunk chunk) {
			return chunk.choices().get(0).delta().content();
		}

		@Override
		public void close() {
			if (this.blocking != null) {
				this.blocking.close();
			}
			else {
				this.async.close();
			}
		}

	}

}
