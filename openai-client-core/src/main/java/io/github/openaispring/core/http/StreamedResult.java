package io.github.openaispring.core.http;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import reactor.core.publisher.Flux;

/**
 * A success response whose body has not been read: status, headers (by lower-case name) and
 * the body as buffers, read as they are consumed. Each buffer must be released, and the body
 * consumed or cancelled.
 *
 * @param statusCode the HTTP status code
 * @param headers the headers, by lower-case name
 * @param body the body
 * @since 0.1.0
 */
public record StreamedResult(int statusCode, Map<String, List<String>> headers, Flux<DataBuffer> body) {

	/**
	 * Return the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return HttpResult.firstHeader(this.headers, name);
	}

	/**
	 * Return the {@code x-request-id} of the response.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return header("x-request-id");
	}

}
