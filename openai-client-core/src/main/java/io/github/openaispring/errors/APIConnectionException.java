package io.github.openaispring.errors;

import org.jspecify.annotations.Nullable;

/**
 * The request did not get a complete answer: the connection could not be made, was reset, or
 * the response ended before it was whole.
 *
 * @since 0.1.0
 */
public class APIConnectionException extends OpenAIException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param cause the cause, or {@code null}
	 */
	public APIConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
