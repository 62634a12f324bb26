package io.github.openaispring.errors;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with a success status, but the body is not what the API declares (not
 * JSON, truncated, or of the wrong shape). The message says where reading failed; the body is
 * kept, cut to a bounded length.
 *
 * @since 0.1.0
 */
public class APIResponseValidationException extends OpenAIInvalidDataException {

	private static final long serialVersionUID = 1L;

	private final int statusCode;

	private final transient Map<String, List<String>> headers;

	private final @Nullable String requestId;

	private final String body;

	public APIResponseValidationException(String message, int statusCode, Map<String, List<String>> headers,
			@Nullable String requestId, String body, @Nullable Throwable cause) {
		super(message, cause);
		this.statusCode = statusCode;
		this.headers = headers;
		this.requestId = requestId;
		this.body = body;
	}

	/**
	 * Return the HTTP status code.
	 * @return the status code
	 */
	public int statusCode() {
		return this.statusCode;
	}

	/**
	 * Return the response headers, by lower-case name.
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * Return the {@code x-request-id} of the response.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Return the body as received, cut to a bounded length.
	 * @return the body
	 */
	public String body() {
		return this.body;
	}

}
