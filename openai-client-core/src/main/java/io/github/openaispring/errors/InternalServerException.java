package io.github.openaispring.errors;

/**
 * HTTP 500: the server failed (any status of 500 or above).
 *
 * @since 0.1.0
 */
public class InternalServerException extends APIStatusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param details what the error response said
	 */
	public InternalServerException(String message, StatusErrorDetails details) {
		super(message, details);
	}

}
