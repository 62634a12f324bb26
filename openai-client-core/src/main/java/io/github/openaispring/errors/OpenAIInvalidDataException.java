package io.github.openaispring.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when data does not fit the shape the OpenAI API declares: a required field that
 * was never set on a builder or is absent from a response, JSON of the wrong type, or JSON
 * that is not well formed. The message names the field, or the offset in the input.
 *
 * @since 0.1.0
 */
public class OpenAIInvalidDataException extends OpenAIException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param message the message
	 */
	public OpenAIInvalidDataException(String message) {
		super(message);
	}

	/**
	 * Create the exception.
	 * @param message the message
	 * @param cause the cause, or {@code null}
	 */
	public OpenAIInvalidDataException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
