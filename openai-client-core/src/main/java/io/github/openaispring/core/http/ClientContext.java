package io.github.openaispring.core.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.openaispring.client.AsyncBinaryResponse;
import io.github.openaispring.client.AsyncPage;
import io.github.openaispring.client.AsyncStreamingResponse;
import io.github.openaispring.client.ClientOptions;
import io.github.openaispring.client.RawResponse;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.core.Params;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.LinkedCaseInsensitiveMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every resource of a client shares: its options and its transport. It turns a declared
 * {@link Endpoint} and a params object into a call, and the response into the declared type,
 * so that a resource method is one line.
 *
 * @since 0.1.0
 */
public final class ClientContext {

	private static final String JSON = "application/json";

	private final ClientOptions options;

	private final HttpTransport transport;

	public ClientContext(ClientOptions options, HttpTransport transport) {
		this.options = options;
		this.transport = transport;
	}

	public ClientOptions options() {
		return this.options;
	}

	public HttpTransport transport() {
		return this.transport;
	}

	/**
	 * Call an endpoint and read its JSON response.
	 * @param <T> the response type
	 * @param endpoint the endpoint
	 * @param params the params: path, query, headers and JSON body
	 * @param options the call's options
	 * @return the response; empty for an endpoint whose response type is {@link Void}
	 */
	public <T> Mono<T> call(Endpoint<T> endpoint, Params params, RequestOptions options) {
		return execute(endpoint, params, options).mapNotNull((result) -> read(result, endpoint.responseType()));
	}

	/**
	 * Call an endpoint and return the response as it came, parsed when asked.
	 * @param <T> the response type
	 * @param endpoint the endpoint
	 * @param params the params
	 * @param options the call's options
	 * @return the raw response
	 */
	public <T> Mono<RawResponse<T>> callRaw(Endpoint<T> endpoint, Params params, RequestOptions options) {
		return execute(endpoint, params, options)
			.map((result) -> RawResponse.of(result, (body) -> read(body, endpoint.responseType())));
	}

	/**
	 * Call an endpoint and return the response as soon as its headers arrive, with its body
	 * unread, read and parsed when asked: {@code withStreamingResponse()}. The call is retried
	 * as the policy allows until a success status arrives; an error status is the same
	 * exception as {@link #call}'s.
	 * @param <T> the response type
	 * @param endpoint the endpoint
	 * @param params the params
	 * @param options the call's options
	 * @return the response, whose body must be read or discarded
	 */
	public <T> Mono<AsyncStreamingResponse<T>> callStreamed(Endpoint<T> endpoint, Params params,
			RequestOptions options) {
		return this.transport.executeStreamed(this.options, httpCall(endpoint, params, options, false))
			.map((result) -> AsyncStreamingResponse.of(result,
					(body) -> this.transport.readWhole(result.statusCode(), result.headers(), body)
						.mapNotNull((whole) -> read(whole, endpoint.responseType()))));
	}

	/**
	 * Call a list endpoint and return its first page; the page fetches the next ones.
	 * @param <P> the params type
	 * @param <R> the list response type
	 * @param <T> the item type
	 * @param endpoint the list endpoint
	 * @param paging how the list pages
	 * @param params the params of the first page
	 * @param options the call's options
	 * @return the first page
	 */
	public <P extends Params, R, T> Mono<AsyncPage<T>> page(Endpoint<R> endpoint, Paging<P, R, T> paging, P params,
			RequestOptions options) {
		return AsyncPage.of(pageData(endpoint, paging, params, options));
	}

	/**
	 * Call a list endpoint and return its first page as it came, parsed when asked.
	 * @param <P> the params type
	 * @param <R> the list response type
	 * @param <T> the item type
	 * @param endpoint the list endpoint
	 * @param paging how the list pages
	 * @param params the params of the first page
	 * @param options the call's options
	 * @return the raw response of the first page
	 */
	public <P extends Params, R, T> Mono<RawResponse<AsyncPage<T>>> pageRaw(Endpoint<R> endpoint,
			Paging<P, R, T> paging, P params, RequestOptions options) {
		return callRaw(endpoint, params, options).map((raw) -> raw.map(firstPage(endpoint, paging, params, options)));
	}

	/**
	 * Call a list endpoint and return its first page as soon as its headers arrive, with the
	 * body unread, parsed when asked into a page that fetches the next ones.
	 * @param <P> the params type
	 * @param <R> the list response type
	 * @param <T> the item type
	 * @param endpoint the list endpoint
	 * @param paging how the list pages
	 * @param params the params of the first page
	 * @param options the call's options
	 * @return the response of the first page, whose body must be read or discarded
	 */
	public <P extends Params, R, T> Mono<AsyncStreamingResponse<AsyncPage<T>>> pageStreamed(Endpoint<R> endpoint,
			Paging<P, R, T> paging, P params, RequestOptions options) {
		return callStreamed(endpoint, params, options)
			.map((response) -> response.map(firstPage(endpoint, paging, params, options)));
	}

	/** Turns the list response of the first page, read as it came, into a page that fetches the next ones. */
	private <P extends Params, R, T> Function<R, AsyncPage<T>> firstPage(Endpoint<R> endpoint, Paging<P, R, T> paging,
			P params, RequestOptions options) {
		return pageOf(endpoint, paging, params, options).andThen(AsyncPage::of);
	}

	private <P extends Params, R, T> Mono<PageData<T>> pageData(Endpoint<R> endpoint, Paging<P, R, T> paging,
			P params, RequestOptions options) {
		return call(endpoint, params, options).map(pageOf(endpoint, paging, params, options));
	}

	/** The page of a response to the params, whose next page is fetched with the same options. */
	private <P extends Params, R, T> Function<R, PageData<T>> pageOf(Endpoint<R> endpoint, Paging<P, R, T> paging,
			P params, RequestOptions options) {
		return (response) -> paging.page(response, params, (next) -> pageData(endpoint, paging, next, options));
	}

	/**
	 * Call a streaming endpoint with {@code "stream": true} and read each event's data as an
	 * event.
	 * @param <E> the event type
	 * @param endpoint the endpoint
	 * @param eventType the event type
	 * @param params the params
	 * @param options the call's options
	 * @return the events
	 */
	public <E> Flux<E> stream(Endpoint<?> endpoint, Class<E> eventType, Params params, RequestOptions options) {
		return this.transport.stream(this.options, httpCall(endpoint, params, options, true))
			.map((event) -> readEvent(event.data(), eventType));
	}

	/**
	 * Call a streaming endpoint with {@code "stream": true} and return the response as soon as
	 * its headers arrive, with its body unread: {@code withStreamingResponse()} of a streaming
	 * operation. The call is retried as the policy allows until a success status arrives, and
	 * an error status is the same exception as {@link #stream}'s; {@code parse()} gives the
	 * events {@link #stream} gives, read as they arrive, and {@code body()} the bytes of the
	 * stream as they came.
	 * @param <E> the event type
	 * @param endpoint the endpoint
	 * @param eventType the event type
	 * @param params the params
	 * @param options the call's options
	 * @return the response, whose body must be read or discarded
	 */
	public <E> Mono<AsyncStreamingResponse<Flux<E>>> streamStreamed(Endpoint<?> endpoint, Class<E> eventType,
			Params params, RequestOptions options) {
		return eventStream(endpoint, params, options, (event) -> readEvent(event.data(), eventType));
	}

	/**
	 * Call a streaming endpoint whose events are told apart by their SSE event name rather than
	 * by a field of their data (the Assistants API: {@code event: thread.run.created}), and read
	 * each as {@code {"event": name, "data": data}}.
	 * @param <E> the event type
	 * @param endpoint the endpoint
	 * @param eventType the event type
	 * @param params the params
	 * @param options the call's options
	 * @return the events
	 */
	public <E> Flux<E> streamNamedEvents(Endpoint<?> endpoint, Class<E> eventType, Params params,
			RequestOptions options) {
		return this.transport.stream(this.options, httpCall(endpoint, params, options, true))
			.map((event) -> readNamedEvent(event, eventType));
	}

	/**
	 * Call a streaming endpoint whose events are told apart by their SSE event name, as
	 * {@link #streamNamedEvents} does, and return the response as soon as its headers arrive,
	 * with its body unread, as {@link #streamStreamed} does.
	 * @param <E> the event type
	 * @param endpoint the endpoint
	 * @param eventType the event type
	 * @param params the params
	 * @param options the call's options
	 * @return the response, whose body must be read or discarded
	 */
	public <E> Mono<AsyncStreamingResponse<Flux<E>>> streamNamedEventsStreamed(Endpoint<?> endpoint,
			Class<E> eventType, Params params, RequestOptions options) {
		return eventStream(endpoint, params, options, (event) -> readNamedEvent(event, eventType));
	}

	private <E> Mono<AsyncStreamingResponse<Flux<E>>> eventStream(Endpoint<?> endpoint, Params params,
			RequestOptions options, Function<ServerSentEvent<String>, E> reader) {
		HttpCall call = httpCall(endpoint, params, options, true);
		return this.transport.executeEventStream(this.options, call)
			.map((result) -> AsyncStreamingResponse.of(result,
					(body) -> Mono.just(this.transport.events(this.options, call, result, body).map(reader))));
	}

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors.
	 * @param <T> the response type
	 * @param method the HTTP method
	 * @param path the path below the base URL, with or without a leading {@code /}
	 * @param body the JSON body, or {@code null}
	 * @param responseType the response type
	 * @param options the call's options; extra body fields make a JSON object body even when
	 * {@code body} is {@code null}
	 * @return the response
	 */
	public <T> Mono<T> call(HttpMethod method, String path, @Nullable Object body, Class<T> responseType,
			RequestOptions options) {
		return execute(method, path, body, options).mapNotNull((result) -> read(result, responseType));
	}

	/**
	 * Call a path the typed API does not cover, as {@link #call(HttpMethod, String, Object,
	 * Class, RequestOptions)} does, and return the response as it came, parsed when asked: the
	 * blocking client parses it on the calling thread (see {@code Blocking.parse}).
	 * @param <T> the response type
	 * @param method the HTTP method
	 * @param path the path below the base URL, with or without a leading {@code /}
	 * @param body the JSON body, or {@code null}
	 * @param responseType the response type
	 * @param options the call's options
	 * @return the raw response
	 */
	public <T> Mono<RawResponse<T>> callRaw(HttpMethod method, String path, @Nullable Object body,
			Class<T> responseType, RequestOptions options) {
		return execute(method, path, body, options)
			.map((result) -> RawResponse.of(result, (raw) -> read(raw, responseType)));
	}

	private Mono<HttpResult> execute(HttpMethod method, String path, @Nullable Object body, RequestOptions options) {
		String relative = path.startsWith("/") ? path : "/" + path;
		String operation = method.name().toLowerCase(java.util.Locale.ROOT) + " " + relative;
		boolean hasBody = body != null || !options.extraBody().isEmpty();
		HttpCall call = new HttpCall(operation, method, relative, Collections.emptyMap(), Collections.emptyMap(),
				Collections.emptyMap(), hasBody ? body((body != null) ? body : Map.of(), Map.of(), options, Map.of()) : null,
				hasBody ? JSON : null, JSON, options);
		return this.transport.execute(this.options, call);
	}

	private Mono<HttpResult> execute(Endpoint<?> endpoint, Params params, RequestOptions options) {
		return this.transport.execute(this.options, httpCall(endpoint, params, options, false));
	}

	/**
	 * Call an endpoint whose response is a file, such as a file's content or speech, and
	 * return the response as soon as its headers arrive, with the body unread.
	 * @param endpoint the endpoint
	 * @param params the params
	 * @param options the call's options
	 * @return the response, whose body must be consumed or cancelled
	 */
	public Mono<AsyncBinaryResponse> callBinary(Endpoint<?> endpoint, Params params, RequestOptions options) {
		String accept = (endpoint.accept() != null) ? endpoint.accept() : "*/*";
		return this.transport.executeStreamed(this.options, httpCall(endpoint, params, options, false, accept))
			.map(AsyncBinaryResponse::of);
	}

	/**
	 * Call an endpoint and read its response as text, for the formats that are not JSON (the
	 * {@code text}, {@code srt} and {@code vtt} formats of a transcription).
	 * @param endpoint the endpoint
	 * @param params the params
	 * @param options the call's options
	 * @return the body as UTF-8 text
	 */
	public Mono<String> callText(Endpoint<?> endpoint, Params params, RequestOptions options) {
		return this.transport.execute(this.options, httpCall(endpoint, params, options, false, "text/plain, */*"))
			.map(HttpResult::bodyText);
	}

	private HttpCall httpCall(Endpoint<?> endpoint, Params params, RequestOptions options, boolean stream) {
		String accept = (endpoint.accept() != null) ? endpoint.accept() : JSON;
		return httpCall(endpoint, params, options, stream, stream ? "text/event-stream" : accept);
	}

	private HttpCall httpCall(Endpoint<?> endpoint, Params params, RequestOptions options, boolean stream,
			String accept) {
		boolean hasBody = endpoint.hasBody();
		Map<String, Object> streamFields = stream ? endpoint.streamFields() : Map.of();
		Map<String, List<String>> headers = headers(endpoint, params);
		if (hasBody && endpoint.multipart()) {
			Map<String, @Nullable Object> extra = new java.util.LinkedHashMap<>(streamFields);
			extra.putAll(options.extraBody());
			return new HttpCall(endpoint.operation(), endpoint.method(), endpoint.path(), params.pathParams(),
					params.queryParams(), headers, null, null, accept, options,
					MultipartBody.of(params, endpoint.bodyDefaults(), extra));
		}
		Map<String, Object> query = params.queryParams();
		if (!hasBody && !streamFields.isEmpty()) {
			// A stream asked for with a GET, such as resuming a background response: the
			// stream fields go in the query.
			query = new java.util.LinkedHashMap<>(query);
			query.putAll(streamFields);
		}
		return new HttpCall(endpoint.operation(), endpoint.method(), endpoint.path(), params.pathParams(), query,
				headers,
				hasBody ? body(params, endpoint.bodyDefaults(), options, streamFields) : null, hasBody ? JSON : null,
				accept, options);
	}

	/** The endpoint's fixed headers, under the headers of the params, which win over them. */
	private static Map<String, List<String>> headers(Endpoint<?> endpoint, Params params) {
		if (endpoint.headers().isEmpty()) {
			return params.headers();
		}
		Map<String, List<String>> headers = new LinkedCaseInsensitiveMap<>();
		endpoint.headers().forEach((name, value) -> headers.put(name, List.of(value)));
		headers.putAll(params.headers());
		return headers;
	}

	private static byte[] body(@Nullable Object value, Map<String, Object> defaults, RequestOptions options,
			Map<String, Object> streamFields) {
		Map<String, @Nullable Object> extra = options.extraBody();
		if (streamFields.isEmpty() && extra.isEmpty() && defaults.isEmpty()) {
			return OpenAIJson.mapper().writeValueAsBytes(value);
		}
		JsonNode tree = OpenAIJson.toTree(value);
		if (!(tree instanceof ObjectNode object)) {
			throw new OpenAIInvalidDataException("Extra body fields need a JSON object body, not " + tree.getNodeType());
		}
		defaults.forEach((name, fallback) -> {
			if (!object.has(name)) {
				object.putPOJO(name, fallback);
			}
		});
		streamFields.forEach(object::putPOJO);
		extra.forEach(object::putPOJO);
		return OpenAIJson.mapper().writeValueAsBytes(object);
	}

	/** Read a response body as a type; a body that does not fit is an {@code APIResponseValidationException}. */
	private <T> @Nullable T read(HttpResult result, Class<T> type) {
		if (type == Void.class) {
			return null;
		}
		try {
			return OpenAIJson.read(result.body(), type);
		}
		catch (OpenAIInvalidDataException ex) {
			throw ErrorMapper.invalidBody(result, ex, this.options.apiKey());
		}
	}

	/** Read an event named by its SSE event name as {@code {"event": name, "data": data}}. */
	private <E> E readNamedEvent(ServerSentEvent<String> event, Class<E> type) {
		return readEvent("{\"event\":" + OpenAIJson.write(event.event()) + ",\"data\":"
				+ ((event.data() != null) ? event.data() : "null") + "}", type);
	}

	private <E> E readEvent(@Nullable String data, Class<E> type) {
		if (data == null) {
			data = "";
		}
		try {
			return OpenAIJson.read(data, type);
		}
		catch (OpenAIInvalidDataException ex) {
			throw ErrorMapper.invalidBody(new HttpResult(200, Map.of(), data.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
					ex, this.options.apiKey());
		}
	}

}
