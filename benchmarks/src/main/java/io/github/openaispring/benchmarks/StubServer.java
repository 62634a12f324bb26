package io.github.openaispring.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import com.sun.management.OperatingSystemMXBean;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A stand-in for the OpenAI API on 127.0.0.1 and a random port, serving {@link CannedResponses} from its own
 * Reactor Netty event loop. It reads each request body only to look for {@code "stream":true} (chat) and
 * {@code "encoding_format":"base64"} (embeddings).
 *
 * <p>{@code GET /stats} answers one line of tab-separated counters, see {@link Stats}, which the benchmark
 * reads before and after each measured window to check that every call reached the stub and how much CPU
 * the stub used meanwhile.
 *
 * <p>{@link #main} runs it as its own process: it prints {@code listening on <url>} and stops when its
 * standard input closes.
 */
public final class StubServer implements AutoCloseable {

	private static final Pattern STREAM_TRUE = Pattern.compile("\"stream\"\\s*:\\s*true");

	private static final Pattern BASE64_FORMAT = Pattern.compile("\"encoding_format\"\\s*:\\s*\"base64\"");

	private final CannedResponses responses = new CannedResponses();

	private final LongAdder chatCalls = new LongAdder();

	private final LongAdder chatStreams = new LongAdder();

	private final LongAdder embeddingsAsFloats = new LongAdder();

	private final LongAdder embeddingsAsBase64 = new LongAdder();

	private final LoopResources loops;

	private final DisposableServer server;

	/** Binds the stub to 127.0.0.1 on a free port, with an event loop of {@code workers} threads. */
	public StubServer(int workers) {
		this.loops = LoopResources.create("stub", 1, workers, true);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.runOn(this.loops)
			.route((routes) -> routes.post("/v1/chat/completions", this::chat)
				.post("/v1/embeddings", this::embeddings)
				.get("/stats", this::stats))
			.bindNow();
	}

	/** The root URL, without {@code /v1}, e.g. {@code http://127.0.0.1:40123}. */
	public String url() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** The counters so far. */
	public Stats stats() {
		long cpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		return new Stats(this.chatCalls.sum(), this.chatStreams.sum(), this.embeddingsAsFloats.sum(),
				this.embeddingsAsBase64.sum(), cpu);
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater().block();
	}

	private Publisher<Void> chat(HttpServerRequest request, HttpServerResponse response) {
		return body(request).flatMap((body) -> {
			if (STREAM_TRUE.matcher(body).find()) {
				this.chatStreams.increment();
				response.header(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
				return send(response, "text/event-stream; charset=utf-8", this.responses.chatCompletionStream());
			}
			this.chatCalls.increment();
			return send(response, "application/json", this.responses.chatCompletion());
		});
	}

	private Publisher<Void> embeddings(HttpServerRequest request, HttpServerResponse response) {
		return body(request).flatMap((body) -> {
			if (BASE64_FORMAT.matcher(body).find()) {
				this.embeddingsAsBase64.increment();
				return send(response, "application/json", this.responses.embeddingAsBase64());
			}
			this.embeddingsAsFloats.increment();
			return send(response, "application/json", this.responses.embeddingAsFloats());
		});
	}

	private Publisher<Void> stats(HttpServerRequest request, HttpServerResponse response) {
		return send(response, "text/plain", stats().toLine().getBytes(StandardCharsets.UTF_8));
	}

	private static Mono<String> body(HttpServerRequest request) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("");
	}

	private static Mono<Void> send(HttpServerResponse response, String contentType, byte[] body) {
		return response.header(HttpHeaderNames.CONTENT_TYPE, contentType)
			.header("x-request-id", "req_stub")
			.send(Mono.just(Unpooled.wrappedBuffer(body)))
			.then();
	}

	/**
	 * Runs the stub as a process of its own until its standard input closes.
	 * @param args ignored; {@code -Dbench.stub.workers} sets the event-loop size (default 2)
	 * @throws Exception if reading standard input fails
	 */
	public static void main(String[] args) throws Exception {
		try (StubServer stub = new StubServer(Integer.getInteger("bench.stub.workers", 2))) {
			System.out.println("listening on " + stub.url());
			System.out.flush();
			while (System.in.read() != -1) {
				// wait for the benchmark to close our standard input
			}
		}
	}

	/**
	 * Counters of the stub: requests answered by kind, and the CPU time its whole process has used.
	 * @param chatCalls non-streamed chat completions
	 * @param chatStreams streamed chat completions
	 * @param embeddingsAsFloats embeddings answered as JSON numbers
	 * @param embeddingsAsBase64 embeddings answered as base64
	 * @param cpuNanos CPU time of the stub's process
	 */
	public record Stats(long chatCalls, long chatStreams, long embeddingsAsFloats, long embeddingsAsBase64,
			long cpuNanos) {

		/** All API requests answered. */
		public long requests() {
			return this.chatCalls + this.chatStreams + this.embeddingsAsFloats + this.embeddingsAsBase64;
		}

		/** What happened between {@code earlier} and this. */
		public Stats minus(Stats earlier) {
			return new Stats(this.chatCalls - earlier.chatCalls, this.chatStreams - earlier.chatStreams,
					this.embeddingsAsFloats - earlier.embeddingsAsFloats,
					this.embeddingsAsBase64 - earlier.embeddingsAsBase64, this.cpuNanos - earlier.cpuNanos);
		}

		String toLine() {
			return this.chatCalls + "\t" + this.chatStreams + "\t" + this.embeddingsAsFloats + "\t"
					+ this.embeddingsAsBase64 + "\t" + this.cpuNanos + "\n";
		}

		static Stats parse(String line) {
			String[] f = line.trim().split("\t");
			return new Stats(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]),
					Long.parseLong(f[4]));
		}

	}

}
