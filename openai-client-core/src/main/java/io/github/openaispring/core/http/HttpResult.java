package io.github.openaispring.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A complete response: status, headers (by lower-case name) and body.
 *
 * @param statusCode the HTTP status code
 * @param headers the headers, by lower-case name
 * @param body the body
 * @since 0.1.0
 */
public record HttpResult(int statusCode, Map<String, List<String>> headers, byte[] body) {

	/**
	 * Return the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return firstHeader(this.headers, name);
	}

	/**
	 * Return the {@code x-request-id} of the response.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return header("x-request-id");
	}

	/**
	 * Return the body as UTF-8 text.
	 * @return the text
	 */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/** The first value of a header of headers kept by lower-case name, asked for in any case. */
	static @Nullable String firstHeader(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

}
