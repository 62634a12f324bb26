package io.github.openaispring.errors;

/**
 * HTTP 401: the API key is missing, wrong or revoked.
 *
 * @since 0.1.0
 */
public class AuthenticationException extends APIStatusException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param details what the error response said
	 */
	public AuthenticationException(String message, StatusErrorDetails details) {
		super(message, details);
	}

}
