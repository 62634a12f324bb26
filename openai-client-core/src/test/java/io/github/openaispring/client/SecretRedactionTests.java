package io.github.openaispring.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.AuthenticationException;
import io.github.openaispring.errors.BadRequestException;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The API key goes out in {@code Authorization} and nowhere else: not in any exception's text,
 * not in any {@code toString()}, not in any log line at any level, even when a server echoes it.
 */
@WireMockTest
@Timeout(60)
class SecretRedactionTests {

	private static final String KEY = "sk-secret-0123456789abcdefABCDEF";

	private static final String PATH = "/v1/chat/completions";

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}]}
			""";

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build();
	}

	private static OpenAI client(String baseUrl, Consumer<OpenAI.Builder> customizer) {
		OpenAI.Builder builder = OpenAI.builder()
			.baseUrl(baseUrl)
			.apiKey(KEY)
			.organization("org-1")
			.project("proj-1")
			.retrySleeper((delay) -> Mono.just(delay));
		customizer.accept(builder);
		return builder.build();
	}

	private static OpenAI client(WireMockRuntimeInfo wireMock) {
		return client(wireMock.getHttpBaseUrl() + "/v1", (builder) -> {
		});
	}

	private static ChatCompletion create(OpenAI client, boolean async) {
		return async ? client.async().chat().completions().create(params()).block(Duration.ofSeconds(30))
				: client.chat().completions().create(params());
	}

	/** Everything an exception prints: messages, causes and suppressed exceptions, frames. */
	private static String fullText(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		return text + "\n" + failure;
	}

	private static void assertNoKey(Throwable failure) {
		assertThat(failure).isNotNull();
		assertThat(fullText(failure)).doesNotContain(KEY).doesNotContain(KEY.substring(3));
		if (failure instanceof APIStatusException status) {
			assertThat(status.body()).doesNotContain(KEY);
			assertThat(String.valueOf(status.errorMessage())).doesNotContain(KEY);
			assertThat(status.details().toString()).doesNotContain(KEY);
		}
		if (failure instanceof APIResponseValidationException validation) {
			assertThat(validation.body()).doesNotContain(KEY);
		}
	}

	private static void assertNoKeyIn(List<String> lines) {
		assertThat(lines).isNotEmpty().allSatisfy((line) -> assertThat(line).doesNotContain(KEY));
	}

	private static ResponseDefinitionBuilder echoingKey(int status) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_echo")
			.withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
					+ ". You can find your API key at https://platform.openai.com/account/api-keys.\","
					+ "\"type\":\"invalid_request_error\",\"param\":\"" + KEY + "\",\"code\":\"invalid_api_key\"}}");
	}

	@Test
	void noToStringShowsTheKey(WireMockRuntimeInfo wireMock) {
		OpenAI client = client(wireMock);
		assertThat(client.options().toString()).doesNotContain(KEY).contains("apiKey=****");
		assertThat(client.toString()).doesNotContain(KEY);
		assertThat(client.async().toString()).doesNotContain(KEY);
		assertThat(client.async().sync().toString()).doesNotContain(KEY);
		assertThat(client.withOptions((options) -> options.maxRetries(5)).toString()).doesNotContain(KEY);
		assertThat(ClientOptions.builder().apiKey(KEY).build().toString()).doesNotContain(KEY);
		assertThat(ClientOptions.builder().apiKey(() -> KEY).build().toString()).doesNotContain(KEY);
		assertThat(RequestOptions.builder().header("Authorization", "Bearer " + KEY).build().toString())
			.doesNotContain(KEY);
		client.close();
	}

	@Test
	void theKeyGoesOutInTheAuthorizationHeader(WireMockRuntimeInfo wireMock) {
		stubFor(post(PATH).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(COMPLETION)));
		OpenAI client = client(wireMock);
		create(client, false);
		verify(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY)));
		assertThat(client.authHeaders()).containsEntry("Authorization", List.of("Bearer " + KEY));
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aServerThatEchoesTheKeyDoesNotPutItInTheException(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post(PATH).willReturn(echoingKey(401)));
		OpenAI client = client(wireMock);
		Throwable failure = catchThrowable(() -> create(client, async));
		assertThat(failure).isExactlyInstanceOf(AuthenticationException.class);
		AuthenticationException exception = (AuthenticationException) failure;
		assertThat(exception.errorMessage()).startsWith("Incorrect API key provided: ****. You can find");
		assertThat(exception.errorParam()).isEqualTo("****");
		assertThat(exception.errorCode()).isEqualTo("invalid_api_key");
		assertThat(exception.body()).contains("Incorrect API key provided: ****.");
		assertNoKey(failure);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aKeyEchoedInANonJsonBodyIsRemovedToo(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post(PATH).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "text/plain")
			.withBody("Bad header: Authorization: Bearer " + KEY)));
		OpenAI client = client(wireMock);
		Throwable failure = catchThrowable(() -> create(client, async));
		assertThat(failure).isExactlyInstanceOf(BadRequestException.class);
		assertThat(((BadRequestException) failure).body()).isEqualTo("Bad header: Authorization: Bearer ****");
		assertNoKey(failure);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aStreamThatFailsWithAnEchoedKeyDoesNotPutItInTheException(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post(PATH).willReturn(echoingKey(401)));
		OpenAI client = client(wireMock);
		Throwable failure = catchThrowable(() -> {
			if (async) {
				client.async().chat().completions().createStreaming(params()).blockLast(Duration.ofSeconds(30));
			}
			else {
				try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params())) {
					stream.stream().count();
				}
			}
		});
		assertThat(failure).isExactlyInstanceOf(AuthenticationException.class)
			.hasMessageStartingWith("401: Incorrect API key provided: ****.");
		assertNoKey(failure);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aRotatingKeyIsRemovedAsItWasWhenTheErrorCame(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post(PATH).willReturn(echoingKey(401)));
		OpenAI client = client(wireMock.getHttpBaseUrl() + "/v1", (builder) -> builder.apiKey(() -> KEY));
		Throwable failure = catchThrowable(() -> create(client, async));
		assertNoKey(failure);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void noFailureOfAnyKindShowsTheKey(boolean async, WireMockRuntimeInfo wireMock) throws IOException {
		List<Throwable> failures = new ArrayList<>();
		OpenAI client = client(wireMock.getHttpBaseUrl() + "/v1", (builder) -> builder.timeout(Duration.ofMillis(300)));
		stubFor(post(PATH).willReturn(echoingKey(500)));
		failures.add(catchThrowable(() -> create(client, async)));
		stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		failures.add(catchThrowable(() -> create(client, async)));
		stubFor(post(PATH).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		failures.add(catchThrowable(() -> create(client, async)));
		stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(2_000).withBody(COMPLETION)));
		failures.add(catchThrowable(() -> create(client, async)));
		stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("{\"id\":")));
		failures.add(catchThrowable(() -> create(client, async)));
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		OpenAI refused = client("http://127.0.0.1:" + port + "/v1", (builder) -> {
		});
		failures.add(catchThrowable(() -> create(refused, async)));
		assertThat(failures).hasSize(6).doesNotContainNull().allSatisfy(SecretRedactionTests::assertNoKey);
		client.close();
		refused.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void noLogLineAtAnyLevelShowsTheKey(boolean async, WireMockRuntimeInfo wireMock) {
		OpenAI client = client(wireMock);
		List<String> lines;
		try (CapturingLogFactory.Capture logs = CapturingLogFactory.capture()) {
			stubFor(post(PATH).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("x-request-id", "req_ok")
				// A success body that echoes the key: the trace line must not show it.
				.withBody(COMPLETION.substring(0, COMPLETION.lastIndexOf('}')) + ",\"echo\":\"" + KEY + "\"}")));
			create(client, async);
			stubFor(post(PATH).willReturn(echoingKey(401)));
			catchThrowable(() -> create(client, async));
			stubFor(post(PATH).willReturn(echoingKey(503)));
			catchThrowable(() -> create(client, async));
			stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
			catchThrowable(() -> create(client, async));
			stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(1_000).withBody(COMPLETION)));
			catchThrowable(() -> create(client.withOptions((options) -> options.timeout(Duration.ofMillis(300))), async));
			lines = logs.lines();
		}
		assertNoKeyIn(lines);
		assertThat(lines).anySatisfy((line) -> assertThat(line)
			.startsWith("DEBUG io.github.openaispring.core.http.HttpTransport: ")
			.contains("POST /chat/completions (chat.completions.create) attempt 1: 200 in ")
			.contains("ms, request id req_ok"));
		assertThat(lines).anySatisfy((line) -> assertThat(line)
			.startsWith("TRACE io.github.openaispring.core.http.HttpTransport: ")
			.contains("response body: {\"id\":\"chatcmpl-1\""));
		assertThat(lines).anySatisfy((line) -> assertThat(line)
			.contains("POST /chat/completions (chat.completions.create) attempt 1 failed in ")
			.contains("401: Incorrect API key provided: ****."));
		assertThat(lines).anySatisfy((line) -> assertThat(line)
			.contains("POST /chat/completions (chat.completions.create): retry 2 of 2 in ")
			.contains("ms after 503"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("ms after connection"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).contains("ms after timeout"));
		client.close();
	}

	@Test
	void aMissingKeyFailsWithoutShowingAnything() {
		Throwable failure = catchThrowable(() -> OpenAI.builder().build());
		assertThat(failure).hasMessageContaining("apiKey(..)").hasMessageContaining("OPENAI_API_KEY");
	}

}
