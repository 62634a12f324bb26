package io.github.openaispring.localserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small OpenAI-compatible HTTP server for tests, samples and offline development. It answers
 * under {@code /v1}, with the real API's response and error shapes:
 * <ul>
 * <li>{@code POST /chat/completions} and {@code POST /completions}: a canned answer that
 * mentions the question, whole or streamed word by word as server-sent events;</li>
 * <li>{@code POST /embeddings}: deterministic unit-length vectors computed from the words of the
 * text, as floats or base64;</li>
 * <li>{@code POST /moderations}: flags texts with a few obvious words such as "kill";</li>
 * <li>{@code GET /models}, {@code GET /models/{id}};</li>
 * <li>{@code POST /files}, {@code GET /files}, {@code GET /files/{id}},
 * {@code GET /files/{id}/content}, {@code DELETE /files/{id}}, kept in memory;</li>
 * <li>{@code POST /images/generations}, {@code POST /images/edits}: small PNG pictures drawn from
 * the prompt, as base64 or as a URL on this server;</li>
 * <li>{@code POST /audio/speech}: a tone a word, as WAV, raw PCM or a silent MP3 that carries the
 * text; {@code POST /audio/transcriptions} and {@code POST /audio/translations}: the text of a
 * file that speech made, or a line naming the file, in every response format.</li>
 * </ul>
 * It accepts any API key, or none, and validates the fields it reads the way the real API does
 * (a missing {@code model} is a 400 with an OpenAI-shaped error body). Every response has an
 * {@code x-request-id} header.
 * <p>
 * Start one with {@code LocalOpenAIServer.builder().build().start()} and point a client at
 * {@link #baseUrl()}; {@link #close()} stops it. Requests are handled on a pool of threads, so a
 * slow stream does not hold up other requests. All its threads are daemons: a server that is
 * never closed does not keep the JVM alive.
 *
 * @since 0.1.0
 */
public final class LocalOpenAIServer implements AutoCloseable {

	/** The pause between the words of a streamed answer unless configured: 25 ms. */
	public static final Duration DEFAULT_STREAM_DELAY = Duration.ofMillis(25);

	/** The port {@link #main(String[])} listens on unless given {@code --port}. */
	public static final int DEFAULT_STANDALONE_PORT = 8989;

	private static final AtomicInteger SERVERS = new AtomicInteger();

	private final String host;

	private final int requestedPort;

	private final Duration streamDelay;

	private final ObjectMapper mapper = JsonMapper.builder().build();

	private final AtomicInteger activeStreams = new AtomicInteger();

	private final AtomicLong abortedStreams = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final CompletionEndpoints completions;

	private final EmbeddingEndpoint embeddings = new EmbeddingEndpoint();

	private final ModerationEndpoint moderations = new ModerationEndpoint();

	private final ModelEndpoints models = new ModelEndpoints();

	private final FileEndpoints files = new FileEndpoints();

	private final ImageEndpoints images = new ImageEndpoints();

	private final AudioEndpoints audio;

	private HttpServer server;

	private ExecutorService executor;

	private LocalOpenAIServer(Builder builder) {
		this.host = builder.host;
		this.requestedPort = builder.port;
		this.streamDelay = builder.streamDelay;
		this.completions = new CompletionEndpoints(this);
		this.audio = new AudioEndpoints(this);
	}

	/**
	 * Return a builder: a random port on the loopback interface and
	 * {@link #DEFAULT_STREAM_DELAY} unless changed.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start listening. A server starts once; {@link #close()} stops it for good.
	 * @return this server
	 * @throws UncheckedIOException when the port cannot be bound
	 * @throws IllegalStateException when the server was already started
	 */
	public synchronized LocalOpenAIServer start() {
		if (this.server != null) {
			throw new IllegalStateException("The local OpenAI server was already started");
		}
		int number = SERVERS.incrementAndGet();
		AtomicInteger threads = new AtomicInteger();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, "local-openai-" + number + "-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getByName(this.host), this.requestedPort), 64);
			this.executor = Executors.newCachedThreadPool(factory);
			created.setExecutor(this.executor);
			created.createContext("/", this::handle);
			startAsDaemon(created);
			this.server = created;
		}
		catch (IOException ex) {
			if (this.executor != null) {
				this.executor.shutdownNow();
			}
			throw new UncheckedIOException("Could not start the local OpenAI server on " + this.host + ":"
					+ this.requestedPort, ex);
		}
		return this;
	}

	/**
	 * Start the server's dispatcher thread as a daemon, so that a server nobody closed (in an
	 * application that ends without closing its context, say) does not keep the JVM alive: a
	 * thread is a daemon when the thread that creates it is one.
	 */
	private static void startAsDaemon(HttpServer server) {
		RuntimeException[] failure = new RuntimeException[1];
		Thread starter = new Thread(() -> {
			try {
				server.start();
			}
			catch (RuntimeException ex) {
				failure[0] = ex;
			}
		}, "local-openai-start");
		starter.setDaemon(true);
		starter.start();
		try {
			starter.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the local OpenAI server", ex);
		}
		if (failure[0] != null) {
			throw failure[0];
		}
	}

	/**
	 * Stop listening, end the streams in progress and free the threads. Does nothing when the
	 * server is not running.
	 */
	@Override
	public synchronized void close() {
		if (this.server == null) {
			return;
		}
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.server = null;
	}

	/**
	 * Return whether the server is listening.
	 * @return {@code true} between {@link #start()} and {@link #close()}
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Return the port the server listens on: the bound one when the builder asked for a random
	 * port.
	 * @return the port
	 * @throws IllegalStateException when the server is not running
	 */
	public synchronized int port() {
		if (this.server == null) {
			throw new IllegalStateException("The local OpenAI server is not running");
		}
		return this.server.getAddress().getPort();
	}

	/**
	 * Return the base URL a client uses: {@code http://127.0.0.1:<port>/v1} (or the configured
	 * host instead of {@code 127.0.0.1} when it is not a wildcard address).
	 * @return the base URL, without a trailing slash
	 */
	public String baseUrl() {
		String address = (this.host.equals("0.0.0.0") || this.host.equals("::")) ? "127.0.0.1" : this.host;
		if (address.contains(":")) {
			address = "[" + address + "]";
		}
		return "http://" + address + ":" + port() + "/v1";
	}

	/**
	 * Return the pause between the words of a streamed answer.
	 * @return the delay
	 */
	public Duration streamDelay() {
		return this.streamDelay;
	}

	/**
	 * Return how many streamed answers are being written now.
	 * @return the number of streams in progress
	 */
	public int activeStreams() {
		return this.activeStreams.get();
	}

	/**
	 * Return how many streamed answers stopped early because the client went away (or the
	 * server was closed).
	 * @return the number of streams cut short since the server was built
	 */
	public long abortedStreams() {
		return this.abortedStreams.get();
	}

	/**
	 * Return how many requests the server has received.
	 * @return the number of requests since the server was built
	 */
	public long requestCount() {
		return this.requests.get();
	}

	private void handle(HttpExchange http) {
		this.requests.incrementAndGet();
		http.getResponseHeaders().set("x-request-id", Ids.requestId());
		http.getResponseHeaders().set("openai-version", "2020-10-01");
		Exchange exchange = new Exchange(http, this.mapper);
		try {
			route(exchange);
		}
		catch (ApiException ex) {
			answer(exchange, ex);
		}
		catch (IOException ex) {
			// The client went away while it was being answered: nothing more to do.
		}
		catch (RuntimeException ex) {
			answer(exchange, new ApiException(500, "The server had an error while processing your request. Sorry about "
					+ "that! (" + ex + ")", "server_error", null, null));
		}
		finally {
			exchange.close();
		}
	}

	private void answer(Exchange exchange, ApiException error) {
		if (exchange.answered()) {
			return;
		}
		try {
			exchange.sendError(error);
		}
		catch (IOException ex) {
			// The client went away.
		}
	}

	private void route(Exchange exchange) throws IOException {
		List<String> path = exchange.segments();
		String method = exchange.method();
		if (path.size() >= 2 && path.get(0).equals("v1")) {
			String resource = path.get(1);
			int size = path.size();
			switch (resource) {
				case "chat" -> {
					if (size == 3 && path.get(2).equals("completions") && method.equals("POST")) {
						this.completions.chat(exchange);
						return;
					}
				}
				case "completions" -> {
					if (size == 2 && method.equals("POST")) {
						this.completions.text(exchange);
						return;
					}
				}
				case "embeddings" -> {
					if (size == 2 && method.equals("POST")) {
						this.embeddings.create(exchange);
						return;
					}
				}
				case "moderations" -> {
					if (size == 2 && method.equals("POST")) {
						this.moderations.create(exchange);
						return;
					}
				}
				case "models" -> {
					if (size == 2 && method.equals("GET")) {
						this.models.list(exchange);
						return;
					}
					if (size == 3 && method.equals("GET")) {
						this.models.retrieve(exchange, path.get(2));
						return;
					}
				}
				case "files" -> {
					if (size == 2 && method.equals("POST")) {
						this.files.create(exchange);
						return;
					}
					if (size == 2 && method.equals("GET")) {
						this.files.list(exchange);
						return;
					}
					if (size == 3 && method.equals("GET")) {
						this.files.retrieve(exchange, path.get(2));
						return;
					}
					if (size == 3 && method.equals("DELETE")) {
						this.files.delete(exchange, path.get(2));
						return;
					}
					if (size == 4 && method.equals("GET") && path.get(3).equals("content")) {
						this.files.content(exchange, path.get(2));
						return;
					}
				}
				case "images" -> {
					if (size == 3 && method.equals("POST") && path.get(2).equals("generations")) {
						this.images.generate(exchange);
						return;
					}
					if (size == 3 && method.equals("POST") && path.get(2).equals("edits")) {
						this.images.edit(exchange);
						return;
					}
				}
				case "audio" -> {
					if (size == 3 && method.equals("POST") && path.get(2).equals("speech")) {
						this.audio.speech(exchange);
						return;
					}
					if (size == 3 && method.equals("POST") && path.get(2).equals("transcriptions")) {
						this.audio.transcribe(exchange);
						return;
					}
					if (size == 3 && method.equals("POST") && path.get(2).equals("translations")) {
						this.audio.translate(exchange);
						return;
					}
				}
				default -> {
				}
			}
		}
		if (path.size() == 2 && path.get(0).equals("local-images") && method.equals("GET")) {
			this.images.kept(exchange, path.get(1));
			return;
		}
		throw ApiException.notFound("Invalid URL (" + method + " " + exchange.rawPath() + ")", null, null);
	}

	/**
	 * Write a streamed answer: counts it while it runs, pauses {@link #streamDelay()} where the
	 * writer asks, and stops at once when the client goes away.
	 */
	void stream(Exchange exchange, StreamWriter writer) throws IOException {
		Exchange.EventStream events = exchange.startEventStream();
		this.activeStreams.incrementAndGet();
		try {
			writer.write(events, this::pause);
		}
		catch (IOException | InterruptedException ex) {
			this.abortedStreams.incrementAndGet();
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
		finally {
			this.activeStreams.decrementAndGet();
		}
	}

	private void pause() throws InterruptedException {
		if (!this.streamDelay.isZero()) {
			Thread.sleep(this.streamDelay.toMillis(), this.streamDelay.toNanosPart() % 1_000_000);
		}
	}

	/** Writes the events of one streamed answer. */
	@FunctionalInterface
	interface StreamWriter {

		void write(Exchange.EventStream events, Pacer pacer) throws IOException, InterruptedException;

	}

	/** Waits the stream delay between two words. */
	@FunctionalInterface
	interface Pacer {

		void pause() throws InterruptedException;

	}

	/**
	 * Run a server until the process is stopped. Arguments: {@code --port=<port>} (default
	 * {@value #DEFAULT_STANDALONE_PORT}, 0 for a random one), {@code --host=<address>} (default
	 * {@code 127.0.0.1}) and {@code --stream-delay=<milliseconds>} (default 25).
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		Builder builder = builder().port(DEFAULT_STANDALONE_PORT);
		for (String arg : args) {
			if (arg.startsWith("--port=")) {
				builder.port(Integer.parseInt(arg.substring("--port=".length())));
			}
			else if (arg.startsWith("--host=")) {
				builder.host(arg.substring("--host=".length()));
			}
			else if (arg.startsWith("--stream-delay=")) {
				builder.streamDelay(Duration.ofMillis(Long.parseLong(arg.substring("--stream-delay=".length()))));
			}
			else {
				System.err.println("Unknown argument " + arg
						+ "; usage: LocalOpenAIServer [--port=8989] [--host=127.0.0.1] [--stream-delay=25]");
				System.exit(2);
			}
		}
		LocalOpenAIServer server = builder.build().start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.close();
			stopped.countDown();
		}, "local-openai-shutdown"));
		System.out.println("Local OpenAI-compatible server listening on " + server.baseUrl());
		// The server's threads are daemons: wait here until the process is stopped.
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Options of a {@link LocalOpenAIServer}. */
	public static final class Builder {

		private String host = "127.0.0.1";

		private int port;

		private Duration streamDelay = DEFAULT_STREAM_DELAY;

		private Builder() {
		}

		/**
		 * Set the port to listen on; 0, the default, picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Set the address to listen on; {@code 127.0.0.1}, the default, is reachable from this
		 * machine only. {@code 0.0.0.0} listens on every interface (in a container, say).
		 * @param host the address or host name
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = Objects.requireNonNull(host, "host");
			return this;
		}

		/**
		 * Set the pause between the words of a streamed answer; {@link Duration#ZERO} streams as
		 * fast as the connection allows (for tests). Default {@link #DEFAULT_STREAM_DELAY}.
		 * @param streamDelay the delay
		 * @return this builder
		 */
		public Builder streamDelay(Duration streamDelay) {
			Objects.requireNonNull(streamDelay, "streamDelay");
			if (streamDelay.isNegative()) {
				throw new IllegalArgumentException("streamDelay must not be negative, was " + streamDelay);
			}
			this.streamDelay = streamDelay;
			return this;
		}

		/**
		 * Build the server; {@link LocalOpenAIServer#start()} starts it.
		 * @return the server, not started
		 */
		public LocalOpenAIServer build() {
			return new LocalOpenAIServer(this);
		}

	}

}
