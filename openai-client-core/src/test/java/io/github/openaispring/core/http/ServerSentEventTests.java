package io.github.openaispring.core.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.openaispring.client.ClientOptions;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.StreamErrorException;
import io.github.openaispring.testsupport.SseTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Mono;

import static io.github.openaispring.testsupport.SseTestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SSE reader of the transport, over a real server that writes the bytes in the pieces the
 * test chooses: the fields of an event, comments, CRLF, events cut anywhere (inside a field
 * name, between CR and LF, inside a UTF-8 character), {@code [DONE]} and error events, and what
 * {@code [DONE]} does to the connection.
 */
class ServerSentEventTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	/** Every field of the format; the comment-only blocks never reach the reader. */
	private static final String FIELDS = """
			: a comment before anything

			id: 1
			event: message
			data: first line
			data: second line

			: keep-alive

			retry: 1500
			data:no-space

			id: 2
			data:  two spaces, one kept
			data:
			data: after an empty line

			data: héllo 👋 ünïcödé

			data: [DONE]

			""";

	private SseTestServer server;

	private HttpTransport transport;

	@AfterEach
	void close() {
		if (this.transport != null) {
			this.transport.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	private void serve(Duration pause, List<byte[]> pieces) {
		serve(pause, pieces, Duration.ZERO);
	}

	private void serve(Duration pause, List<byte[]> pieces, Duration holdOpen) {
		this.server = SseTestServer
			.start((index, request, response, server) -> server.sendBytes(response, pause, pieces, holdOpen));
		this.transport = new HttpTransport(TransportSettings.DEFAULTS, null, RetryListener.NONE, Mono::just);
	}

	private ClientOptions options() {
		return ClientOptions.builder().baseUrl(this.server.baseUrl()).apiKey("sk-test").maxRetries(0).build();
	}

	private static HttpCall call() {
		return new HttpCall("test.stream", HttpMethod.POST, "/events", Map.of(), Map.of(), Map.of(),
				"{}".getBytes(StandardCharsets.UTF_8), "application/json", "text/event-stream", RequestOptions.none());
	}

	private List<ServerSentEvent<String>> read() {
		return this.transport.stream(options(), call()).collectList().block(BOUND);
	}

	private static void assertFields(List<ServerSentEvent<String>> events) {
		assertThat(events).hasSize(4);
		assertThat(events.get(0).id()).isEqualTo("1");
		assertThat(events.get(0).event()).isEqualTo("message");
		assertThat(events.get(0).data()).isEqualTo("first line\nsecond line");
		assertThat(events.get(1).retry()).isEqualTo(Duration.ofMillis(1500));
		assertThat(events.get(1).data()).isEqualTo("no-space");
		assertThat(events.get(2).id()).isEqualTo("2");
		assertThat(events.get(2).data()).isEqualTo(" two spaces, one kept\n\nafter an empty line");
		assertThat(events.get(3).data()).isEqualTo("héllo 👋 ünïcödé");
	}

	@Test
	void readsEveryFieldAndDropsComments() {
		serve(Duration.ZERO, SseTestServer.utf8(List.of(FIELDS)));
		assertFields(read());
	}

	@Test
	void readsCrlfLineEndings() {
		serve(Duration.ZERO, SseTestServer.utf8(List.of(FIELDS.replace("\n", "\r\n"))));
		assertFields(read());
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void readsEventsCutIntoOneByteNetworkChunks(boolean crlf) throws InterruptedException {
		String body = crlf ? FIELDS.replace("\n", "\r\n") : FIELDS;
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		List<byte[]> pieces = new ArrayList<>();
		for (byte b : bytes) {
			pieces.add(new byte[] { b });
		}
		serve(Duration.ofMillis(1), pieces);
		assertFields(read());
		// The CR of the last CRLF already ends the stream; the LF after it is still read (and dropped).
		assertThat(SseTestServer.eventually(BOUND, () -> this.server.written() == bytes.length)).isTrue();
	}

	@Test
	void readsEventsCutAtAwkwardPlaces() {
		String first = "data: {\"a\":1}\r\n\r\n";
		String body = first + "data: é👋\r\n\r\ndata: [DONE]\r\n\r\n";
		int insideFieldName = 2;
		int betweenCrAndLf = bytes("data: {\"a\":1}\r");
		int insideTwoByteCharacter = bytes(first + "data: ") + 1;
		int insideFourByteCharacter = bytes(first + "data: é") + 2;
		int insideDone = bytes(first + "data: é👋\r\n\r\ndata: [DO");
		serve(Duration.ofMillis(20), SseTestServer.cut(body, insideFieldName, betweenCrAndLf, insideTwoByteCharacter,
				insideFourByteCharacter, insideDone));
		assertThat(read()).extracting(ServerSentEvent::data).containsExactly("{\"a\":1}", "é👋");
		assertThat(this.server.written()).isEqualTo(6);
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	@Test
	void doneEndsTheStreamAndNothingAfterItIsRead() {
		serve(Duration.ZERO, SseTestServer.utf8(List.of("data: one\n\ndata:[DONE]\n\ndata: after\n\n",
				"event: error\ndata: {\"error\":{\"message\":\"never read\"}}\n\n")));
		assertThat(read()).extracting(ServerSentEvent::data).containsExactly("one");
	}

	@Test
	void doneCompletesAtOnceAndTheConnectionIsReusedWhenTheBodyEndsJustAfter() throws Exception {
		// The end of the chunked body comes 200 ms after [DONE]: the reader completes at [DONE],
		// and the connection goes back to the pool when the body ends, instead of being closed.
		serve(Duration.ZERO, SseTestServer.utf8(List.of("data: one\n\n", "data: [DONE]\n\n")), Duration.ofMillis(200));
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			assertThat(read()).extracting(ServerSentEvent::data).containsExactly("one");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
			assertThat(eventually(BOUND, () -> this.transport.acquiredConnections() == 0)).isTrue();
		}
		assertThat(this.server.requests()).isEqualTo(3);
		assertThat(this.server.connections()).as("TCP connections for three streams").isEqualTo(1);
		assertThat(this.transport.openConnections()).isEqualTo(1);
	}

	@Test
	void aServerThatGoesOnAfterDoneHasItsConnectionClosedAfterAGrace() throws Exception {
		List<String> pieces = new ArrayList<>(List.of("data: one\n\n", "data: [DONE]\n\n"));
		for (int i = 0; i < 200; i++) {
			pieces.add("data: after " + i + "\n\n");
		}
		serve(Duration.ofMillis(25), SseTestServer.utf8(pieces));
		long start = System.nanoTime();
		assertThat(read()).extracting(ServerSentEvent::data).containsExactly("one");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		assertThat(eventually(BOUND, () -> this.transport.acquiredConnections() == 0)).isTrue();
		assertThat(this.server.awaitWritingCancelled(BOUND)).isTrue();
		assertThat(this.server.awaitConnectionClosed(BOUND)).isTrue();
		assertThat(this.server.written()).isLessThan(pieces.size());
	}

	@Test
	void anErrorEventFailsTheStreamAfterTheEventsBeforeIt() {
		serve(Duration.ZERO, SseTestServer.utf8(List.of("data: one\n\n",
				"event: error\ndata: {\"error\":{\"message\":\"boom\",\"type\":\"server_error\",\"code\":\"c1\"}}\n\n",
				"data: never\n\n")));
		List<String> seen = new ArrayList<>();
		assertThatThrownBy(() -> this.transport.stream(options(), call())
			.doOnNext((event) -> seen.add(event.data()))
			.blockLast(BOUND)).isInstanceOfSatisfying(StreamErrorException.class, (failure) -> {
				assertThat(failure.getMessage()).contains("boom").contains("req_stream");
				assertThat(failure.errorType()).isEqualTo("server_error");
				assertThat(failure.errorCode()).isEqualTo("c1");
				assertThat(failure.requestId()).isEqualTo("req_stream");
			});
		assertThat(seen).containsExactly("one");
	}

	@Test
	void anUnreadableFieldIsAValidationErrorNotARawParseFailure() {
		serve(Duration.ZERO, SseTestServer.utf8(List.of("data: one\n\n", "retry: soon\ndata: two\n\n")));
		List<String> seen = new ArrayList<>();
		assertThatThrownBy(() -> this.transport.stream(options(), call())
			.doOnNext((event) -> seen.add(event.data()))
			.blockLast(BOUND)).isInstanceOf(APIResponseValidationException.class)
			.hasMessageContaining("Cannot read the event stream")
			.hasMessageContaining("soon");
		assertThat(seen).containsExactly("one");
	}

	@Test
	void recognizesErrorPayloads() {
		assertThat(SseEvents.isError(event(null, "{\"error\":{\"message\":\"boom\"}}"))).isTrue();
		assertThat(SseEvents.isError(event(null, "{ \"id\": \"x\", \"error\" : {\"message\":\"boom\"}}"))).isTrue();
		assertThat(SseEvents.isError(event(null, "{\"error\":\"model not found\"}"))).as("a string, as Ollama").isTrue();
		assertThat(SseEvents.isError(event("error", "{\"error\":{\"message\":\"boom\"}}"))).isTrue();
		// openai-python raises only on data.error: the Responses API's error event is an event.
		assertThat(SseEvents.isError(event("error", "{\"type\":\"error\",\"message\":\"boom\"}"))).isFalse();
		assertThat(SseEvents.isError(event("error", null))).isFalse();
		assertThat(SseEvents.isError(event(null, "{\"error\":{}}"))).as("empty, as Python's truth test").isFalse();
		assertThat(SseEvents.isError(event(null, "{\"error\":\"\"}"))).isFalse();
		assertThat(SseEvents.isError(event(null, "{\"error\":false}"))).isFalse();
		assertThat(SseEvents.isError(event(null, "{\"error\":true}"))).isTrue();
		assertThat(SseEvents.isError(event(null, "{\"id\":\"x\",\"error\":null}"))).isFalse();
		assertThat(SseEvents.isError(event(null, "{\"choices\":[{\"delta\":{\"content\":\"error\"}}]}"))).isFalse();
		assertThat(SseEvents.isError(event(null, "{\"choices\":[{\"delta\":{\"content\":\"\\\"error\\\"\"}}]}")))
			.isFalse();
		assertThat(SseEvents.isError(event(null, "{\"response\":{\"error\":{\"message\":\"nested\"}}}"))).isFalse();
		assertThat(SseEvents.isError(event(null, "[\"error\"]"))).isFalse();
		assertThat(SseEvents.isError(event(null, "not json \"error\""))).isFalse();
		assertThat(SseEvents.isError(event("response.output_text.delta", "{\"delta\":\"x\"}"))).isFalse();
	}

	private static ServerSentEvent<String> event(String type, String data) {
		ServerSentEvent.Builder<String> builder = ServerSentEvent.builder();
		if (type != null) {
			builder.event(type);
		}
		if (data != null) {
			builder.data(data);
		}
		return builder.build();
	}

}
