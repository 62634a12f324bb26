package io.github.openaispring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.testsupport.SseTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import static io.github.openaispring.testsupport.SseTestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Closing a stream early, cancelling it, or failing in the consumer ends the HTTP exchange at
 * once and frees the connection. The server streams slowly (one event every 50 ms, 100 events:
 * five seconds), so an early end is visible: the test proves that the client's pool has no
 * acquired connection afterwards, that the server saw its connection closed and stopped
 * writing, and that all this happened long before the stream would have ended by itself.
 */
class StreamCancellationTests {

	private static final int EVENTS = 100;

	private static final Duration PACE = Duration.ofMillis(50);

	private static final Duration BOUND = Duration.ofSeconds(2);

	private SseTestServer server;

	private OpenAI client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	private static List<String> slowStream() {
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i < EVENTS; i++) {
			pieces.add("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
					+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w" + i + " \"}}]}\n\n");
		}
		pieces.add("data: [DONE]\n\n");
		return pieces;
	}

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Count slowly").build();
	}

	private void start() {
		this.server = SseTestServer.streaming(PACE, slowStream());
		this.client = OpenAI.builder().baseUrl(this.server.baseUrl()).apiKey("sk-test").maxRetries(0).build();
	}

	private HttpTransport transport() {
		return ((DefaultAsyncOpenAI) this.client.async()).context().transport();
	}

	/** The proof: the pool gave the connection back, the server saw it closed and stopped. */
	private void assertExchangeEnded(long startNanos) throws InterruptedException {
		assertThat(eventually(BOUND, () -> transport().acquiredConnections() == 0))
			.as("the pool has no acquired connection").isTrue();
		assertThat(this.server.awaitConnectionClosed(BOUND)).as("the server saw the connection closed").isTrue();
		assertThat(this.server.awaitWritingCancelled(BOUND)).as("the server's writing was cancelled").isTrue();
		assertThat(eventually(BOUND, () -> this.server.openConnections() == 0)).isTrue();
		int writtenAtCancel = this.server.written();
		assertThat(writtenAtCancel).as("pieces written before the cancel").isLessThan(EVENTS / 2);
		assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(PACE.multipliedBy(EVENTS / 2));
		assertThat(transport().openConnections()).as("the cancelled connection is not kept in the pool").isZero();
		// The pool is usable again: a new stream on the same client gets a connection.
		List<ChatCompletionChunk> again = this.client.async().chat().completions().createStreaming(params())
			.take(1)
			.collectList()
			.block(BOUND);
		assertThat(again).hasSize(1);
		assertThat(eventually(BOUND, () -> transport().acquiredConnections() == 0)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void closingEarlyEndsTheExchangeAndFreesTheConnection(boolean async) throws Exception {
		start();
		long start = System.nanoTime();
		List<String> read = new ArrayList<>();
		if (async) {
			this.client.async().chat().completions().createStreaming(params())
				.doOnNext((chunk) -> {
					read.add(chunk.choices().get(0).delta().content());
					// While reading, the connection is acquired: the metric is live.
					assertThat(transport().acquiredConnections()).isEqualTo(1);
				})
				.take(2)
				.blockLast(BOUND);
		}
		else {
			try (StreamResponse<ChatCompletionChunk> stream = this.client.chat().completions().createStreaming(params())) {
				Iterator<ChatCompletionChunk> chunks = stream.iterator();
				read.add(chunks.next().choices().get(0).delta().content());
				assertThat(transport().acquiredConnections()).isEqualTo(1);
				read.add(chunks.next().choices().get(0).delta().content());
			}
		}
		assertThat(read).containsExactly("w0 ", "w1 ");
		assertExchangeEnded(start);
	}

	@Test
	void disposingTheSubscriptionEndsTheExchange() throws Exception {
		start();
		long start = System.nanoTime();
		CountDownLatch first = new CountDownLatch(1);
		Disposable subscription = this.client.async().chat().completions().createStreaming(params())
			.subscribe((chunk) -> first.countDown());
		assertThat(first.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		subscription.dispose();
		assertExchangeEnded(start);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anExceptionInTheConsumerEndsTheExchange(boolean async) throws Exception {
		start();
		long start = System.nanoTime();
		AtomicInteger seen = new AtomicInteger();
		if (async) {
			Flux<ChatCompletionChunk> chunks = this.client.async().chat().completions().createStreaming(params());
			assertThatThrownBy(() -> chunks.doOnNext((chunk) -> {
				if (seen.incrementAndGet() == 2) {
					throw new IllegalStateException("consumer failed");
				}
			}).blockLast(BOUND)).hasMessageContaining("consumer failed");
		}
		else {
			// Not closed by the caller: the failure in the consumer alone must end the exchange.
			StreamResponse<ChatCompletionChunk> stream = this.client.chat().completions().createStreaming(params());
			assertThatThrownBy(() -> stream.stream().map((chunk) -> chunk.choices().get(0)).forEach((choice) -> {
				if (seen.incrementAndGet() == 2) {
					throw new IllegalStateException("consumer failed");
				}
			})).isInstanceOf(IllegalStateException.class).hasMessage("consumer failed");
		}
		assertThat(seen).hasValue(2);
		assertExchangeEnded(start);
	}

	@Test
	void anExceptionInAnAsyncSubscriberEndsTheExchange() throws Exception {
		start();
		long start = System.nanoTime();
		AtomicReference<Throwable> error = new AtomicReference<>();
		CountDownLatch failed = new CountDownLatch(1);
		this.client.async().chat().completions().createStreaming(params()).subscribe((chunk) -> {
			throw new IllegalStateException("subscriber failed");
		}, (failure) -> {
			error.set(failure);
			failed.countDown();
		});
		assertThat(failed.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(error.get()).hasMessage("subscriber failed");
		assertExchangeEnded(start);
	}

	@Test
	void readingToTheEndGivesTheConnectionBackForReuse() throws Exception {
		this.server = SseTestServer.streaming(Duration.ZERO, slowStream());
		this.client = OpenAI.builder().baseUrl(this.server.baseUrl()).apiKey("sk-test").build();
		for (int i = 0; i < 3; i++) {
			try (StreamResponse<ChatCompletionChunk> stream = this.client.chat().completions().createStreaming(params())) {
				assertThat(stream.stream().count()).isEqualTo(EVENTS);
			}
			assertThat(eventually(BOUND, () -> transport().acquiredConnections() == 0)).isTrue();
		}
		assertThat(this.server.requests()).isEqualTo(3);
		assertThat(this.server.connections()).as("connections opened for three streams").isEqualTo(1);
	}

}
