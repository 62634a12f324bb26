package io.github.openaispring.errors;

/**
 * HTTP 422: the request was well formed but could not be processed.
 *
 * @since 0.1.0
 */
public class UnprocessableEntityException extends APIStatusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param details what the error response said
	 */
	public UnprocessableEntityException(String message, StatusErrorDetails details) {
		super(message, details);
	}

}
