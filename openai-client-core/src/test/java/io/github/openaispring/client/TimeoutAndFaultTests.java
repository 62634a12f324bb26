package io.github.openaispring.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Responses that never come or come broken, for both clients: response and connect timeouts,
 * connections reset, closed or fed garbage. Each failure is retried, waits recorded and never
 * spent, and a later attempt that succeeds wins.
 */
@WireMockTest
@Timeout(60)
class TimeoutAndFaultTests {

	private static final String PATH = "/v1/chat/completions";

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}]}
			""";

	private final List<Duration> waits = new CopyOnWriteArrayList<>();

	private final List<String> retries = new CopyOnWriteArrayList<>();

	static List<Arguments> faults() {
		List<Arguments> arguments = new ArrayList<>();
		for (Fault fault : List.of(Fault.CONNECTION_RESET_BY_PEER, Fault.EMPTY_RESPONSE, Fault.MALFORMED_RESPONSE_CHUNK,
				Fault.RANDOM_DATA_THEN_CLOSE)) {
			arguments.add(Arguments.of(fault, false));
			arguments.add(Arguments.of(fault, true));
		}
		return arguments;
	}

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build();
	}

	private OpenAI client(String baseUrl, Consumer<OpenAI.Builder> customizer) {
		OpenAI.Builder builder = OpenAI.builder()
			.baseUrl(baseUrl)
			.apiKey("sk-test")
			.retryListener((operation, cause, retry, delay) -> this.retries.add(cause))
			.retrySleeper((delay) -> {
				this.waits.add(delay);
				return Mono.just(delay);
			});
		customizer.accept(builder);
		return builder.build();
	}

	private OpenAI client(WireMockRuntimeInfo wireMock, Consumer<OpenAI.Builder> customizer) {
		return client(wireMock.getHttpBaseUrl() + "/v1", customizer);
	}

	private static ChatCompletion create(OpenAI client, boolean async) {
		return create(client, async, RequestOptions.none());
	}

	private static ChatCompletion create(OpenAI client, boolean async, RequestOptions options) {
		return async ? client.async().chat().completions().create(params(), options).block(Duration.ofSeconds(30))
				: client.chat().completions().create(params(), options);
	}

	private static void stubSequence(ResponseDefinitionBuilder... responses) {
		for (int i = 0; i < responses.length; i++) {
			ScenarioMappingBuilder stub = WireMock.post(urlPathEqualTo(PATH))
				.inScenario("sequence")
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "step " + i)
				.willReturn(responses[i]);
			stubFor((i < responses.length - 1) ? stub.willSetStateTo("step " + (i + 1)) : stub);
		}
	}

	private static ResponseDefinitionBuilder ok() {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(COMPLETION);
	}

	private static ResponseDefinitionBuilder slow(int millis) {
		return ok().withFixedDelay(millis);
	}

	/** The requests the server saw, waiting for those it is still delaying to be logged. */
	private static int requests(int atLeast) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		int count = findAll(postRequestedFor(urlPathEqualTo(PATH))).size();
		while (count < atLeast && System.nanoTime() < deadline) {
			Thread.sleep(20);
			count = findAll(postRequestedFor(urlPathEqualTo(PATH))).size();
		}
		return count;
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aResponseSlowerThanTheTimeoutIsATimeoutAndIsRetried(boolean async, WireMockRuntimeInfo wireMock)
			throws InterruptedException {
		stubSequence(slow(2_000));
		OpenAI client = client(wireMock, (builder) -> builder.timeout(Duration.ofMillis(300)));
		long start = System.nanoTime();
		Throwable failure = catchThrowable(() -> create(client, async));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_800));
		assertThat(failure).isExactlyInstanceOf(APITimeoutException.class)
			.hasMessage("POST /chat/completions (chat.completions.create) timed out after 300 ms");
		assertThat(requests(3)).isEqualTo(3);
		assertThat(this.retries).containsExactly("timeout", "timeout");
		assertThat(this.waits).hasSize(2);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aLaterAttemptWithinTheTimeoutSucceeds(boolean async, WireMockRuntimeInfo wireMock)
			throws InterruptedException {
		stubSequence(slow(4_000), ok());
		OpenAI client = client(wireMock, (builder) -> builder.timeout(Duration.ofMillis(1_500)));
		assertThat(create(client, async).id()).isEqualTo("chatcmpl-1");
		assertThat(requests(2)).isEqualTo(2);
		assertThat(this.retries).containsExactly("timeout");
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theTimeoutOfTheRequestWinsOverTheClients(boolean async, WireMockRuntimeInfo wireMock)
			throws InterruptedException {
		stubSequence(slow(1_000));
		OpenAI patient = client(wireMock, (builder) -> builder.timeout(Duration.ofSeconds(20)).maxRetries(0));
		Throwable failure = catchThrowable(
				() -> create(patient, async, RequestOptions.builder().timeout(Duration.ofMillis(200)).build()));
		assertThat(failure).isExactlyInstanceOf(APITimeoutException.class).hasMessageEndingWith("timed out after 200 ms");
		assertThat(requests(1)).isEqualTo(1);
		OpenAI hasty = client(wireMock, (builder) -> builder.timeout(Duration.ofMillis(200)).maxRetries(0));
		assertThat(create(hasty, async, RequestOptions.builder().timeout(Duration.ofSeconds(20)).build()).id())
			.isEqualTo("chatcmpl-1");
		patient.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theTimeoutOfWithOptionsAppliesToTheNewClientOnly(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence(slow(600));
		OpenAI client = client(wireMock, (builder) -> builder.maxRetries(0));
		OpenAI hasty = client.withOptions((options) -> options.timeout(Duration.ofMillis(200)));
		assertThat(catchThrowable(() -> create(hasty, async))).isExactlyInstanceOf(APITimeoutException.class);
		assertThat(create(client, async).id()).isEqualTo("chatcmpl-1");
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aRefusedConnectionIsAConnectionExceptionAfterEveryRetry(boolean async) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		OpenAI client = client("http://127.0.0.1:" + port + "/v1", (builder) -> {
		});
		Throwable failure = catchThrowable(() -> create(client, async));
		assertThat(failure).isExactlyInstanceOf(APIConnectionException.class)
			.hasMessageStartingWith("POST /chat/completions (chat.completions.create) failed: ")
			.hasMessageContaining("Connection refused");
		assertThat(this.retries).containsExactly("connection", "connection");
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aConnectionThatIsNeverAcceptedIsATimeoutAfterTheConnectTimeoutAndIsRetried(boolean async)
			throws IOException {
		// A server socket that never accepts, with a backlog of one filled by two connections:
		// Linux then drops further handshakes, which hang until the connect timeout.
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket first = new Socket();
				Socket second = new Socket()) {
			first.connect(server.getLocalSocketAddress());
			try {
				second.connect(server.getLocalSocketAddress(), 200);
			}
			catch (IOException backlogFull) {
				// what the test needs
			}
			OpenAI client = client("http://127.0.0.1:" + server.getLocalPort() + "/v1",
					(builder) -> builder.connectTimeout(Duration.ofMillis(200)).timeout(Duration.ofSeconds(20)));
			long start = System.nanoTime();
			Throwable failure = catchThrowable(() -> create(client, async));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			assertThat(failure).isExactlyInstanceOf(APITimeoutException.class)
				.isInstanceOf(APIConnectionException.class)
				.hasMessageStartingWith("POST /chat/completions (chat.completions.create) failed: ")
				.hasMessageContaining("connection timed out after 200 ms");
			assertThat(this.retries).containsExactly("timeout", "timeout");
			client.close();
		}
	}

	@ParameterizedTest(name = "{0} (async: {1})")
	@MethodSource("faults")
	void aBrokenResponseIsAConnectionExceptionAfterEveryRetry(Fault fault, boolean async, WireMockRuntimeInfo wireMock)
			throws InterruptedException {
		stubSequence(aResponse().withFault(fault));
		OpenAI client = client(wireMock, (builder) -> {
		});
		Throwable failure = catchThrowable(() -> create(client, async));
		assertThat(failure).isExactlyInstanceOf(APIConnectionException.class)
			.hasMessageStartingWith("POST /chat/completions (chat.completions.create) failed: ");
		assertThat(requests(3)).isEqualTo(3);
		assertThat(this.retries).containsExactly("connection", "connection");
		assertThat(this.waits).hasSize(2);
		client.close();
	}

	@ParameterizedTest(name = "{0} (async: {1})")
	@MethodSource("faults")
	void aBrokenResponseFollowedByAGoodOneSucceeds(Fault fault, boolean async, WireMockRuntimeInfo wireMock)
			throws InterruptedException {
		stubSequence(aResponse().withFault(fault), aResponse().withFault(fault), ok());
		OpenAI client = client(wireMock, (builder) -> {
		});
		assertThat(create(client, async).choices().get(0).message().content()).isEqualTo("Hello!");
		assertThat(requests(3)).isEqualTo(3);
		assertThat(findAll(postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer sk-test"))))
			.hasSize(3);
		client.close();
	}

	@ParameterizedTest(name = "{0} (async: {1})")
	@MethodSource("faults")
	void aBrokenResponseIsNotRetriedWhenTheRequestSaysSo(Fault fault, boolean async, WireMockRuntimeInfo wireMock)
			throws InterruptedException {
		stubSequence(aResponse().withFault(fault), ok());
		OpenAI client = client(wireMock, (builder) -> {
		});
		assertThat(catchThrowable(() -> create(client, async, RequestOptions.builder().maxRetries(0).build())))
			.isExactlyInstanceOf(APIConnectionException.class);
		assertThat(requests(1)).isEqualTo(1);
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void retriesAfterFaultsAndTimeoutsAreCountedByTheirCause(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), slow(3_000), ok());
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		OpenAI client = client(wireMock, (builder) -> builder.meterRegistry(registry).timeout(Duration.ofMillis(1_000)));
		assertThat(create(client, async).id()).isEqualTo("chatcmpl-1");
		assertThat(registry.get("openai.client.retries").tag("operation", "chat.completions.create")
			.tag("cause", "connection")
			.counter()
			.count()).isEqualTo(1.0);
		assertThat(registry.get("openai.client.retries").tag("operation", "chat.completions.create")
			.tag("cause", "timeout")
			.counter()
			.count()).isEqualTo(1.0);
		client.close();
	}

	@Test
	void theConnectionPoolRecoversAfterFaults(WireMockRuntimeInfo wireMock) {
		stubSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), aResponse().withFault(Fault.EMPTY_RESPONSE),
				ok());
		OpenAI client = client(wireMock, (builder) -> builder.maxRetries(5));
		for (int i = 0; i < 5; i++) {
			assertThat(create(client, i % 2 == 0).id()).isEqualTo("chatcmpl-1");
		}
		client.close();
	}

}
