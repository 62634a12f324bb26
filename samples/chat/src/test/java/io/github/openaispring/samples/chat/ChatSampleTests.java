package io.github.openaispring.samples.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.openaispring.localserver.LocalOpenAIServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chat sample on a random port against the embedded local server: the REST answer, the
 * Server-Sent Events stream, cancellation on disconnect, health and metrics.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { ChatSampleTests.LOCAL_SERVER,
		ChatSampleTests.STREAM_DELAY })
@AutoConfigureRestTestClient
@AutoConfigureMetrics
class ChatSampleTests {

	/** Always the local server, even with OPENAI_API_KEY set. Shared by the browser test. */
	static final String LOCAL_SERVER = "openai.local-server.enabled=true";

	/** Quicker streams than the application's 40ms, still slow enough to see tokens arrive in a browser. */
	static final String STREAM_DELAY = "openai.local-server.stream-delay=15ms";

	static final String QUESTION = "What is the capital of France?";

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	RestTestClient client;

	@Autowired
	LocalOpenAIServer localOpenAIServer;

	@Test
	void answersAQuestionAsJson() {
		this.client.get()
			.uri("/api/answer?question={q}", QUESTION)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.question")
			.isEqualTo(QUESTION)
			.jsonPath("$.answer")
			.value(String.class, (answer) -> assertThat(answer).startsWith("You asked: \"" + QUESTION + "\""))
			.jsonPath("$.model")
			.isEqualTo("gpt-4o-mini")
			.jsonPath("$.completionTokens")
			.value(Integer.class, (tokens) -> assertThat(tokens).isGreaterThan(10));
	}

	@Test
	void streamsTheAnswerTokenByTokenThenEnds() throws Exception {
		HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(streamUri(QUESTION)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.TEXT_EVENT_STREAM)).isTrue());
		List<Event> events = Event.parse(response.body().toList()); // returns when the server ends the response

		assertThat(events.size()).isGreaterThan(10);
		List<Event> tokens = events.subList(0, events.size() - 1);
		assertThat(tokens).allSatisfy((event) -> assertThat(event.name()).isEqualTo("token"));
		Event done = events.get(events.size() - 1);
		assertThat(done.name()).isEqualTo("done");
		StringBuilder streamed = new StringBuilder();
		tokens.forEach((event) -> streamed.append(json.readTree(event.data()).get("text").asString()));
		JsonNode answer = json.readTree(done.data());
		assertThat(answer.get("answer").asString()).startsWith("You asked: \"" + QUESTION + "\"")
			.isEqualTo(streamed.toString());
		assertThat(answer.get("completionTokens").asInt()).isEqualTo(tokens.size());
	}

	@Test
	void aClientThatDisconnectsEndsTheUpstreamStream() throws Exception {
		long abortedBefore = this.localOpenAIServer.abortedStreams();
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + streamUri("Tell me a long story").getRawPath() + "?"
					+ streamUri("Tell me a long story").getRawQuery() + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			int tokens = 0;
			for (String line = in.readLine(); line != null && tokens < 3; line = in.readLine()) {
				if (line.equals("event:token")) {
					tokens++;
				}
			}
			assertThat(tokens).isEqualTo(3);
			assertThat(this.localOpenAIServer.activeStreams()).isEqualTo(1);
		} // the "browser" goes away mid-answer
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.localOpenAIServer.abortedStreams()).isEqualTo(abortedBefore + 1);
			assertThat(this.localOpenAIServer.activeStreams()).isZero();
		});
	}

	@Test
	void healthShowsTheOpenAIComponentUp() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.openai.status")
			.isEqualTo("UP")
			.jsonPath("$.components.openai.details.host")
			.isEqualTo("127.0.0.1");
	}

	@Test
	void metricsArePresentAfterOneCall() {
		this.client.get().uri("/api/answer?question={q}", "Hello").exchange().expectStatus().isOk();

		this.client.get()
			.uri("/actuator/metrics/openai.client.requests?tag=operation:chat.completions.create")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
			.value(List.class, (counts) -> assertThat(((Number) counts.get(0)).intValue()).isPositive());
		this.client.get().uri("/actuator/metrics/gen_ai.client.token.usage").exchange().expectStatus().isOk();
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("openai_client_requests_seconds_count{")
				.contains("gen_ai_client_token_usage"));
	}

	@Test
	void servesThePage() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("<script src=\"chat.js\"></script>"));
	}

	private URI streamUri(String question) {
		return URI.create("http://localhost:" + this.port + "/api/stream?question="
				+ URLEncoder.encode(question, StandardCharsets.UTF_8));
	}

	/** One server-sent event: its name and data (one data line, as this sample sends JSON). */
	record Event(String name, String data) {

		static List<Event> parse(List<String> lines) throws IOException {
			List<Event> events = new ArrayList<>();
			String name = "message";
			StringBuilder data = new StringBuilder();
			for (String line : lines) {
				if (line.isEmpty()) {
					if (!data.isEmpty()) {
						events.add(new Event(name, data.toString()));
					}
					name = "message";
					data.setLength(0);
				}
				else if (line.startsWith("event:")) {
					name = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append(line.substring(5));
				}
			}
			return events;
		}

	}

}
