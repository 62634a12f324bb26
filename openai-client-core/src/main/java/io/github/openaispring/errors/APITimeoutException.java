package io.github.openaispring.errors;

import org.jspecify.annotations.Nullable;

/**
 * The request, or a stream waiting for its next event, took longer than its timeout.
 *
 * @since 0.1.0
 */
public class APITimeoutException extends APIConnectionException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param cause the cause, or {@code null}
	 */
	public APITimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
