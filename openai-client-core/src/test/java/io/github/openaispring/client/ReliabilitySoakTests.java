package io.github.openaispring.client;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.errors.InternalServerException;
import io.github.openaispring.errors.RateLimitException;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.CreateEmbeddingResponse;
import io.github.openaispring.models.EmbeddingCreateParams;
import io.github.openaispring.testsupport.SseTestServer;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import static io.github.openaispring.testsupport.SseTestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded soak in the default build: both clients on one pool, calls mixed at random against
 * a local server that resets connections, stalls, answers 500 and 429 ({@code retry-after-ms}),
 * sends bodies in pieces and cuts streams midway, with callers that cancel streams and calls
 * with 1-5 ms timeouts; then a burst of 1,000 concurrent streams, half of them blocking. After
 * each: no connection acquired, none open once the client is closed, no error dropped to
 * Reactor's {@code onErrorDropped} hook, every outcome of the type its fault calls for, and the
 * heap after a GC within a bound of the start. Each check is of what happened, not of speed;
 * the figures printed are for the README.
 */
@Timeout(180)
class ReliabilitySoakTests {

	/** How long the mixed load runs: 30 s, or {@code -Dopenai.soak.seconds}. */
	private static final Duration SOAK = Duration.ofSeconds(Long.getLong("openai.soak.seconds", 30));

	private static final int IN_FLIGHT_ASYNC = 32;

	private static final int BLOCKING_THREADS = 16;

	private static final int BURST = 1000;

	/** Heap after a GC may grow this much over the run: caches warm up; a leak grows with load. */
	private static final long HEAP_BOUND = 32L * 1024 * 1024;

	private static final Duration BOUND = Duration.ofSeconds(15);

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}]}""";

	private static final String EMBEDDING = embedding(1536);

	private static final String RATE_LIMITED = """
			{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}""";

	private static final String SERVER_ERROR = """
			{"error":{"message":"The server had an error","type":"server_error"}}""";

	private final List<Throwable> dropped = new CopyOnWriteArrayList<>();

	private final List<String> unexpected = new CopyOnWriteArrayList<>();

	private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();

	private SseTestServer server;

	@BeforeEach
	void start() {
		Hooks.onErrorDropped(this.dropped::add);
		this.server = SseTestServer.start((index, request, response, server) -> answer(
				request.requestHeaders().get("x-fault", "ok"), response, server));
	}

	@AfterEach
	void stop() {
		Hooks.resetOnErrorDropped();
		this.server.close();
	}

	@Test
	void mixedLoadWithFaultsOnBothClientsLeavesNothingBehind() throws Exception {
		OpenAI client = client(500);
		HttpTransport transport = transport(client);
		warmUp(client);
		long heapBefore = heapAfterGc();
		long deadline = System.nanoTime() + SOAK.toNanos();
		AtomicInteger operations = new AtomicInteger();
		// Reactive callers: a bounded number in flight, each picking a scenario at random.
		Disposable asyncLoad = Flux.generate((sink) -> sink.next(operations.incrementAndGet()))
			.takeWhile((i) -> System.nanoTime() < deadline)
			.flatMap((i) -> runAsync(client.async(), Scenario.pick()), IN_FLIGHT_ASYNC)
			.subscribe();
		// Blocking callers on their own threads, the same scenarios.
		ExecutorService threads = Executors.newFixedThreadPool(BLOCKING_THREADS);
		for (int t = 0; t < BLOCKING_THREADS; t++) {
			threads.execute(() -> {
				while (System.nanoTime() < deadline) {
					operations.incrementAndGet();
					runBlocking(client, Scenario.pick());
				}
			});
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(SOAK.plusSeconds(60).toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(eventually(BOUND, asyncLoad::isDisposed)).as("reactive load finished").isTrue();
		assertClean(client, transport, heapBefore, "soak of " + SOAK.toSeconds() + " s, " + operations.get()
				+ " operations");
	}

	@Test
	void aBurstOfAThousandConcurrentStreamsOnBothClientsLeavesNothingBehind() throws Exception {
		OpenAI client = client(BURST);
		HttpTransport transport = transport(client);
		warmUp(client);
		long heapBefore = heapAfterGc();
		CountDownLatch done = new CountDownLatch(BURST);
		// Half reactive, half blocking on a thread each: on two cores most blocking readers wait
		// for CPU far longer than the idle timeout between their events.
		for (int i = 0; i < BURST / 2; i++) {
			runAsync(client.async(), Scenario.STREAM).doFinally((signal) -> done.countDown()).subscribe();
		}
		List<Thread> readers = new ArrayList<>();
		for (int i = 0; i < BURST / 2; i++) {
			Thread reader = new Thread(() -> {
				try {
					runBlocking(client, Scenario.STREAM);
				}
				finally {
					done.countDown();
				}
			});
			readers.add(reader);
			reader.start();
		}
		assertThat(done.await(120, TimeUnit.SECONDS)).as("every stream ended").isTrue();
		assertClean(client, transport, heapBefore, "burst of " + BURST + " concurrent streams");
		assertThat(this.outcomes.get("STREAM: ok").sum()).isEqualTo(BURST);
	}

	private OpenAI client(int connections) {
		return OpenAI.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey("sk-test")
			.connectionPool("soak", connections)
			.timeout(Duration.ofSeconds(2))
			.streamIdleTimeout(Duration.ofSeconds(1))
			.maxRetries(2)
			.retry(new ClientOptions.RetrySettings(Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(1)))
			.build();
	}

	private static HttpTransport transport(OpenAI client) {
		return ((DefaultAsyncOpenAI) client.async()).context().transport();
	}

	private void warmUp(OpenAI client) {
		for (Scenario scenario : Scenario.values()) {
			runBlocking(client, scenario);
			runAsync(client.async(), scenario).block(BOUND);
		}
		this.outcomes.clear();
		this.unexpected.clear();
	}

	private void assertClean(OpenAI client, HttpTransport transport, long heapBefore, String run) throws Exception {
		assertThat(eventually(BOUND, () -> transport.acquiredConnections() == 0)).as("acquired connections: "
				+ transport.acquiredConnections()).isTrue();
		int openBeforeClose = transport.openConnections();
		client.close();
		assertThat(eventually(BOUND, () -> transport.openConnections() == 0)).as("open connections after close")
			.isTrue();
		assertThat(eventually(BOUND, () -> this.server.openConnections() == 0)).as("server's open connections")
			.isTrue();
		long heapAfter = heapAfterGc();
		long total = this.outcomes.values().stream().mapToLong(LongAdder::sum).sum();
		System.out.printf("%s: %d outcomes %s; %d unexpected; %d errors dropped; %d connections open before close,"
				+ " 0 after; heap after GC %d MB -> %d MB; server saw %d connections, %d requests%n", run, total,
				new java.util.TreeMap<>(this.outcomes), this.unexpected.size(), this.dropped.size(), openBeforeClose,
				heapBefore >> 20, heapAfter >> 20, this.server.connections(), this.server.requests());
		this.dropped.stream().limit(3).forEach(Throwable::printStackTrace);
		assertThat(this.unexpected).as("outcomes of an unexpected type").isEmpty();
		assertThat(this.dropped).as("errors dropped to Reactor's hook").isEmpty();
		assertThat(heapAfter).as("heap after GC, against %d MB at the start", heapBefore >> 20)
			.isLessThan(heapBefore + HEAP_BOUND);
	}

	private static long heapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** What the caller does and what the server does to it. */
	enum Scenario {

		CHAT, EMBEDDING, RESET, STALL, SERVER_ERROR, RATE_LIMITED, SHORT_TIMEOUT, STREAM, STREAM_CUT, STREAM_CANCEL,
		STREAM_SHORT_TIMEOUT;

		private static final Scenario[] ALL = values();

		static Scenario pick() {
			return ALL[ThreadLocalRandom.current().nextInt(ALL.length)];
		}

		RequestOptions options() {
			RequestOptions.Builder options = RequestOptions.builder().header("x-fault", name());
			return switch (this) {
				case STALL -> options.timeout(Duration.ofMillis(50)).build();
				case SHORT_TIMEOUT, STREAM_SHORT_TIMEOUT ->
					options.timeout(Duration.ofMillis(1 + ThreadLocalRandom.current().nextInt(5))).build();
				default -> options.build();
			};
		}

		/** Whether a failure is of the type this scenario calls for. */
		boolean expects(Throwable failure) {
			return switch (this) {
				case RESET, STREAM_CUT -> failure instanceof APIConnectionException
						&& !(failure instanceof APITimeoutException);
				case STALL, SHORT_TIMEOUT, STREAM_SHORT_TIMEOUT -> failure instanceof APITimeoutException;
				case SERVER_ERROR -> failure instanceof InternalServerException;
				case RATE_LIMITED -> failure instanceof RateLimitException;
				default -> false;
			};
		}

		/** Whether this scenario may also succeed: a 1-5 ms timeout is sometimes enough. */
		boolean maySucceed() {
			return switch (this) {
				case CHAT, EMBEDDING, STREAM, STREAM_CANCEL, SHORT_TIMEOUT, STREAM_SHORT_TIMEOUT -> true;
				default -> false;
			};
		}

	}

	private Mono<Object> runAsync(AsyncOpenAI client, Scenario scenario) {
		RequestOptions options = scenario.options();
		Mono<Object> call = switch (scenario) {
			case EMBEDDING -> client.embeddings().create(embeddingParams(), options).map(Object.class::cast);
			case STREAM, STREAM_CUT, STREAM_SHORT_TIMEOUT ->
				client.chat().completions().createStreaming(params(), options).count().map(Object.class::cast);
			case STREAM_CANCEL -> client.chat().completions().createStreaming(params(), options)
				.take(1 + ThreadLocalRandom.current().nextInt(5))
				.count()
				.map(Object.class::cast);
			default -> client.chat().completions().create(params(), options).map(Object.class::cast);
		};
		return call.doOnNext((result) -> succeeded(scenario, result))
			.doOnError((failure) -> failed(scenario, failure))
			.onErrorResume((failure) -> Mono.empty());
	}

	private void runBlocking(OpenAI client, Scenario scenario) {
		RequestOptions options = scenario.options();
		try {
			Object result = switch (scenario) {
				case EMBEDDING -> client.embeddings().create(embeddingParams(), options);
				case STREAM, STREAM_CUT, STREAM_SHORT_TIMEOUT -> {
					try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions()
						.createStreaming(params(), options)) {
						yield stream.stream().count();
					}
				}
				case STREAM_CANCEL -> {
					try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions()
						.createStreaming(params(), options)) {
						Iterator<ChatCompletionChunk> chunks = stream.iterator();
						int read = 1 + ThreadLocalRandom.current().nextInt(5);
						long count = 0;
						while (count < read && chunks.hasNext()) {
							chunks.next();
							count++;
						}
						yield count;
					}
				}
				default -> client.chat().completions().create(params(), options);
			};
			succeeded(scenario, result);
		}
		catch (RuntimeException failure) {
			failed(scenario, failure);
		}
	}

	private void succeeded(Scenario scenario, Object result) {
		boolean complete = switch (scenario) {
			case CHAT, SHORT_TIMEOUT -> result instanceof ChatCompletion chat
					&& "Hello!".equals(chat.choices().get(0).message().content());
			case EMBEDDING -> result instanceof CreateEmbeddingResponse embedding
					&& embedding.data().get(0).embedding().size() == 1536;
			case STREAM, STREAM_SHORT_TIMEOUT -> Long.valueOf(StreamPieces.EVENTS).equals(result);
			case STREAM_CANCEL -> result instanceof Long count && count >= 1 && count <= 5;
			default -> false;
		};
		count(scenario + ": ok");
		if (!complete || !scenario.maySucceed()) {
			this.unexpected.add(scenario + " succeeded with " + result);
		}
	}

	private void failed(Scenario scenario, Throwable failure) {
		count(scenario + ": " + failure.getClass().getSimpleName());
		if (!scenario.expects(failure)) {
			this.unexpected.add(scenario + " failed with " + failure);
		}
	}

	private void count(String outcome) {
		this.outcomes.computeIfAbsent(outcome, (key) -> new LongAdder()).increment();
	}

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build();
	}

	private static EmbeddingCreateParams embeddingParams() {
		return EmbeddingCreateParams.builder().model("text-embedding-3-small").input("Hi").build();
	}

	/** The server's side of each scenario. */
	private static Publisher<Void> answer(String fault, HttpServerResponse response, SseTestServer server) {
		return switch (Scenario.valueOf(fault)) {
			case CHAT, SHORT_TIMEOUT -> SseTestServer.sendJson(response, 200, COMPLETION);
			// A large body in pieces: timeouts and cancels land while it is still arriving.
			case EMBEDDING -> response.status(200)
				.header("Content-Type", "application/json")
				.send(Flux.fromIterable(pieces(EMBEDDING, 4)).delayElements(Duration.ofMillis(2)).map(Unpooled::wrappedBuffer),
						(buffer) -> true);
			case RESET -> Mono.fromRunnable(() -> response.withConnection((connection) -> {
				// SO_LINGER 0: the close is a TCP reset, not an orderly end.
				connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
				connection.channel().close();
			})).then(Mono.never());
			case STALL -> Mono.never();
			case SERVER_ERROR -> SseTestServer.sendJson(response, 500, SERVER_ERROR);
			case RATE_LIMITED -> response.status(429)
				.header("Content-Type", "application/json")
				.header("retry-after-ms", "5")
				.sendString(Mono.just(RATE_LIMITED));
			case STREAM, STREAM_CANCEL, STREAM_SHORT_TIMEOUT -> server.sendEvents(response, Duration.ofMillis(5),
					StreamPieces.all(true));
			// Half the events, then the connection is closed without the end of the body.
			case STREAM_CUT -> response.status(200)
				.header("Content-Type", "text/event-stream")
				.send(Flux.fromIterable(StreamPieces.all(false).subList(0, StreamPieces.EVENTS / 2))
					.delayElements(Duration.ofMillis(5))
					.map((piece) -> Unpooled.wrappedBuffer(piece.getBytes(StandardCharsets.UTF_8)))
					.concatWith(Mono.fromRunnable(() -> response.withConnection((c) -> c.channel().close()))),
						(buffer) -> true)
				.then(Mono.never());
		};
	}

	private static List<byte[]> pieces(String text, int count) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		List<byte[]> pieces = new ArrayList<>();
		int size = (bytes.length + count - 1) / count;
		for (int from = 0; from < bytes.length; from += size) {
			pieces.add(java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + size)));
		}
		return pieces;
	}

	private static String embedding(int dimensions) {
		Random random = new Random(20);
		StringBuilder vector = new StringBuilder();
		for (int i = 0; i < dimensions; i++) {
			vector.append((i > 0) ? "," : "").append(random.nextFloat());
		}
		return "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[" + vector
				+ "]}],\"model\":\"text-embedding-3-small\",\"usage\":{\"prompt_tokens\":1,\"total_tokens\":1}}";
	}

	/** The events of a stream. */
	private static final class StreamPieces {

		static final int EVENTS = 20;

		static List<String> all(boolean done) {
			List<String> pieces = new ArrayList<>();
			for (int i = 0; i < EVENTS; i++) {
				pieces.add("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
						+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w" + i + " \"}}]}\n\n");
			}
			if (done) {
				pieces.add("data: [DONE]\n\n");
			}
			return pieces;
		}

	}

}
