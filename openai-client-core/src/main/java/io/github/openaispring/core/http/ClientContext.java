package io.github.openaispring.core.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.openaispring.client.ClientOptions;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.core.Params;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;
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
	 * @return the response
	 */
	public <T> Mono<T> call(Endpoint<T> endpoint, Params params, RequestOptions options) {
		return this.transport.execute(this.options, httpCall(endpoint, params, options, false))
			.map((result) -> read(result, endpoint.responseType()));
	}

	/**
	 * Call a streaming endpoint with {@code "stream": true} and read each event.
	 * @param <E> the event type
	 * @param endpoint the endpoint
	 * @param eventType the event type
	 * @param params the params
	 * @param options the call's options
	 * @return the events
	 */
	public <E> Flux<E> stream(Endpoint<?> endpoint, Class<E> eventType, Params params, RequestOptions options) {
		return this.transport.stream(this.options, httpCall(endpoint, params, options, true))
			.map((event) -> readEvent(event, eventType));
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
		String relative = path.startsWith("/") ? path : "/" + path;
		String operation = method.name().toLowerCase(java.util.Locale.ROOT) + " " + relative;
		boolean hasBody = body != null || !options.extraBody().isEmpty();
		HttpCall call = new HttpCall(operation, method, relative, Collections.emptyMap(), Collections.emptyMap(),
				Collections.emptyMap(), hasBody ? body((body != null) ? body : Map.of(), options, false) : null,
				hasBody ? JSON : null, JSON, options);
		return this.transport.execute(this.options, call).map((result) -> read(result, responseType));
	}

	private HttpCall httpCall(Endpoint<?> endpoint, Params params, RequestOptions options, boolean stream) {
		boolean hasBody = endpoint.method() != HttpMethod.GET && endpoint.method() != HttpMethod.DELETE;
		return new HttpCall(endpoint.operation(), endpoint.method(), endpoint.path(), params.pathParams(),
				params.queryParams(), params.headers(), hasBody ? body(params, options, stream) : null,
				hasBody ? JSON : null, stream ? "text/event-stream" : JSON, options);
	}

	private static byte[] body(@Nullable Object value, RequestOptions options, boolean stream) {
		Map<String, @Nullable Object> extra = options.extraBody();
		if (!stream && extra.isEmpty()) {
			return OpenAIJson.mapper().writeValueAsBytes(value);
		}
		JsonNode tree = OpenAIJson.toTree(value);
		if (!(tree instanceof ObjectNode object)) {
			throw new OpenAIInvalidDataException("Extra body fields need a JSON object body, not " + tree.getNodeType());
		}
		if (stream) {
			object.put("stream", true);
		}
		extra.forEach(object::putPOJO);
		return OpenAIJson.mapper().writeValueAsBytes(object);
	}

	private static <R> boolean hasMore(R response, Function<R, Boolean> hasMore) {
		try {
			return hasMore.apply(response);
		}
		catch (OpenAIInvalidDataException absent) {
			return false;
		}
	}

	/**
	 * Return a list that is one page only, as the models list is.
	 * @param <R> the list response type
	 * @param <T> the item type
	 * @param endpoint the list endpoint
	 * @param params the params
	 * @param options the call's options
	 * @param data the items of a response
	 * @return the page
	 */
	public <R, T> Mono<PageData<T>> singlePage(Endpoint<R> endpoint, Params params, RequestOptions options,
			Function<R, List<T>> data) {
		return call(endpoint, params, options).map((response) -> new PageData<>(data.apply(response), null));
	}

	/** Read a response body as a type; a body that does not fit is an {@code APIResponseValidationException}. */
	private static <T> T read(HttpResult result, Class<T> type) {
		try {
			return OpenAIJson.read(result.body(), type);
		}
		catch (OpenAIInvalidDataException ex) {
			throw ErrorMapper.invalidBody(result, ex);
		}
	}

	private static <E> E readEvent(ServerSentEvent<String> event, Class<E> type) {
		String data = (event.data() != null) ? event.data() : "";
		try {
			return OpenAIJson.read(data, type);
		}
		catch (OpenAIInvalidDataException ex) {
			throw ErrorMapper.invalidBody(new HttpResult(200, Map.of(), data.getBytes(java.nio.charset.StandardCharsets.UTF_8)), ex);
		}
	}

	/**
	 * Read the pages of a list endpoint lazily, following {@code has_more} and the id of the
	 * last item.
	 * @param <P> the params type
	 * @param <R> the list response type
	 * @param <T> the item type
	 * @param endpoint the list endpoint
	 * @param params the params of the first page
	 * @param options the call's options
	 * @param data the items of a response
	 * @param hasMore whether a response says more pages follow; a response that leaves
	 * {@code has_more} out, as some compatible servers do, is the last page
	 * @param cursor the params of the page after a given item
	 * @return the first page
	 */
	public <P extends Params, R, T> Mono<PageData<T>> page(Endpoint<R> endpoint, P params, RequestOptions options,
			Function<R, List<T>> data, Function<R, Boolean> hasMore, PageCursor<P, T> cursor) {
		return call(endpoint, params, options).map((response) -> {
			List<T> items = data.apply(response);
			P next = (!items.isEmpty() && hasMore(response, hasMore))
					? cursor.after(params, items.get(items.size() - 1)) : null;
			return new PageData<>(items, (next != null) ? () -> page(endpoint, next, options, data, hasMore, cursor) : null);
		});
	}

}
