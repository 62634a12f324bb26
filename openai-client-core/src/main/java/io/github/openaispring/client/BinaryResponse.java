package io.github.openaispring.client;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.openaispring.core.Blocking;
import org.jspecify.annotations.Nullable;

/**
 * A response whose body is a file, such as a file's content or speech: status, headers and
 * request id, and the body read as it is consumed, never held whole in memory unless
 * {@link #bytes()} asks for it. The call returns once the headers have arrived.
 * <pre>{@code
 * client.audio().speech().create(params).streamToFile(Path.of("speech.mp3"));
 * try (BinaryResponse content = client.files().content(fileId);
 *         InputStream in = content.inputStream()) {
 *     in.transferTo(out);
 * }
 * }</pre>
 * The body can be read once. Read it or close the response: until then the exchange holds
 * its connection. Closing after the body was read does nothing.
 *
 * @since 0.1.0
 */
public final class BinaryResponse implements AutoCloseable {

	private final AsyncBinaryResponse async;

	private BinaryResponse(AsyncBinaryResponse async) {
		this.async = async;
	}

	/**
	 * Return the blocking view of a response of the reactive client.
	 * @param async the response
	 * @return the response
	 */
	public static BinaryResponse of(AsyncBinaryResponse async) {
		return new BinaryResponse(async);
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
	 * Return the {@code x-request-id} the server gave the request.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.async.requestId();
	}

	/**
	 * Return the {@code Content-Type} of the body.
	 * @return the content type, or {@code null}
	 */
	public @Nullable String contentType() {
		return this.async.contentType();
	}

	/**
	 * Read the whole body into memory.
	 * @return the bytes
	 */
	public byte[] bytes() {
		return Blocking.get(this.async.bytes());
	}

	/**
	 * Read the whole body as UTF-8 text.
	 * @return the text
	 */
	public String text() {
		return Blocking.get(this.async.text());
	}

	/**
	 * Return the body as a stream, read from the connection as the stream is read, a few
	 * buffers ahead. Closing the stream before its end ends the exchange.
	 * @return the stream, to be closed
	 */
	public InputStream inputStream() {
		return this.async.unreadBody().inputStream();
	}

	/**
	 * Write the body to a file as it arrives, creating or replacing the file.
	 * @param file the file
	 */
	public void streamToFile(Path file) {
		Blocking.run(this.async.writeTo(file));
	}

	/**
	 * End the exchange if the body has not been read, and close the stream of
	 * {@link #inputStream()}.
	 */
	@Override
	public void close() {
		this.async.unreadBody().close();
	}

	@Override
	public String toString() {
		return "BinaryResponse{status=" + statusCode() + ", requestId=" + requestId() + ", contentType="
				+ contentType() + "}";
	}

}
