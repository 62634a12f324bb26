package io.github.openaispring.errors;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception thrown by the OpenAI client. All of them are unchecked.
 *
 * @since 0.1.0
 */
public class OpenAIException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 */
	public OpenAIException(String message) {
		super(message);
	}

	/**
	 * Create the exception.
	 * @param message the message
	 * @param cause the cause, or {@code null}
	 */
	public OpenAIException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
