package io.github.openaispring.errors;

/**
 * HTTP 409: the resource is in a state that conflicts with the request.
 *
 * @since 0.1.0
 */
public class ConflictException extends APIStatusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param details what the error response said
	 */
	public ConflictException(String message, StatusErrorDetails details) {
		super(message, details);
	}

}
