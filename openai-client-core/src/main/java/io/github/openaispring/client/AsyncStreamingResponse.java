package io.github.openaispring.client;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.openaispring.core.http.StreamedResult;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A response returned as soon as its headers arrive, with its body not read yet, on the
 * reactive client: what {@code asyncClient.withStreamingResponse()} returns. Status, headers
 * and request id are there at once; the body is read when asked, either as it came
 * ({@link #body()}) or as the operation's usual result ({@link #parse()}).
 * <pre>{@code
 * client.withStreamingResponse().models().retrieve("gpt-4o")
 *     .flatMap((response) -> {
 *         log.info("request id {}", response.requestId());
 *         return response.parse();
 *     });
 * }</pre>
 * The body can be read once, by {@link #body()} or {@link #parse()} (whose result is kept, so
 * that it can be asked again), or dropped by {@link #discard()} or {@link #close()}; until then
 * the exchange holds its connection, so read or discard it.
 * <p>
 * For a streaming operation ({@code createStreaming} and the like) the result is the
 * {@link Flux} of events the operation gives without {@code withStreamingResponse()}, read as
 * they arrive when it is subscribed to, and {@link #body()} gives the bytes of the event stream:
 * <pre>{@code
 * client.withStreamingResponse().chat().completions().createStreaming(params)
 *     .flatMapMany((response) -> {
 *         log.info("request id {}", response.requestId());
 *         return response.parse().flatMapMany((chunks) -> chunks);
 *     });
 * }</pre>
 *
 * @param <T> the type the body parses to
 * @since 0.1.0
 */
public final class AsyncStreamingResponse<T> implements AutoCloseable {

	private final UnreadBody body;

	private final Mono<T> parsed;

	private AsyncStreamingResponse(UnreadBody body, Mono<T> parsed) {
		this.body = body;
		this.parsed = parsed;
	}

	/**
	 * Return the streaming response of a streamed result.
	 * @param <T> the parsed type
	 * @param result the status, headers and unread body
	 * @param reader reads the body into the result when {@link #parse()} is first subscribed
	 * to: whole (then empty for no result), or as it comes (a stream of events); the body it is
	 * given can be subscribed to once, and only if {@link #body()} has not taken it
	 * @return the response
	 */
	public static <T> AsyncStreamingResponse<T> of(StreamedResult result,
			Function<Flux<DataBuffer>, Mono<T>> reader) {
		UnreadBody body = new UnreadBody(result);
		return new AsyncStreamingResponse<>(body, Mono.defer(() -> reader.apply(body.body())).cache());
	}

	/**
	 * Return the HTTP status code.
	 * @return the status code
	 */
	public int statusCode() {
		return this.body.result().statusCode();
	}

	/**
	 * Return the response headers, by lower-case name.
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.body.result().headers();
	}

	/**
	 * Return the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return this.body.result().header(name);
	}

	/**
	 * Return the {@code x-request-id} the server gave the request, for support requests.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.body.result().requestId();
	}

	/**
	 * Return the body as it comes, as buffers read as they are requested. Release each buffer
	 * ({@link DataBufferUtils#release(DataBuffer)}); cancelling ends the exchange.
	 * @return the body, which can be subscribed to once, and not after {@link #parse()}
	 */
	public Flux<DataBuffer> body() {
		return this.body.body();
	}

	/**
	 * Read the body, when subscribed, as the operation's usual result: the same value the
	 * operation returns without {@code withStreamingResponse()}. The body is read and parsed
	 * once; later subscriptions, and later calls, give the same value. A JSON result is read
	 * whole, up to the client's in-memory limit ({@code maxInMemorySize}); the events of a
	 * streaming operation are a {@link Flux} that reads the body as it comes when subscribed
	 * to, once: up to {@code [DONE]}, with an error event raised as the same exception and the
	 * same idle timeout as without {@code withStreamingResponse()}; cancelling it ends the
	 * exchange.
	 * @return the result; empty for an operation that answers with no body, or an
	 * {@link io.github.openaispring.errors.APIResponseValidationException} if the body does not
	 * parse or is over the in-memory limit (which ends the exchange)
	 */
	public Mono<T> parse() {
		return this.parsed;
	}

	/**
	 * Return this response with its parsed result turned into another type, as the blocking
	 * client does with an async page; the body is the same, and is read once by either.
	 * @param <U> the new result type
	 * @param mapper turns the parsed result into the new one, when it is parsed
	 * @return the response
	 */
	public <U> AsyncStreamingResponse<U> map(Function<? super T, ? extends U> mapper) {
		return new AsyncStreamingResponse<>(this.body, this.parsed.<U>map(mapper).cache());
	}

	/**
	 * End the exchange without reading the body, freeing its connection, or do nothing if the
	 * body has been read or is being read.
	 * @return completes at once
	 */
	public Mono<Void> discard() {
		return this.body.discard();
	}

	/**
	 * End the exchange without reading the body, as {@link #discard()} does, at once and
	 * without blocking; nothing happens if the body has been read or is being read.
	 */
	@Override
	public void close() {
		this.body.close();
	}

	/** The unread body, which the blocking view reads as a stream and closes. */
	UnreadBody unreadBody() {
		return this.body;
	}

	@Override
	public String toString() {
		return "AsyncStreamingResponse{status=" + statusCode() + ", requestId=" + requestId() + "}";
	}

}
