package io.github.openaispring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.openaispring.core.http.ExchangeListener;
import io.github.openaispring.core.http.HttpCall;
import io.github.openaispring.core.http.HttpResult;
import io.github.openaispring.models.ChatCompletionCreateParams;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport tells an {@link ExchangeListener} of each call once, of each attempt's
 * response, of each stream event, and of the end; a failing listener never fails the call.
 */
@WireMockTest
class ExchangeListenerTests {

	private static OpenAI client(WireMockRuntimeInfo wireMock, ExchangeListener... listeners) {
		OpenAI.Builder builder = OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.retrySleeper((delay) -> Mono.just(delay));
		for (ExchangeListener listener : listeners) {
			builder.exchangeListener(listener);
		}
		return builder.build();
	}

	@Test
	void toldOfEachAttemptAndTheEndOfARetriedCall(WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models").inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503).withHeader("x-ratelimit-remaining-requests", "9"))
			.willSetStateTo("ok"));
		stubFor(get("/v1/models").inScenario("retry")
			.whenScenarioStateIs("ok")
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"object\":\"list\",\"data\":[]}")));
		Recorder recorder = new Recorder();
		Recorder second = new Recorder();
		client(wireMock, recorder, second).models().list();
		assertThat(recorder.events).containsExactly("start models.list", "response 503 9", "response 200 null",
				"complete 200");
		assertThat(second.events).isEqualTo(recorder.events);
	}

	@Test
	void toldOfEachEventOfAStream(WireMockRuntimeInfo wireMock) {
		String chunk = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[]}";
		stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
			.withBody(": keep-alive\n\ndata: " + chunk + "\n\ndata: " + chunk + "\n\ndata: [DONE]\n\n")));
		Recorder recorder = new Recorder();
		client(wireMock, recorder).async()
			.chat()
			.completions()
			.createStreaming(ChatCompletionCreateParams.builder().model("m").addUserMessage("Hi").build())
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(recorder.events).containsExactly("start chat.completions.create", "response 200 null",
				"event " + chunk, "event " + chunk, "complete stream");
	}

	@Test
	void toldOfABinaryCallUntilItsHeaders(WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/files/file-1/content").willReturn(aResponse().withHeader("Content-Type", "application/octet-stream")
			.withHeader("x-ratelimit-remaining-requests", "7")
			.withBody(new byte[] { 1, 2, 3 })));
		Recorder recorder = new Recorder();
		try (BinaryResponse content = client(wireMock, recorder).files().content("file-1")) {
			assertThat(content.bytes()).containsExactly(1, 2, 3);
		}
		assertThat(recorder.events).containsExactly("start files.content", "response 200 7", "complete stream");
	}

	@Test
	void toldOfAFailure(WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models").willReturn(aResponse().withStatus(401).withBody("{}")));
		Recorder recorder = new Recorder();
		try {
			client(wireMock, recorder).models().list();
		}
		catch (io.github.openaispring.errors.AuthenticationException expected) {
			// the listener saw it too
		}
		assertThat(recorder.events).containsExactly("start models.list", "response 401 null",
				"error AuthenticationException");
	}

	@Test
	void aFailingListenerNeverFailsTheCall(WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody("{\"object\":\"list\",\"data\":[]}")));
		ExchangeListener broken = (call) -> {
			throw new IllegalStateException("broken");
		};
		ExchangeListener brokenLater = (call) -> new ExchangeListener.Exchange() {

			@Override
			public void onComplete(HttpResult result) {
				throw new IllegalStateException("broken");
			}

		};
		assertThat(client(wireMock, broken).models().list().data()).isEmpty();
		assertThat(client(wireMock, brokenLater).models().list().data()).isEmpty();
	}

	static final class Recorder implements ExchangeListener {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public Exchange start(HttpCall call) {
			this.events.add("start " + call.operation());
			return new Exchange() {

				@Override
				public void onResponse(int statusCode, java.util.Map<String, List<String>> headers) {
					List<String> remaining = headers.get("x-ratelimit-remaining-requests");
					Recorder.this.events.add("response " + statusCode + " "
							+ ((remaining != null) ? remaining.get(0) : null));
				}

				@Override
				public void onEvent(String data) {
					Recorder.this.events.add("event " + data);
				}

				@Override
				public void onComplete(HttpResult result) {
					Recorder.this.events.add("complete " + ((result != null) ? result.statusCode() : "stream"));
				}

				@Override
				public void onError(Throwable failure) {
					Recorder.this.events.add("error " + failure.getClass().getSimpleName());
				}

				@Override
				public void onCancel() {
					Recorder.this.events.add("cancel");
				}

			};
		}

	}

}
