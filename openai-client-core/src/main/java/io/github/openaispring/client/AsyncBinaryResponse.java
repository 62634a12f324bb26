package io.github.openaispring.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.openaispring.core.http.StreamedResult;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A response whose body is a file, such as a file's content or speech, on the reactive
 * client: status, headers and request id as soon as the headers arrive, and the body read as
 * it is consumed, never held whole in memory unless {@link #bytes()} asks for it.
 * <p>
 * The body can be read once, by one of {@link #body()}, {@link #bytes()}, {@link #text()},
 * {@link #writeTo(Path)} or {@link #discard()}; until then the exchange holds its
 * connection, so read or discard it.
 *
 * @since 0.1.0
 */
public final class AsyncBinaryResponse {

	private final StreamedResult result;

	private final UnreadBody body;

	private AsyncBinaryResponse(StreamedResult result) {
		this.result = result;
		this.body = new UnreadBody(result);
	}

	/**
	 * Return the binary response of a streamed result.
	 * @param result the status, headers and unread body
	 * @return the response
	 */
	public static AsyncBinaryResponse of(StreamedResult result) {
		return new AsyncBinaryResponse(result);
	}

	/**
	 * Return the HTTP status code.
	 * @return the status code
	 */
	public int statusCode() {
		return this.result.statusCode();
	}

	/**
	 * Return the response headers, by lower-case name.
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.result.headers();
	}

	/**
	 * Return the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return this.result.header(name);
	}

	/**
	 * Return the {@code x-request-id} the server gave the request.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.result.requestId();
	}

	/**
	 * Return the {@code Content-Type} of the body, such as {@code audio/mpeg}.
	 * @return the content type, or {@code null}
	 */
	public @Nullable String contentType() {
		return header("content-type");
	}

	/**
	 * Return the body as buffers, read as they are requested. Release each buffer
	 * ({@link DataBufferUtils#release(DataBuffer)}); cancelling ends the exchange.
	 * @return the body, which can be subscribed to once
	 */
	public Flux<DataBuffer> body() {
		return this.body.body();
	}

	/**
	 * Read the whole body into memory.
	 * @return the bytes
	 */
	public Mono<byte[]> bytes() {
		return this.body.bytes();
	}

	/**
	 * Read the whole body as UTF-8 text.
	 * @return the text
	 */
	public Mono<String> text() {
		return bytes().map((bytes) -> new String(bytes, StandardCharsets.UTF_8));
	}

	/**
	 * Write the body to a file as it arrives, creating or replacing the file.
	 * @param file the file
	 * @return completes when the whole body is written
	 */
	public Mono<Void> writeTo(Path file) {
		return DataBufferUtils.write(body(), file);
	}

	/**
	 * End the exchange without reading the body, or do nothing if it has been read.
	 * @return completes at once
	 */
	public Mono<Void> discard() {
		return this.body.discard();
	}

	/** The unread body, which the blocking view reads as a stream and closes. */
	UnreadBody unreadBody() {
		return this.body;
	}

	@Override
	public String toString() {
		return "AsyncBinaryResponse{status=" + statusCode() + ", requestId=" + requestId() + ", contentType="
				+ contentType() + "}";
	}

}
