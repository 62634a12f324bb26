package io.github.openaispring.errors;

/**
 * HTTP 429: a rate limit or quota was exceeded.
 *
 * @since 0.1.0
 */
public class RateLimitException extends APIStatusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param details what the error response said
	 */
	public RateLimitException(String message, StatusErrorDetails details) {
		super(message, details);
	}

}
