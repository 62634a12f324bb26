package io.github.openaispring.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.github.openaispring.client.ClientOptions;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import io.netty.channel.ChannelOption;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.retry.RetryContext;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.ProxyProvider;
import reactor.util.retry.Retry;

/**
 * The client's one HTTP path, on a Spring {@link WebClient} over Reactor Netty with a bounded,
 * named connection pool. It adds what every call has (authentication, the client's headers and
 * query parameters, the {@code Idempotency-Key}), runs the retry policy, applies timeouts, maps
 * failures to the client's exceptions, and logs each attempt at debug level without the key.
 * Both clients use it: the blocking one blocks on what it returns.
 *
 * @since 0.1.0
 */
public final class HttpTransport {

	private static final Log logger = LogFactory.getLog(HttpTransport.class);

	private static final byte[] EMPTY = new byte[0];


	/** How long the rest of a response is read, and dropped, after {@code [DONE]}. */
	private static final Duration DONE_DRAIN = Duration.ofSeconds(1);

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** The largest block of response headers read: 64 KiB, eight times Reactor Netty's default. */
	static final int MAX_RESPONSE_HEADER_SIZE = 64 * 1024;

	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private static final String USER_AGENT = "openai-spring/" + version() + " Java/"
			+ System.getProperty("java.version");

	private final WebClient webClient;

	private final @Nullable ConnectionProvider pool;

	private final PoolStatistics poolStatistics = new PoolStatistics();

	private final ClientConnections connections = new ClientConnections();

	private final RetryListener retryListener;

	private final RetryPolicyFactory retryPolicies;

	/** The largest body, or event of a stream, read into memory. */
	private final int maxInMemorySize;

	private final Function<Duration, Mono<?>> sleeper;

	private final ExchangeListener exchangeListener;

	/**
	 * Create a transport.
	 * @param settings the connection settings
	 * @param webClientBuilder the builder to start from (such as Spring Boot's, with its
	 * filters and observation), or {@code null} for a plain one; it is cloned, not changed
	 * @param retryListener told of every retry
	 * @param sleeper waits before a retry; by default a delay on Reactor's parallel scheduler,
	 * so no thread sleeps
	 */
	public HttpTransport(TransportSettings settings, WebClient.@Nullable Builder webClientBuilder,
			RetryListener retryListener, @Nullable Function<Duration, Mono<?>> sleeper) {
		this(settings, webClientBuilder, retryListener, sleeper, ExchangeListener.NONE, null, RetryPolicyFactory.DEFAULT,
				UnaryOperator.identity());
	}

	/**
	 * Create a transport that tells a listener of every call and may connect through a proxy.
	 * @param settings the connection settings
	 * @param webClientBuilder the builder to start from, or {@code null} for a plain one; it is
	 * cloned, not changed
	 * @param retryListener told of every retry
	 * @param sleeper waits before a retry, or {@code null} for a scheduled delay
	 * @param exchangeListener told of every call, for metrics
	 * @param proxy the proxy to connect through, or {@code null} to connect directly
	 * @param retryPolicies makes the retry policy of each call
	 * @param httpClientCustomizer customizes the Reactor Netty client after the transport's own
	 * settings
	 */
	public HttpTransport(TransportSettings settings, WebClient.@Nullable Builder webClientBuilder,
			RetryListener retryListener, @Nullable Function<Duration, Mono<?>> sleeper,
			ExchangeListener exchangeListener, @Nullable ProxySettings proxy, RetryPolicyFactory retryPolicies,
			UnaryOperator<HttpClient> httpClientCustomizer) {
		this.retryPolicies = retryPolicies;
		this.maxInMemorySize = settings.maxInMemorySize();
		// Most recently used connection first: one after another, calls keep reusing the same warm
		// connection on the same event loop (sequential calls measured ~8% faster than round-robin
		// over two connections on two loops), and connections left idle after a burst expire.
		this.pool = ConnectionProvider.builder(settings.poolName())
			.lifo()
			.maxConnections(settings.maxConnections())
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(Duration.ofSeconds(30))
			.metrics(true, () -> this.poolStatistics)
			.build();
		HttpClient httpClient = this.connections.track(HttpClient.create(this.pool))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
			// Reactor Netty's 8 KiB header limit fails responses that gateways and proxies make
			// larger (long cookies, tracing and policy headers).
			.httpResponseDecoder((spec) -> spec.maxHeaderSize(MAX_RESPONSE_HEADER_SIZE));
		if (proxy != null) {
			httpClient = httpClient.proxy((spec) -> {
				ProxyProvider.Builder builder = spec.type(ProxyProvider.Proxy.HTTP).host(proxy.host()).port(proxy.port());
				if (proxy.username() != null) {
					builder.username(proxy.username()).password((user) -> proxy.password());
				}
				if (proxy.nonProxyHosts() != null) {
					builder.nonProxyHosts(proxy.nonProxyHosts());
				}
			});
		}
		httpClient = httpClientCustomizer.apply(httpClient);
		WebClient.Builder builder = (webClientBuilder != null) ? webClientBuilder.clone() : WebClient.builder();
		this.webClient = builder.clientConnector(new ReactorClientHttpConnector(httpClient))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(settings.maxInMemorySize()))
			.build();
		this.retryListener = retryListener;
		this.sleeper = (sleeper != null) ? sleeper : (delay) -> Mono.delay(delay, Schedulers.parallel());
		this.exchangeListener = exchangeListener;
	}

	/**
	 * Send a call and read its whole response, retrying as the policy allows.
	 * @param options the client's options
	 * @param call the call
	 * @return the response, or an error: an {@code APIStatusException} for an error status,
	 * an {@link APIConnectionException} or {@link APITimeoutException} when no complete
	 * response came
	 */
	public Mono<HttpResult> execute(ClientOptions options, HttpCall call) {
		Duration timeout = timeout(options, call);
		return retried(options, call, (idempotencyKey, attempt, exchange) -> {
			long start = System.nanoTime();
			return this.connections.guard(request(options, call, idempotencyKey)
				.exchangeToMono((response) -> readBody(response)))
				.doOnNext((result) -> exchange.response(result.statusCode(), result.headers()))
				.timeout(Deadlines.after(timeout))
				.onErrorMap((failure) -> connectionFailure(failure, call, timeout))
				.flatMap((result) -> (result.statusCode() >= 200 && result.statusCode() < 300) ? Mono.just(result)
						: Mono.error(ErrorMapper.statusError(result, options.apiKey())))
				.doOnSuccess((result) -> logOutcome(call, attempt, start, result, null, options.apiKey()))
				.doOnError((failure) -> logOutcome(call, attempt, start, null, failure, options.apiKey()));
		}, (result) -> result);
	}

	/**
	 * Run the attempts of one logical call: each subscription has its own attempt count and
	 * its own generated idempotency key, the same on every retry of that call, and is told to
	 * the exchange listener once, from its start to its outcome.
	 * @param <T> the result type
	 * @param options the client's options
	 * @param call the call
	 * @param attempt sends one attempt
	 * @param completed what the listener is told the call completed with
	 * @return the result of the last attempt
	 */
	private <T> Mono<T> retried(ClientOptions options, HttpCall call, Attempt<T> attempt,
			Function<T, @Nullable HttpResult> completed) {
		return Mono.defer(() -> {
			String idempotencyKey = idempotencyKey(options, call);
			AtomicInteger attempts = new AtomicInteger();
			GuardedExchange exchange = GuardedExchange.start(this.exchangeListener, call);
			return Mono.defer(() -> attempt.send(idempotencyKey, attempts.incrementAndGet(), exchange))
				.retryWhen(retry(options, call))
				.doOnSuccess((result) -> exchange.complete((result != null) ? completed.apply(result) : null))
				.doOnError(exchange::error)
				.doOnCancel(exchange::cancel);
		});
	}

	/** One attempt of a call. */
	@FunctionalInterface
	private interface Attempt<T> {

		Mono<T> send(@Nullable String idempotencyKey, int attempt, GuardedExchange exchange);

	}

	/**
	 * Send a call and return its response as soon as its headers arrive, with the body as a
	 * stream of buffers read as it is consumed: for files and audio, never held whole in
	 * memory. The call is retried as the policy allows until a success status arrives; an
	 * error status is read whole and mapped as {@link #execute} does. The body must be
	 * consumed or cancelled, and each buffer released, or the connection is held; each next
	 * buffer must come within the call's timeout.
	 * @param options the client's options
	 * @param call the call
	 * @return the response with a success status and its unread body
	 */
	public Mono<StreamedResult> executeStreamed(ClientOptions options, HttpCall call) {
		return executeStreamed(options, call, timeout(options, call));
	}

	/**
	 * Send a call whose response is a stream of server-sent events and return it as soon as
	 * its headers arrive, with the body unread: a streaming operation through
	 * {@code withStreamingResponse()}. It is {@link #executeStreamed}, retried until the
	 * headers of a success status, except that the body, like the events of {@link #stream},
	 * must begin within the call's timeout and then never pause longer than the stream idle
	 * timeout. {@link #events} reads the body as the events {@link #stream} gives.
	 * @param options the client's options
	 * @param call the call of a stream
	 * @return the response with a success status and its unread body
	 */
	public Mono<StreamedResult> executeEventStream(ClientOptions options, HttpCall call) {
		return executeStreamed(options, call, options.streamIdleTimeout());
	}

	/** {@link #executeStreamed}, with the longest pause allowed between the body's buffers. */
	private Mono<StreamedResult> executeStreamed(ClientOptions options, HttpCall call, Duration idle) {
		Duration timeout = timeout(options, call);
		// Observed until the headers: the body is read later, by the caller.
		return retried(options, call, (idempotencyKey, attempt, exchange) -> {
			long start = System.nanoTime();
			// Guarded after the timeout: a response the timeout drops was never handed over.
			return this.connections.guard(request(options, call, idempotencyKey).retrieve()
				.onStatus((status) -> !status.is2xxSuccessful(),
						(response) -> readBody(response).map((result) -> ErrorMapper.statusError(result, options.apiKey())))
				.toEntityFlux(DataBuffer.class)
				.timeout(Deadlines.after(timeout)))
				.onErrorMap((failure) -> connectionFailure(failure, call, timeout))
				.map((entity) -> {
					Map<String, List<String>> headers = headers(entity.getHeaders());
					Flux<DataBuffer> body = (entity.getBody() != null) ? entity.getBody() : Flux.empty();
					exchange.response(entity.getStatusCode().value(), headers);
					StreamedResult result = new StreamedResult(entity.getStatusCode().value(), headers,
							within(body, call, timeout, idle));
					if (logger.isDebugEnabled()) {
						logger.debug(call + " attempt " + attempt + ": " + result.statusCode() + " headers in "
								+ elapsed(start) + " ms, request id " + result.requestId() + ", body streamed");
					}
					return result;
				})
				.doOnError((failure) -> logOutcome(call, attempt, start, null, failure, options.apiKey()));
		}, (result) -> null);
	}

	/**
	 * Send a call whose response is a stream of server-sent events. The call is retried only
	 * until its first event with data arrives. The first event must come within the call's
	 * timeout and each next one within the idle timeout, or the stream fails with an
	 * {@link APITimeoutException}; comments count, since they show the server is alive, but are
	 * not passed on. Cancelling the subscription ends the exchange and closes the connection at
	 * once; at {@code [DONE]} the stream completes at once and the connection goes back to the
	 * pool when the response ends (see {@link SseEvents}).
	 * @param options the client's options
	 * @param call the call
	 * @return the events with data, ending before OpenAI's {@code [DONE]} marker; an event
	 * whose data has an {@code error} object becomes a {@code StreamErrorException}, and a body
	 * of another type than {@code text/event-stream} a {@code StreamErrorException} (a JSON error
	 * body) or an {@code APIResponseValidationException} naming the type (a result, or a proxy's
	 * page)
	 */
	public Flux<ServerSentEvent<String>> stream(ClientOptions options, HttpCall call) {
		Duration timeout = timeout(options, call);
		Duration idle = options.streamIdleTimeout();
		// Each subscription is one logical call: its own attempt count and its own generated
		// idempotency key, the same on every retry of that call.
		return Flux.defer(() -> {
			String idempotencyKey = idempotencyKey(options, call);
			AtomicInteger attempts = new AtomicInteger();
			GuardedExchange exchange = GuardedExchange.start(this.exchangeListener, call);
			return Flux.defer(() -> {
				int attempt = attempts.incrementAndGet();
				long start = System.nanoTime();
				AtomicBoolean started = new AtomicBoolean();
				Flux<ServerSentEvent<String>> events = this.connections.guard(request(options, call, idempotencyKey)
					.exchangeToFlux((response) -> readEvents(options, response, call, attempt, start, exchange)));
				return withData(events, call, timeout, idle).doOnNext((event) -> started.set(true))
					.onErrorMap((failure) -> started.get() ? new AfterFirstEvent(failure) : failure);
			})
				.retryWhen(retry(options, call))
				.onErrorMap(AfterFirstEvent.class, Throwable::getCause)
				.doOnNext((event) -> exchange.event(event.data()))
				.doOnComplete(() -> exchange.complete(null))
				.doOnError(exchange::error)
				.doOnCancel(exchange::cancel);
		});
	}

	private Flux<ServerSentEvent<String>> readEvents(ClientOptions options, ClientResponse response, HttpCall call,
			int attempt, long start, GuardedExchange exchange) {
		int status = response.statusCode().value();
		Map<String, List<String>> headers = headers(response.headers().asHttpHeaders());
		if (exchange.observed()) {
			exchange.response(status, headers);
		}
		if (!response.statusCode().is2xxSuccessful()) {
			return readBody(response)
				.flatMapMany((result) -> Flux.<ServerSentEvent<String>>error(ErrorMapper.statusError(result, options.apiKey())))
				.doOnError((failure) -> logOutcome(call, attempt, start, null, failure, options.apiKey()));
		}
		if (logger.isDebugEnabled()) {
			logger.debug(call + " attempt " + attempt + ": " + status + " stream opened in " + elapsed(start)
					+ " ms, request id " + HttpResult.firstHeader(headers, "x-request-id"));
		}
		return decodeEvents(options, status, headers,
				ClientConnections.quietWhenAbandoned(response.bodyToFlux(DataBuffer.class)));
	}

	/**
	 * Read the body of a response of {@link #executeEventStream} as the events {@link #stream}
	 * gives for the same call: the events with data, up to {@code [DONE]}, an error event
	 * raised as the same exception, the same idle timeout between events, and a JSON body
	 * instead of a stream failing alike. Nothing is retried: the response was already
	 * returned. Cancelling ends the exchange.
	 * @param options the client's options
	 * @param call the call
	 * @param result the response
	 * @param body its body, read once
	 * @return the events
	 */
	Flux<ServerSentEvent<String>> events(ClientOptions options, HttpCall call, StreamedResult result,
			Flux<DataBuffer> body) {
		return withData(decodeEvents(options, result.statusCode(), result.headers(), body), call,
				timeout(options, call), options.streamIdleTimeout());
	}

	/**
	 * The events of a success response's body, whichever way it was sent for: the one place
	 * that turns an event-stream body into events, for {@link #stream} and {@link #events}.
	 * Comments and keep-alives are kept, for the idle timeout to see them.
	 */
	private Flux<ServerSentEvent<String>> decodeEvents(ClientOptions options, int status,
			Map<String, List<String>> headers, Flux<DataBuffer> body) {
		MediaType contentType = contentType(headers);
		if (contentType != null && !contentType.isCompatibleWith(MediaType.TEXT_EVENT_STREAM)) {
			// A server that answers a stream request with one body: an error or a result as
			// JSON, or a page of a proxy in between; read as a stream, it would end empty.
			return readWhole(status, headers, body)
				.flatMapMany((result) -> Flux.error(notAStream(result, contentType, options.apiKey())));
		}
		Duration idle = options.streamIdleTimeout();
		Duration drain = (idle.compareTo(DONE_DRAIN) < 0) ? idle : DONE_DRAIN;
		Flux<ServerSentEvent<String>> events = SseDecoder.decode(body, this.maxInMemorySize)
			// Spring's SSE reader fails on a non-numeric retry: field or an event over the
			// in-memory limit: a stream the client cannot read, not a connection failure.
			.onErrorMap((failure) -> failure instanceof NumberFormatException
					|| failure instanceof DataBufferLimitException,
					(failure) -> ErrorMapper.invalidBody(new HttpResult(status, headers, EMPTY),
							new OpenAIInvalidDataException("Cannot read the event stream: " + failure.getMessage(),
									failure), options.apiKey()));
		return SseEvents.untilDone(events, HttpResult.firstHeader(headers, "x-request-id"), options.apiKey(), drain);
	}

	/**
	 * The events with data, the first within the call's timeout and each next one within the
	 * idle timeout; comments count, as they show the server is alive, but are not passed on.
	 */
	private static Flux<ServerSentEvent<String>> withData(Flux<ServerSentEvent<String>> events, HttpCall call,
			Duration timeout, Duration idle) {
		return within(events, call, timeout, idle).filter(SseEvents::hasData);
	}

	/**
	 * What a response sends, the first within {@code first} of the subscription and each next
	 * within {@code idle} of the one before, or an {@link APITimeoutException}: one timer per
	 * response ({@link IdleWatch}), not one per item. The idle time counts only while the
	 * reader has asked for an item: a slow reader is not a silent server.
	 */
	private static <T> Flux<T> within(Flux<T> items, HttpCall call, Duration first, Duration idle) {
		return Flux.defer(() -> {
			AtomicBoolean heard = new AtomicBoolean();
			IdleWatch idleWatch = new IdleWatch(idle);
			return items.doOnNext((item) -> {
				heard.set(true);
				idleWatch.touch();
			})
				.doOnRequest(idleWatch::requested)
				.timeout(Deadlines.after(first), (item) -> idleWatch.expired())
				.doFinally((signal) -> idleWatch.stop())
				.onErrorMap((failure) -> connectionFailure(failure, call, heard.get() ? idle : first));
		});
	}

	private static @Nullable MediaType contentType(Map<String, List<String>> headers) {
		String value = HttpResult.firstHeader(headers, "content-type");
		try {
			return (value != null) ? MediaType.parseMediaType(value) : null;
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	private static OpenAIException notAStream(HttpResult result, MediaType contentType, @Nullable String secret) {
		String body = result.bodyText();
		if (contentType.isCompatibleWith(MediaType.APPLICATION_JSON) && SseEvents.isError(ServerSentEvent.builder(body).build())) {
			return ErrorMapper.streamError(body, result.requestId(), secret);
		}
		return ErrorMapper.invalidBody(result, new OpenAIInvalidDataException(
				"Expected a stream of server-sent events (text/event-stream), but the response is " + contentType),
				secret);
	}

	private Mono<HttpResult> readBody(ClientResponse response) {
		return readWhole(response.statusCode().value(), headers(response.headers().asHttpHeaders()),
				ClientConnections.quietWhenAbandoned(response.bodyToFlux(DataBuffer.class)));
	}

	/**
	 * Read a whole body into memory, as every call that returns its result does, up to the
	 * client's in-memory limit: the one place that limit is applied to a body. A larger body
	 * is an {@code APIResponseValidationException}, and reading it stops, which ends the
	 * exchange and frees its connection.
	 * @param status the status code
	 * @param headers the headers, by lower-case name
	 * @param body the body, whose buffers are released here
	 * @return the response
	 */
	Mono<HttpResult> readWhole(int status, Map<String, List<String>> headers, Flux<DataBuffer> body) {
		return bytes(body, this.maxInMemorySize).map((bytes) -> new HttpResult(status, headers, bytes))
			.onErrorMap(DataBufferLimitException.class,
					(failure) -> ErrorMapper.invalidBody(new HttpResult(status, headers, EMPTY),
							new OpenAIInvalidDataException("The response body is over the client's in-memory limit of "
									+ this.maxInMemorySize + " bytes (maxInMemorySize)", failure), null));
	}

	/**
	 * Join a body's buffers into one array, releasing them.
	 * @param body the body
	 * @param maxBytes the most bytes to read, or -1 for no limit; past it the result fails
	 * with a {@link DataBufferLimitException}
	 * @return the bytes, empty for an empty body
	 */
	public static Mono<byte[]> bytes(Flux<DataBuffer> body, int maxBytes) {
		return DataBufferUtils.join(body, maxBytes).map((buffer) -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).defaultIfEmpty(EMPTY);
	}

	private WebClient.RequestHeadersSpec<?> request(ClientOptions options, HttpCall call,
			@Nullable String idempotencyKey) {
		URI uri = uri(options, call);
		WebClient.RequestBodySpec spec = this.webClient.method(call.method())
			.uri(uri)
			.attribute(URI_TEMPLATE_ATTRIBUTE, options.baseUrl() + call.pathTemplate())
			.headers((headers) -> writeHeaders(headers, options, call, idempotencyKey));
		if (call.multipart() != null) {
			// Built per attempt: each attempt opens its files again.
			return spec.body(BodyInserters.fromMultipartData(call.multipart().build()));
		}
		byte[] body = call.body();
		return (body != null) ? spec.bodyValue(body) : spec;
	}

	private static URI uri(ClientOptions options, HttpCall call) {
		String path = call.pathTemplate();
		for (Map.Entry<String, String> variable : call.pathParams().entrySet()) {
			path = path.replace("{" + variable.getKey() + "}",
					UriUtils.encodePathSegment(variable.getValue(), StandardCharsets.UTF_8));
		}
		Map<String, Object> query = new LinkedHashMap<>(options.defaultQueryParams());
		query.putAll(call.queryParams());
		query.putAll(call.options().queryParams());
		String queryString = QueryString.format(query);
		String separator = path.contains("?") ? "&" : "?";
		return URI.create(options.baseUrl() + path + (queryString.isEmpty() ? "" : separator + queryString));
	}

	private static void writeHeaders(HttpHeaders headers, ClientOptions options, HttpCall call,
			@Nullable String idempotencyKey) {
		headers.putAll(authHeaders(options));
		headers.set(HttpHeaders.USER_AGENT, USER_AGENT);
		headers.set(HttpHeaders.ACCEPT, call.accept());
		if (call.contentType() != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, call.contentType());
		}
		options.defaultHeaders().forEach(headers::put);
		call.headers().forEach(headers::put);
		call.options().headers().forEach(headers::put);
		if (idempotencyKey != null) {
			headers.set(IDEMPOTENCY_KEY, idempotencyKey);
		}
	}

	/**
	 * Return the headers that say who is calling: {@code Authorization} (when the client has a
	 * key), {@code OpenAI-Organization} and {@code OpenAI-Project} (when set).
	 * @param options the client's options
	 * @return the headers
	 */
	public static Map<String, List<String>> authHeaders(ClientOptions options) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		String apiKey = options.apiKey();
		if (apiKey != null && !apiKey.isBlank()) {
			headers.put(HttpHeaders.AUTHORIZATION, List.of("Bearer " + apiKey));
		}
		if (options.organization() != null) {
			headers.put("OpenAI-Organization", List.of(options.organization()));
		}
		if (options.project() != null) {
			headers.put("OpenAI-Project", List.of(options.project()));
		}
		return headers;
	}

	/**
	 * Return the {@code User-Agent} the client sends.
	 * @return the user agent
	 */
	public static String userAgent() {
		return USER_AGENT;
	}

	private static @Nullable String idempotencyKey(ClientOptions options, HttpCall call) {
		if (call.options().idempotencyKey() != null) {
			return call.options().idempotencyKey();
		}
		// Generated once per logical call, so that every retry of it carries the same key; an
		// Idempotency-Key header the caller set is sent as it is.
		if (options.idempotencyKeys() && call.method() != HttpMethod.GET
				&& !hasHeader(options.defaultHeaders(), IDEMPOTENCY_KEY) && !hasHeader(call.headers(), IDEMPOTENCY_KEY)
				&& !hasHeader(call.options().headers(), IDEMPOTENCY_KEY)) {
			return "openai-spring-" + UUID.randomUUID();
		}
		return null;
	}

	private static boolean hasHeader(Map<String, List<String>> headers, String name) {
		for (String header : headers.keySet()) {
			if (header.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	/** The call's timeout: its own, or the client's. */
	private static Duration timeout(ClientOptions options, HttpCall call) {
		return (call.options().timeout() != null) ? call.options().timeout() : options.timeout();
	}

	private Retry retry(ClientOptions options, HttpCall call) {
		int maxRetries = (call.options().maxRetries() != null) ? call.options().maxRetries() : options.maxRetries();
		OpenAIRetryPolicy policy = this.retryPolicies.create(maxRetries, options.retry());
		return Retry.from((signals) -> {
			RetryContext context = policy.open(null);
			return signals.concatMap((signal) -> {
				Throwable failure = signal.failure();
				policy.registerThrowable(context, failure);
				if (!policy.canRetry(context)) {
					return Mono.error(failure);
				}
				if (!call.repeatable()) {
					return Mono.error(notRepeatable(failure));
				}
				int retry = context.getRetryCount();
				Duration delay = policy.delay(retry, failure);
				String cause = OpenAIRetryPolicy.cause(failure);
				try {
					this.retryListener.onRetry(call.operation(), cause, retry, delay);
				}
				catch (RuntimeException ex) {
					// Metrics must never fail the call they observe.
					logger.warn(call + ": retry listener failed", ex);
				}
				if (logger.isDebugEnabled()) {
					logger.debug(call + ": retry " + retry + " of " + maxRetries + " in " + delay.toMillis()
							+ " ms after " + cause);
				}
				// Retry when the wait completes, whether or not the sleeper's Mono emits a value.
				return this.sleeper.apply(delay).then(Mono.just(retry));
			});
		});
	}

	/** A failure that would have been retried, but the body holds a stream that was read. */
	private static Throwable notRepeatable(Throwable failure) {
		String reason = "not retried: the request's upload is an InputStream, which can be read only once; "
				+ "upload from a Path, a byte[] or a Resource to have it retried";
		if (failure instanceof APITimeoutException) {
			return new APITimeoutException(failure.getMessage() + " (" + reason + ")", failure);
		}
		if (failure instanceof APIConnectionException) {
			return new APIConnectionException(failure.getMessage() + " (" + reason + ")", failure);
		}
		failure.addSuppressed(new OpenAIException(reason));
		return failure;
	}

	private static Throwable connectionFailure(Throwable failure, HttpCall call, Duration timeout) {
		if (failure instanceof OpenAIException || failure instanceof AfterFirstEvent) {
			return failure;
		}
		if (failure instanceof TimeoutException || failure instanceof io.netty.handler.timeout.TimeoutException
				|| failure.getCause() instanceof io.netty.handler.timeout.TimeoutException) {
			return new APITimeoutException(call + " timed out after " + timeout.toMillis() + " ms", failure);
		}
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof io.netty.channel.ConnectTimeoutException) {
				// No connection within the connect timeout: a timeout, as OpenAI's SDKs report it.
				return new APITimeoutException(call + " failed: " + describe(failure), failure);
			}
		}
		if (failure instanceof WebClientException || failure instanceof IOException
				|| failure instanceof io.netty.handler.codec.DecoderException
				|| failure instanceof io.netty.channel.ChannelException || failure.getCause() instanceof IOException) {
			return new APIConnectionException(call + " failed: " + describe(failure), failure);
		}
		return failure;
	}

	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static void logOutcome(HttpCall call, int attempt, long start, @Nullable HttpResult result,
			@Nullable Throwable failure, @Nullable String secret) {
		if (!logger.isDebugEnabled()) {
			return;
		}
		if (result != null) {
			logger.debug(call + " attempt " + attempt + ": " + result.statusCode() + " in " + elapsed(start)
					+ " ms, request id " + result.requestId());
			if (logger.isTraceEnabled()) {
				// A server may echo what it was sent, the key included.
				logger.trace(call + " response body: " + ErrorMapper.truncate(redacted(result.bodyText(), secret)));
			}
		}
		else if (failure != null) {
			logger.debug(call + " attempt " + attempt + " failed in " + elapsed(start) + " ms: " + failure.getMessage());
		}
	}

	private static String redacted(String text, @Nullable String secret) {
		String redacted = ErrorMapper.redact(text, secret);
		return (redacted != null) ? redacted : text;
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static Map<String, List<String>> headers(HttpHeaders headers) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			result.put(header.getKey().toLowerCase(Locale.ROOT), List.copyOf(header.getValue()));
		}
		return Collections.unmodifiableMap(result);
	}

	/**
	 * Close the connection pool and every connection of it, idle or in use: a call or a stream
	 * still under way fails with an {@link APIConnectionException}. Clients derived with
	 * {@code withOptions} share the pool, so close only when none of them is used any more.
	 * The connections are closed by their event loops, just after this returns.
	 */
	public void close() {
		if (this.pool != null) {
			// Reactor Netty's dispose closes only the idle connections; the acquired ones would
			// stay open until their exchange ends, which for a stalled one is never.
			this.pool.dispose();
		}
		this.connections.closeAll();
	}

	/**
	 * Return the connection pool, for tests and metrics.
	 * @return the pool
	 */
	public @Nullable ConnectionProvider pool() {
		return this.pool;
	}

	/**
	 * Return how many connections of the pool are in use: handed to an exchange and not given
	 * back yet. A finished, failed or cancelled exchange gives its connection back at once, so
	 * this is 0 whenever no call is under way. For tests and health checks.
	 * @return the number of acquired connections, over every remote address
	 */
	public int acquiredConnections() {
		return this.poolStatistics.acquired();
	}

	/**
	 * Return how many connections of the client are open, in use or idle: counted from the
	 * channels themselves, so that after {@link #close()} it shows those still closing.
	 * @return the number of open connections, over every remote address
	 */
	public int openConnections() {
		return this.connections.open();
	}

	private static String version() {
		try (InputStream in = HttpTransport.class.getResourceAsStream("/io/github/openaispring/openai-client.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** Marks a stream failure after the first event, which must not be retried. */
	private static final class AfterFirstEvent extends RuntimeException {

		private static final long serialVersionUID = 1L;

		AfterFirstEvent(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
