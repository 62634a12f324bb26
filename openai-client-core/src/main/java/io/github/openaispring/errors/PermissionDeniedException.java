package io.github.openaispring.errors;

/**
 * HTTP 403: the key may not use this resource, model or region.
 *
 * @since 0.1.0
 */
public class PermissionDeniedException extends APIStatusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param details what the error response said
	 */
	public PermissionDeniedException(String message, StatusErrorDetails details) {
		super(message, details);
	}

}
