package io.github.openaispring.client;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import io.github.openaispring.core.Blocking;
import org.jspecify.annotations.Nullable;

/**
 * A response returned as soon as its headers arrive, with its body not read yet: what
 * {@code client.withStreamingResponse()} returns, the blocking view of an
 * {@link AsyncStreamingResponse}. Status, headers and request id are there at once; the body
 * is read when asked, either as it comes ({@link #body()}) or as the operation's usual result
 * ({@link #parse()}).
 * <pre>{@code
 * try (StreamingResponse<ChatCompletion> response =
 *         client.withStreamingResponse().chat().completions().create(params)) {
 *     log.info("request id {}", response.requestId());
 *     ChatCompletion completion = response.parse();
 * }
 * }</pre>
 * The body can be read once, by {@link #body()} or {@link #parse()} (whose result is kept, so
 * that it can be asked again). Close the response, with try-with-resources: until the body is
 * read the exchange holds its connection, and closing an unread response ends the exchange and
 * frees it. Closing after the body was read does nothing.
 * <p>
 * For a streaming operation ({@code createStreaming} and the like) the result is the
 * {@link StreamResponse} of events the operation returns without
 * {@code withStreamingResponse()}, and {@link #body()} gives the bytes of the event stream.
 * Closing the response closes that stream too, ending the exchange if it is still under way:
 * <pre>{@code
 * try (StreamingResponse<StreamResponse<ChatCompletionChunk>> response =
 *         client.withStreamingResponse().chat().completions().createStreaming(params)) {
 *     log.info("request id {}", response.requestId());
 *     response.parse().stream().forEach(this::print);
 * }
 * }</pre>
 *
 * @param <T> the type the body parses to
 * @since 0.1.0
 */
public final class StreamingResponse<T> implements AutoCloseable {

	private final AsyncStreamingResponse<T> async;

	/** The result of {@link #parse()}, once asked: a stream of events is closed with the response. */
	private volatile @Nullable T parsed;

	private StreamingResponse(AsyncStreamingResponse<T> async) {
		this.async = async;
	}

	/**
	 * Return the blocking view of a response of the reactive client.
	 * @param <T> the parsed type
	 * @param async the response
	 * @return the response
	 */
	public static <T> StreamingResponse<T> of(AsyncStreamingResponse<T> async) {
		return new StreamingResponse<>(async);
	}

	/**
	 * Return the HTTP status code.
	 * @return the status code
	 */
	public int statusCode() {
		return this.async.statusCode();
	}

	/**
	 * Return the response headers, by lower-case name.
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.async.headers();
	}

	/**
	 * Return the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return this.async.header(name);
	}

	/**
	 * Return the {@code x-request-id} the server gave the request, for support requests.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.async.requestId();
	}

	/**
	 * Return the body as it comes, as a stream read from the connection as the stream is read,
	 * a few buffers ahead. Closing the stream, or this response, before its end ends the
	 * exchange.
	 * @return the stream
	 * @throws io.github.openaispring.errors.OpenAIException if the body has already been read
	 * or the response closed
	 */
	public InputStream body() {
		return this.async.unreadBody().inputStream();
	}

	/**
	 * Read the body now as the operation's usual result: the same value the operation returns
	 * without {@code withStreamingResponse()}. The body is read and parsed once; later calls
	 * return the same value. A JSON result is read whole, up to the client's in-memory limit
	 * ({@code maxInMemorySize}); the events of a streaming operation are a
	 * {@link StreamResponse} that reads the body as it is consumed, returned once the first
	 * event came, as without {@code withStreamingResponse()}.
	 * @return the result, {@code null} for an operation that answers with no body
	 * @throws io.github.openaispring.errors.APIResponseValidationException if the body does not
	 * parse, or is over the in-memory limit (which ends the exchange)
	 * @throws io.github.openaispring.errors.OpenAIException if the body has already been read
	 * by {@link #body()} or the response closed; for a stream, what fails before its first
	 * event
	 */
	public T parse() {
		T value = Blocking.getOrNull(this.async.parse());
		this.parsed = value;
		return value;
	}

	/**
	 * End the exchange if the body has not been read, freeing its connection, and close the
	 * stream of {@link #body()} or the stream of events of {@link #parse()}.
	 */
	@Override
	public void close() {
		this.async.close();
		if (this.parsed instanceof StreamResponse<?> events) {
			events.close();
		}
	}

	@Override
	public String toString() {
		return "StreamingResponse{status=" + statusCode() + ", requestId=" + requestId() + "}";
	}

}
