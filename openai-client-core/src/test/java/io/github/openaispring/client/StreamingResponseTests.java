package io.github.openaispring.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.NotFoundException;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.Model;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBufferUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code withStreamingResponse()} on both clients: the status, headers and request id as soon
 * as the headers arrive, the body read only when asked, as it came or parsed into the same
 * result as the plain call, and a closed, unread response freeing its connection.
 */
class StreamingResponseTests extends WireMockClientTests {

	private static final String MODEL = "{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}";

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder model() {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_streamed")
			.withHeader("X-RateLimit-Remaining-Requests", "59")
			.withBody(MODEL);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void headersAndRequestIdComeBeforeTheBodyIsRead(boolean async) {
		// The body comes in four pieces over three seconds, after the headers.
		stubFor(get("/v1/models/gpt-4o").willReturn(model().withChunkedDribbleDelay(4, 3000)));
		long start = System.nanoTime();
		try (Response<Model> response = retrieve(async, "gpt-4o")) {
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("returned before the body came")
				.isLessThan(Duration.ofMillis(2000));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.requestId()).isEqualTo("req_streamed");
			assertThat(response.header("X-RateLimit-Remaining-Requests")).isEqualTo("59");
			assertThat(response.header("x-ratelimit-remaining-requests")).isEqualTo("59");
			assertThat(response.headers()).containsKey("x-ratelimit-remaining-requests");
			assertThat(acquired()).as("the unread body holds its connection").isEqualTo(1);
			Model model = response.parse();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("parse() waited for the body")
				.isGreaterThanOrEqualTo(Duration.ofMillis(2000));
			assertThat(model).isEqualTo(this.client.models().retrieve("gpt-4o"));
			assertThat(response.parse()).as("parsed once").isSameAs(model);
			assertThat(response.toString()).contains("status=200", "req_streamed").doesNotContain("owned_by");
		}
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void bodyGivesTheExactBytesAsTheyCome(boolean async) {
		// Bytes that are not UTF-8, to show nothing decodes them.
		byte[] body = new byte[300_000];
		for (int i = 0; i < body.length; i++) {
			body[i] = (byte) (i * 31);
		}
		stubFor(get("/v1/models/gpt-4o").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(body)));
		try (Response<Model> response = retrieve(async, "gpt-4o")) {
			assertThat(response.bytes()).isEqualTo(body);
			assertThatThrownBy(response::parse).as("the body is read once").isInstanceOf(OpenAIException.class)
				.hasMessageContaining("already been read");
		}
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void closingAnUnreadResponseFreesTheConnection(boolean async) {
		stubFor(get("/v1/models/gpt-4o").willReturn(model().withBody(new byte[2_000_000])));
		Response<Model> response = retrieve(async, "gpt-4o");
		assertThat(response.requestId()).isEqualTo("req_streamed");
		assertThat(acquired()).isEqualTo(1);
		response.close();
		assertThat(awaitReleased()).as("acquired connections after close").isZero();
		assertThatThrownBy(response::parse).isInstanceOf(OpenAIException.class).hasMessageContaining("discarded");
		response.close();
		// The pool serves the next call.
		stubFor(get("/v1/models/gpt-4o").willReturn(model()));
		assertThat(this.client.models().retrieve("gpt-4o").id()).isEqualTo("gpt-4o");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void closingAPartlyReadBodyFreesTheConnection(boolean async) throws IOException {
		stubFor(get("/v1/models/gpt-4o").willReturn(model().withBody(new byte[2_000_000])));
		if (async) {
			AsyncStreamingResponse<Model> response = this.client.async().withStreamingResponse().models()
				.retrieve("gpt-4o").block(Calls.WAIT);
			byte[] first = response.body().take(1).map((buffer) -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			}).blockFirst(Calls.WAIT);
			assertThat(first).isNotEmpty();
		}
		else {
			try (StreamingResponse<Model> response = this.client.withStreamingResponse().models().retrieve("gpt-4o")) {
				InputStream in = response.body();
				assertThat(in.read(new byte[1000])).isPositive();
			}
		}
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aListParsesToAPageThatFetchesTheNextOne(boolean async) {
		stubFor(get(urlPathEqualTo("/v1/chat/completions")).withQueryParam("after", equalTo("c1"))
			.willReturn(okJson(list(false, "c2"))));
		stubFor(get(urlPathEqualTo("/v1/chat/completions")).withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.absent())
			.willReturn(okJson(list(true, "c1")).withHeader("x-request-id", "req_list")));
		List<String> ids;
		if (async) {
			AsyncStreamingResponse<AsyncPage<ChatCompletion>> response = this.client.async().withStreamingResponse()
				.chat().completions().list().block(Calls.WAIT);
			assertThat(response.requestId()).isEqualTo("req_list");
			AsyncPage<ChatCompletion> page = response.parse().block(Calls.WAIT);
			assertThat(page.data()).extracting(ChatCompletion::id).containsExactly("c1");
			assertThat(page.hasNextPage()).isTrue();
			ids = page.autoPager().map(ChatCompletion::id).collectList().block(Calls.WAIT);
		}
		else {
			try (StreamingResponse<Page<ChatCompletion>> response = this.client.withStreamingResponse().chat()
				.completions().list()) {
				assertThat(response.requestId()).isEqualTo("req_list");
				Page<ChatCompletion> page = response.parse();
				assertThat(page.data()).extracting(ChatCompletion::id).containsExactly("c1");
				assertThat(page.nextPage().data()).extracting(ChatCompletion::id).containsExactly("c2");
				ids = page.stream().map(ChatCompletion::id).toList();
			}
		}
		assertThat(ids).containsExactly("c1", "c2");
		assertThat(ids).isEqualTo(this.client.chat().completions().list().stream().map(ChatCompletion::id).toList());
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aResponseWithoutABodyParsesToNothing(boolean async) {
		stubFor(delete("/v1/responses/resp_1").willReturn(aResponse().withStatus(200).withHeader("x-request-id", "req_del")));
		if (async) {
			AsyncStreamingResponse<Void> response = this.client.async().withStreamingResponse().responses()
				.delete("resp_1").block(Calls.WAIT);
			assertThat(response.requestId()).isEqualTo("req_del");
			assertThat(response.parse().hasElement().block(Calls.WAIT)).isFalse();
		}
		else {
			try (StreamingResponse<Void> response = this.client.withStreamingResponse().responses().delete("resp_1")) {
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.requestId()).isEqualTo("req_del");
				assertThat(response.parse()).isNull();
			}
		}
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anErrorStatusIsStillTheTypedException(boolean async) {
		stubFor(get("/v1/models/nope").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_404")
			.withBody("{\"error\":{\"message\":\"The model `nope` does not exist\",\"type\":\"invalid_request_error\"}}")));
		assertThatThrownBy(() -> retrieve(async, "nope")).isInstanceOf(NotFoundException.class)
			.hasMessageContaining("does not exist")
			.satisfies((failure) -> assertThat(((NotFoundException) failure).requestId()).isEqualTo("req_404"));
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aBodyThatDoesNotParseFailsAtParse(boolean async) {
		stubFor(get("/v1/models/gpt-4o").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_bad")
			.withBody("{\"id\":\"gpt-4o\",\"created\":\"yesterday\"")));
		try (Response<Model> response = retrieve(async, "gpt-4o")) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThatThrownBy(response::parse).isInstanceOf(APIResponseValidationException.class)
				.hasMessageContaining("req_bad");
		}
		assertThat(awaitReleased()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aFileResponseIsTheBinaryResponse(boolean async) {
		byte[] content = { 1, 2, 3, (byte) 0xFF };
		stubFor(get("/v1/files/file-abc/content").willReturn(aResponse().withStatus(200)
			.withHeader("x-request-id", "req_file")
			.withBody(content)));
		if (async) {
			AsyncBinaryResponse response = this.client.async().withStreamingResponse().files().content("file-abc")
				.block(Calls.WAIT);
			assertThat(response.requestId()).isEqualTo("req_file");
			assertThat(response.bytes().block(Calls.WAIT)).isEqualTo(content);
		}
		else {
			try (BinaryResponse response = this.client.withStreamingResponse().files().content("file-abc")) {
				assertThat(response.requestId()).isEqualTo("req_file");
				assertThat(response.bytes()).isEqualTo(content);
			}
		}
		verify(1, getRequestedFor(urlPathEqualTo("/v1/files/file-abc/content")));
		assertThat(awaitReleased()).isZero();
	}

	private static String list(boolean hasMore, String id) {
		return """
				{"object":"list","data":[{"id":"%s","object":"chat.completion","created":1,"model":"gpt-4o",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"hi","refusal":null},
				  "logprobs":null,"finish_reason":"stop"}]}],"first_id":"%s","last_id":"%s","has_more":%s}
				""".formatted(id, id, id, hasMore);
	}

	/** {@code models().retrieve(id)} through the streaming view of one client or the other. */
	private Response<Model> retrieve(boolean async, String id) {
		if (async) {
			return Response.of(this.client.async().withStreamingResponse().models().retrieve(id).block(Calls.WAIT));
		}
		return Response.of(this.client.withStreamingResponse().models().retrieve(id));
	}

	private int acquired() {
		return ((DefaultAsyncOpenAI) this.client.async()).context().transport().acquiredConnections();
	}

	/** The acquired connections once they have been given back, or after five seconds. */
	private int awaitReleased() {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (acquired() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return acquired();
	}

	/** The two clients' streaming responses seen alike, so that a test covers both. */
	private interface Response<T> extends AutoCloseable {

		int statusCode();

		Map<String, List<String>> headers();

		String header(String name);

		String requestId();

		byte[] bytes();

		T parse();

		@Override
		void close();

		static <T> Response<T> of(StreamingResponse<T> response) {
			return new Adapter<>(response.toString(), response::statusCode, response::headers, response::header,
					response::requestId, () -> {
						try (InputStream in = response.body()) {
							return in.readAllBytes();
						}
						catch (IOException ex) {
							throw new UncheckedIOException(ex);
						}
					}, response::parse, response::close);
		}

		static <T> Response<T> of(AsyncStreamingResponse<T> response) {
			return new Adapter<>(response.toString(), response::statusCode, response::headers, response::header,
					response::requestId, () -> DataBufferUtils.join(response.body()).map((buffer) -> {
						byte[] bytes = new byte[buffer.readableByteCount()];
						buffer.read(bytes);
						DataBufferUtils.release(buffer);
						return bytes;
					}).block(Calls.WAIT), () -> response.parse().block(Calls.WAIT), response::close);
		}

	}

	private record Adapter<T>(String text, java.util.function.IntSupplier status,
			java.util.function.Supplier<Map<String, List<String>>> allHeaders, Function<String, String> oneHeader,
			java.util.function.Supplier<String> id, java.util.function.Supplier<byte[]> read,
			java.util.function.Supplier<T> parsed, Runnable closer) implements Response<T> {

		@Override
		public int statusCode() {
			return this.status.getAsInt();
		}

		@Override
		public Map<String, List<String>> headers() {
			return this.allHeaders.get();
		}

		@Override
		public String header(String name) {
			return this.oneHeader.apply(name);
		}

		@Override
		public String requestId() {
			return this.id.get();
		}

		@Override
		public byte[] bytes() {
			return this.read.get();
		}

		@Override
		public T parse() {
			return this.parsed.get();
		}

		@Override
		public void close() {
			this.closer.run();
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
