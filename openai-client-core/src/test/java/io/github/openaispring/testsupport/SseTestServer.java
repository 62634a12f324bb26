package io.github.openaispring.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server for streaming tests, on Reactor Netty, that writes a response in exactly
 * the pieces a test chooses (each piece flushed as its own network chunk, after a pause) and
 * records what happens to its connections: how many were opened and are still open, how many
 * pieces it wrote, and whether its writing was cancelled because the client went away.
 */
public final class SseTestServer implements AutoCloseable {

	/** Answers one request; {@code index} counts requests from 1. */
	@FunctionalInterface
	public interface Handler {

		Publisher<Void> handle(int index, HttpServerRequest request, HttpServerResponse response,
				SseTestServer server);

	}

	private final DisposableServer server;

	private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger openConnections = new AtomicInteger();

	private final AtomicInteger written = new AtomicInteger();

	private final CountDownLatch writingCancelled = new CountDownLatch(1);

	private final CountDownLatch connectionClosed = new CountDownLatch(1);

	private SseTestServer(Handler handler) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			// doOnConnection runs per request on a kept-alive connection: count TCP channels.
			.doOnConnection((connection) -> {
				Channel channel = connection.channel();
				if (this.channels.add(channel)) {
					this.connections.incrementAndGet();
					this.openConnections.incrementAndGet();
					channel.closeFuture().addListener((future) -> {
						// Forgotten once closed: a soak opens tens of thousands.
						this.channels.remove(channel);
						this.openConnections.decrementAndGet();
						this.connectionClosed.countDown();
					});
				}
			})
			.handle((request, response) -> {
				int index = this.requests.incrementAndGet();
				// Read the request body first, as a real server would.
				return request.receive().then().thenMany(Flux.defer(() -> handler.handle(index, request, response, this)));
			})
			.bindNow();
	}

	/**
	 * Start a server.
	 * @param handler answers each request
	 * @return the server, to be closed
	 */
	public static SseTestServer start(Handler handler) {
		return new SseTestServer(handler);
	}

	/**
	 * Start a server that answers every request with {@code 200 text/event-stream} and the
	 * given pieces.
	 * @param pause the pause before each piece
	 * @param pieces the pieces of the body
	 * @return the server
	 */
	public static SseTestServer streaming(Duration pause, List<String> pieces) {
		return start((index, request, response, server) -> server.sendEvents(response, pause, pieces));
	}

	/**
	 * Answer with {@code 200 text/event-stream} and the given pieces, each flushed as its own
	 * chunk after the pause; the written pieces are counted and a cancellation recorded.
	 * @param response the response
	 * @param pause the pause before each piece
	 * @param pieces the pieces
	 * @return completes when written
	 */
	public Publisher<Void> sendEvents(HttpServerResponse response, Duration pause, List<String> pieces) {
		return sendBytes(response, pause, utf8(pieces), Duration.ZERO);
	}

	/**
	 * Answer with {@code 200 text/event-stream} and the given byte pieces, each flushed as its
	 * own chunk after the pause, then keep the response open a while before ending it.
	 * @param response the response
	 * @param pause the pause before each piece
	 * @param pieces the pieces
	 * @param holdOpen how long to wait after the last piece before ending the response
	 * @return completes when written
	 */
	public Publisher<Void> sendBytes(HttpServerResponse response, Duration pause, List<byte[]> pieces,
			Duration holdOpen) {
		Flux<ByteBuf> body = Flux.fromIterable(pieces)
			.delayElements(pause)
			.map(Unpooled::wrappedBuffer)
			.doOnNext((piece) -> this.written.incrementAndGet())
			.concatWith(holdOpen.isZero() ? Mono.<ByteBuf>empty() : Mono.delay(holdOpen).then(Mono.<ByteBuf>empty()))
			.doOnCancel(this.writingCancelled::countDown);
		return response.status(200)
			.header("Content-Type", "text/event-stream")
			.header("x-request-id", "req_stream")
			.send(body, (buffer) -> true);
	}

	/**
	 * Encode pieces as UTF-8.
	 * @param pieces the pieces
	 * @return the bytes of each
	 */
	public static List<byte[]> utf8(List<String> pieces) {
		return pieces.stream().map((piece) -> piece.getBytes(StandardCharsets.UTF_8)).toList();
	}

	/**
	 * Cut a text's UTF-8 bytes at the given byte offsets, which may fall inside a character.
	 * @param text the text
	 * @param cuts the offsets, ascending
	 * @return the pieces
	 */
	public static List<byte[]> cut(String text, int... cuts) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		List<byte[]> pieces = new java.util.ArrayList<>();
		int from = 0;
		for (int cut : cuts) {
			pieces.add(java.util.Arrays.copyOfRange(bytes, from, cut));
			from = cut;
		}
		pieces.add(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
		return pieces;
	}

	/**
	 * Answer with a status and a JSON body.
	 * @param response the response
	 * @param status the status
	 * @param json the body
	 * @return completes when written
	 */
	public static Publisher<Void> sendJson(HttpServerResponse response, int status, String json) {
		return response.status(status).header("Content-Type", "application/json").sendString(Mono.just(json));
	}

	/**
	 * Return the base URL, with {@code /v1}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port() + "/v1";
	}

	public int requests() {
		return this.requests.get();
	}

	public int connections() {
		return this.connections.get();
	}

	public int openConnections() {
		return this.openConnections.get();
	}

	public int written() {
		return this.written.get();
	}

	/**
	 * Wait, a bounded time, until the server's writing was cancelled because the client went
	 * away.
	 * @param timeout the most to wait
	 * @return whether it was cancelled
	 */
	public boolean awaitWritingCancelled(Duration timeout) throws InterruptedException {
		return this.writingCancelled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Wait, a bounded time, until a connection was closed.
	 * @param timeout the most to wait
	 * @return whether one was closed
	 */
	public boolean awaitConnectionClosed(Duration timeout) throws InterruptedException {
		return this.connectionClosed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Poll a condition until it holds or the time is up; no fixed sleep.
	 * @param timeout the most to wait
	 * @param condition the condition
	 * @return whether it held
	 */
	public static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.onSpinWait();
			Thread.sleep(1);
		}
		return true;
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
