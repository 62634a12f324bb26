package io.github.openaispring.client;

import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.testsupport.ResponseRace;
import io.github.openaispring.testsupport.SseTestServer;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

import static io.github.openaispring.testsupport.SseTestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A timeout that fires while a response is being handed from Reactor Netty to Spring strands
 * its connection: acquired for good, read by nobody, not closed by the pool's dispose. The race
 * is rare under load (about once in 5,000-10,000 timeouts), so {@link ResponseRace} holds the
 * event loop in that window and the timeout fires there every time.
 * <p>
 * The mechanism (Spring WebFlux 7.0.10, Reactor Netty 1.3.8): Reactor Netty's
 * {@code HttpClientConnect} completes its {@code MonoSink} with the connection when the
 * response arrives; from then its {@code onCancel} (which disposes the connection) no longer
 * runs. Spring's {@code ReactorClientHttpConnector.connect} then, on the event loop, makes a
 * {@code ReactorClientHttpResponse} in {@code responseConnection} and stores it in
 * {@code responseRef}; its {@code doOnCancel} releases the body only if {@code responseRef} is
 * set. A cancel from the timer thread in between finds the sink spent and {@code responseRef}
 * empty: nothing frees the connection, and the response that is made next is dropped by the
 * cancelled {@code flatMapMany}, so nobody ever subscribes to its body. Its {@code FluxReceive}
 * keeps auto-read off and the pool keeps the connection acquired until the server closes it.
 * <p>
 * The first test shows this on a bare {@code WebClient}: when it fails, a fixed Spring or
 * Reactor Netty has arrived, and {@code ClientConnections}' workaround (closing the connection
 * of an abandoned attempt itself) can go. The others show that the client frees the connection.
 */
@Timeout(60)
class StrandedConnectionTests {

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}]}
			""";

	/**
	 * Long enough for a warm client to have its response before it, on a busy machine: the
	 * race needs the response to arrive first, then the timeout while the event loop is held.
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private static final Duration BOUND = Duration.ofSeconds(5);

	/**
	 * Answers with a body in two parts, 300 ms apart: the timeout fires while the body is still
	 * arriving. (A body that arrives whole with its headers ends the exchange in Reactor Netty
	 * whether or not anyone reads it, and frees the connection.)
	 */
	private final SseTestServer server = SseTestServer.start((index, request, response, server) -> {
		byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
		return response.status(200)
			.header("Content-Type", "application/json")
			.header("Content-Length", String.valueOf(body.length))
			.send(Flux.just(Arrays.copyOfRange(body, 0, 40), Arrays.copyOfRange(body, 40, body.length))
				.delayUntil((part) -> (part.length == 40) ? Mono.empty() : Mono.delay(Duration.ofMillis(300)))
				.map(Unpooled::wrappedBuffer), (buffer) -> true);
	});

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void aBareWebClientStrandsTheConnectionOfATimeoutThatFiresAsTheResponseArrives() throws Exception {
		AcquiredConnections acquired = new AcquiredConnections();
		ConnectionProvider pool = ConnectionProvider.builder("bare").maxConnections(1).metrics(true, () -> acquired)
			.build();
		WebClient webClient = WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
			.build();
		try {
			// Warm: the first call of a JVM loads classes for longer than the timeout.
			webClient.get().uri(this.server.baseUrl() + "/models").retrieve().bodyToMono(String.class).block(BOUND);
			try (ResponseRace race = ResponseRace.arm()) {
				CompletableFuture<String> call = webClient.post()
					.uri(this.server.baseUrl() + "/chat/completions")
					.exchangeToMono((response) -> response.bodyToMono(String.class))
					.timeout(TIMEOUT)
					.toFuture();
				assertThat(race.awaitHeld(BOUND)).isTrue();
				// The timeout fires on Reactor's parallel scheduler while the event loop is held.
				assertThat(catchThrowable(() -> call.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)))
					.hasCauseInstanceOf(TimeoutException.class);
			}
			// Nothing is in flight, yet the one connection stays acquired and open: a working
			// pool frees it within milliseconds, so a second is plenty to tell.
			assertThat(eventually(Duration.ofSeconds(1), () -> acquired.acquired() == 0)).as("connection freed")
				.isFalse();
			assertThat(this.server.openConnections()).isEqualTo(1);
			// The pool, of one connection, is empty for good: the next call waits for a connection.
			assertThatThrownBy(() -> webClient.get()
				.uri(this.server.baseUrl() + "/models")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(1))).hasMessageContaining("Timeout");
			assertThat(this.server.requests()).isEqualTo(2);
			// Disposing the pool closes only idle connections: the stranded one stays open.
			pool.dispose();
			assertThat(eventually(Duration.ofSeconds(1), () -> this.server.openConnections() == 0)).isFalse();
		}
		finally {
			pool.dispose();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theClientClosesTheConnectionOfATimeoutThatFiresAsTheResponseArrives(boolean async) throws Exception {
		try (OpenAI client = OpenAI.builder().baseUrl(this.server.baseUrl()).apiKey("sk-test").maxRetries(0).build()) {
			HttpTransport transport = ((DefaultAsyncOpenAI) client.async()).context().transport();
			RequestOptions shortTimeout = RequestOptions.builder().timeout(TIMEOUT).build();
			client.chat().completions().create(params());
			try (ResponseRace race = ResponseRace.arm()) {
				CompletableFuture<ChatCompletion> call = async
						? client.async().chat().completions().create(params(), shortTimeout).toFuture()
						: CompletableFuture.supplyAsync(() -> client.chat().completions().create(params(), shortTimeout));
				assertThat(race.awaitHeld(BOUND)).isTrue();
				assertThat(catchThrowable(() -> call.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)))
					.hasCauseInstanceOf(APITimeoutException.class);
			}
			assertThat(eventually(BOUND, () -> transport.acquiredConnections() == 0)).as("connection freed").isTrue();
			assertThat(eventually(BOUND, () -> this.server.openConnections() == 0)).as("connection closed").isTrue();
			assertThat(eventually(BOUND, () -> transport.openConnections() == 0)).isTrue();
			// The pool works on: the next call gets a connection and an answer.
			ChatCompletion next = async ? client.async().chat().completions().create(params()).block(BOUND)
					: client.chat().completions().create(params());
			assertThat(next.choices().get(0).message().content()).isEqualTo("Hello!");
		}
	}

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build();
	}

	/** The acquired connections of a bare pool, read from Reactor Netty's pool metrics. */
	private static final class AcquiredConnections implements ConnectionProvider.MeterRegistrar {

		private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();

		@Override
		public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
				ConnectionPoolMetrics metrics) {
			this.pools.put(id + remoteAddress, metrics);
		}

		@Override
		public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
			this.pools.remove(id + remoteAddress);
		}

		int acquired() {
			return this.pools.values().stream().mapToInt(ConnectionPoolMetrics::acquiredSize).sum();
		}

	}

}
