package io.github.openaispring.errors;

/**
 * HTTP 404: the resource does not exist, or the key cannot see it.
 *
 * @since 0.1.0
 */
public class NotFoundException extends APIStatusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param details what the error response said
	 */
	public NotFoundException(String message, StatusErrorDetails details) {
		super(message, details);
	}

}
