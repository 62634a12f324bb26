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

	/** The status of the response whose body did not fit. */
	private final int statusCode;

	/** The response headers, by lower-case name. */
	private final transient Map<String, List<String>> headers;

	/** The response's {@code x-request-id}. */
	private final @Nullable String requestId;

	/** The body as received, cut to a bounded length, the API key redacted. */
	private final String body;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param statusCode the status of the response
	 * @param headers its headers, by lower-case name
	 * @param requestId its {@code x-request-id}, or {@code null}
	 * @param body its body, cut to a bounded length
	 * @param cause why the body did not fit, or {@code null}
	 */
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
