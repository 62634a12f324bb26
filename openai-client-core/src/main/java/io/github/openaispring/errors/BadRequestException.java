package io.github.openaispring.errors;

/**
 * HTTP 400: the request was malformed or invalid.
 *
 * @since 0.1.0
 */
public class BadRequestException extends APIStatusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param details what the error response said
	 */
	public BadRequestException(String message, StatusErrorDetails details) {
		super(message, details);
	}

}
