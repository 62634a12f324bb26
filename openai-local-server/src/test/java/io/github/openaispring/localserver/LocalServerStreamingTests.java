package io.github.openaispring.localserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

import io.github.openaispring.client.OpenAI;
import io.github.openaispring.client.StreamResponse;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pacing, client disconnects, concurrency and closing while streams run. */
class LocalServerStreamingTests {

	private static final String CHAT = "{\"model\":\"gpt-4o\",\"stream\":true,"
			+ "\"messages\":[{\"role\":\"user\",\"content\":\"Tell me a long story about streams\"}]}";

	/** The answer's pieces: with a delay between them, the time a whole stream takes. */
	private static final int PIECES = CannedText.pieces(CannedText.answer("Tell me a long story about streams")).size();

	private LocalOpenAIServer server;

	@AfterEach
	void close() {
		if (this.server != null) {
			this.server.close();
		}
	}

	private LocalOpenAIServer start(Duration delay) {
		this.server = LocalOpenAIServer.builder().streamDelay(delay).build().start();
		return this.server;
	}

	/** Open a raw connection, send a streamed chat request, and read until {@code events} events arrived. */
	private static Socket streamUntil(LocalOpenAIServer server, int events) throws IOException {
		Socket socket = new Socket("127.0.0.1", server.port());
		socket.setSoTimeout(10_000);
		byte[] body = CHAT.getBytes(StandardCharsets.UTF_8);
		OutputStream out = socket.getOutputStream();
		out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		int seen = 0;
		while (seen < events) {
			String line = in.readLine();
			assertThat(line).as("the stream ended early").isNotNull();
			if (line.startsWith("data: ")) {
				seen++;
			}
		}
		return socket;
	}

	private static long await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
		long start = System.nanoTime();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() - start).as("waited for the condition").isLessThan(timeout.toNanos());
			Thread.sleep(5);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

	@Test
	void theDelayPacesTheWords() {
		LocalOpenAIServer server = start(Duration.ofMillis(20));
		long start = System.nanoTime();
		HttpResponse<String> response = Http.post(server, "/chat/completions", CHAT);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(millis).isGreaterThanOrEqualTo(20L * PIECES);
		assertThat(server.streamDelay()).isEqualTo(Duration.ofMillis(20));
	}

	@Test
	void aClientThatGoesAwayStopsTheWriterPromptly() throws Exception {
		LocalOpenAIServer server = start(Duration.ofMillis(100));
		// The whole answer would take PIECES x 100 ms, several seconds.
		assertThat(PIECES).isGreaterThan(40);
		Socket socket = streamUntil(server, 3);
		assertThat(server.activeStreams()).isEqualTo(1);
		socket.close();
		long stoppedAfter = await(() -> server.activeStreams() == 0, Duration.ofSeconds(2));
		assertThat(stoppedAfter).isLessThan(1000);
		assertThat(server.abortedStreams()).isEqualTo(1);
		// The server still answers, on a free thread.
		assertThat(Http.get(server, "/models").statusCode()).isEqualTo(200);
	}

	@Test
	void theClientClosingAStreamStopsTheWriter() throws Exception {
		LocalOpenAIServer server = start(Duration.ofMillis(50));
		OpenAI client = OpenAI.builder().baseUrl(server.baseUrl()).apiKey("sk-local").build();
		try {
			ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
				.model("gpt-4o")
				.addUserMessage("Tell me a long story about streams")
				.build();
			try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
				Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
				assertThat(chunks.next().choices().get(0).delta().role().asString()).isEqualTo("assistant");
				assertThat(chunks.next().choices().get(0).delta().content()).isEqualTo("You");
			}
			await(() -> server.activeStreams() == 0, Duration.ofSeconds(2));
			assertThat(server.abortedStreams()).isEqualTo(1);
		}
		finally {
			client.close();
		}
	}

	@Test
	void aSlowStreamDoesNotHoldUpOtherRequests() throws Exception {
		LocalOpenAIServer server = start(Duration.ofMillis(200));
		try (Socket slow = streamUntil(server, 2)) {
			long start = System.nanoTime();
			for (int i = 0; i < 5; i++) {
				assertThat(Http.get(server, "/models").statusCode()).isEqualTo(200);
			}
			assertThat(Http.post(server, "/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"x\"}")
				.statusCode()).isEqualTo(200);
			assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
			assertThat(server.activeStreams()).isEqualTo(1);
		}
	}

	@Test
	void itsThreadsAreDaemonsSoAnUnclosedServerDoesNotKeepTheJvmAlive() {
		LocalOpenAIServer server = start(Duration.ZERO);
		assertThat(Http.get(server, "/models").statusCode()).isEqualTo(200);
		assertThat(Thread.getAllStackTraces().keySet())
			.filteredOn((thread) -> thread.getName().equals("HTTP-Dispatcher")
					|| thread.getName().startsWith("local-openai-"))
			.isNotEmpty()
			.allSatisfy((thread) -> assertThat(thread.isDaemon()).as(thread.getName()).isTrue());
	}

	@Test
	void closingTheServerEndsRunningStreamsAndFreesThePort() throws Exception {
		LocalOpenAIServer server = start(Duration.ofMillis(200));
		int port = server.port();
		try (Socket socket = streamUntil(server, 2)) {
			long start = System.nanoTime();
			server.close();
			assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
			assertThat(server.isRunning()).isFalse();
			assertThat(server.activeStreams()).isZero();
			assertThat(server.abortedStreams()).isEqualTo(1);
		}
		// The same port can be bound again.
		try (LocalOpenAIServer again = LocalOpenAIServer.builder().port(port).build().start()) {
			assertThat(again.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/v1");
		}
		server.close();
	}

}
