package io.github.openaispring.samples.reactive;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.openaispring.localserver.LocalOpenAIServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reactive sample on a random port against the embedded local server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "openai.local-server.enabled=true", "openai.local-server.stream-delay=10ms" })
@AutoConfigureWebTestClient
class ReactiveSampleTests {

	private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient client;

	@Autowired
	LocalOpenAIServer localOpenAIServer;

	@Test
	void streamsTheAnswerAsServerSentEvents() {
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get()
			.uri("/api/stream?question={q}", "What is the capital of France?")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(events).hasSizeGreaterThan(10);
		List<ServerSentEvent<Map<String, Object>>> tokens = events.subList(0, events.size() - 1);
		assertThat(tokens).allSatisfy((event) -> assertThat(event.event()).isEqualTo("token"));
		ServerSentEvent<Map<String, Object>> done = events.get(events.size() - 1);
		assertThat(done.event()).isEqualTo("done");
		StringBuilder streamed = new StringBuilder();
		tokens.forEach((event) -> streamed.append(event.data().get("text")));
		assertThat(done.data().get("answer")).isEqualTo(streamed.toString());
		assertThat(streamed.toString()).startsWith("You asked: \"What is the capital of France?\"");
		assertThat(((Number) done.data().get("completionTokens")).intValue()).isEqualTo(tokens.size());
	}

	@Test
	void aClientThatGoesAwayCancelsTheUpstreamRequest() {
		long abortedBefore = this.localOpenAIServer.abortedStreams();
		List<ServerSentEvent<Map<String, Object>>> firstTokens = this.client.get()
			.uri("/api/stream?question={q}", "Tell me a long story")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENT)
			.getResponseBody()
			.take(3) // then cancels: the connection to the sample is closed mid-answer
			.doOnNext((event) -> assertThat(this.localOpenAIServer.activeStreams()).isEqualTo(1))
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(firstTokens).hasSize(3).allSatisfy((event) -> assertThat(event.event()).isEqualTo("token"));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(this.localOpenAIServer.abortedStreams()).isEqualTo(abortedBefore + 1);
			assertThat(this.localOpenAIServer.activeStreams()).isZero();
		});
	}

	@Test
	void findsTheDocumentsClosestInMeaning() {
		String cat = add("The cat sleeps on the warm mat by the window");
		add("Stock markets fell sharply after the announcement");
		String kitten = add("A kitten and a cat sleep all afternoon");
		add("Slice the tomatoes and simmer the soup for an hour");

		List<Map<String, Object>> matches = this.client.get()
			.uri("/api/search?q={q}&limit=3", "where does the cat sleep")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();

		assertThat(matches).hasSize(3);
		assertThat(matches.subList(0, 2)).extracting((match) -> match.get("id")).containsExactlyInAnyOrder(cat, kitten);
		List<Double> scores = matches.stream().map((match) -> ((Number) match.get("score")).doubleValue()).toList();
		assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a)).allSatisfy((score) -> assertThat(score).isBetween(-1.0, 1.0));
	}

	@Test
	void refusesADocumentWithoutText() {
		this.client.post().uri("/api/documents").bodyValue(Map.of("text", " ")).exchange().expectStatus().isBadRequest();
	}

	private String add(String text) {
		Map<String, Object> added = this.client.post()
			.uri("/api/documents")
			.bodyValue(Map.of("text", text))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(added.get("dimensions")).isEqualTo(1536);
		return (String) added.get("id");
	}

}
