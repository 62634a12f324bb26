package io.github.openaispring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.testsupport.SseTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A stream's idle timeout measures the server, not the reader: it counts only while the
 * client has asked for an event. A reader that holds each event longer than the idle timeout
 * stops the client from reading (one event ahead on the blocking client, what it requested on
 * the reactive one), and that pause used to fail streams whose server was sending all along, as
 * happened to a thousand blocking streams on two cores whose threads got no CPU for a second.
 */
@Timeout(60)
class StreamIdleTimeoutTests {

	private static final Duration IDLE = Duration.ofMillis(250);

	/** Longer than the idle timeout: the reader's pause after each event. */
	private static final Duration READER_PAUSE = Duration.ofMillis(600);

	private static final int EVENTS = 6;

	private SseTestServer server;

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.close();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aSlowReaderOfAServerThatSendsSteadilyReadsEveryEvent(boolean async) {
		// An event every 50 ms: the server is never silent for the idle timeout.
		this.server = SseTestServer.streaming(Duration.ofMillis(50), events(EVENTS, true));
		try (OpenAI client = client()) {
			assertThat(readSlowly(client, async)).isEqualTo(EVENTS);
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aServerThatGoesSilentStillTimesOutASlowReader(boolean async) {
		// Two events, then nothing for ten seconds with the response open.
		this.server = SseTestServer.start((index, request, response, server) -> server.sendBytes(response,
				Duration.ofMillis(50), SseTestServer.utf8(events(2, false)), Duration.ofSeconds(10)));
		try (OpenAI client = client()) {
			assertThatThrownBy(() -> readSlowly(client, async)).isInstanceOf(APITimeoutException.class)
				.hasMessageContaining("timed out after " + IDLE.toMillis() + " ms");
		}
	}

	private OpenAI client() {
		return OpenAI.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey("sk-test")
			.maxRetries(0)
			.streamIdleTimeout(IDLE)
			.build();
	}

	/** Reads every event, pausing after each longer than the idle timeout. */
	private static int readSlowly(OpenAI client, boolean async) {
		AtomicInteger read = new AtomicInteger();
		if (async) {
			// One event at a time to a worker that sleeps: nothing is asked for meanwhile.
			client.async().chat().completions().createStreaming(params())
				.publishOn(Schedulers.boundedElastic(), 1)
				.doOnNext((chunk) -> pause(read))
				.blockLast(Duration.ofSeconds(30));
		}
		else {
			try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params())) {
				stream.stream().forEach((chunk) -> pause(read));
			}
		}
		return read.get();
	}

	private static void pause(AtomicInteger read) {
		read.incrementAndGet();
		try {
			Thread.sleep(READER_PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Count").build();
	}

	private static List<String> events(int count, boolean done) {
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			pieces.add("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
					+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w" + i + " \"}}]}\n\n");
		}
		if (done) {
			pieces.add("data: [DONE]\n\n");
		}
		return pieces;
	}

}
