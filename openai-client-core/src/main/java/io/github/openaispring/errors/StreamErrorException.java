package io.github.openaispring.errors;

import org.jspecify.annotations.Nullable;

/**
 * The server reported an error inside a stream that had already started (an {@code error}
 * event, or an event whose data is an error object).
 *
 * @since 0.1.0
 */
public class StreamErrorException extends OpenAIException {

	private static final long serialVersionUID = 1L;

	/** The {@code x-request-id} of the stream's response. */
	private final @Nullable String requestId;

	/** The {@code type} of the error the stream reported. */
	private final @Nullable String errorType;

	/** The {@code code} of the error the stream reported. */
	private final @Nullable String errorCode;

	/**
	 * Create the exception.
	 * @param message the message
	 * @param requestId the {@code x-request-id} of the stream's response, or {@code null}
	 * @param errorType the {@code type} of the reported error, or {@code null}
	 * @param errorCode the {@code code} of the reported error, or {@code null}
	 */
	public StreamErrorException(String message, @Nullable String requestId, @Nullable String errorType,
			@Nullable String errorCode) {
		super(message);
		this.requestId = requestId;
		this.errorType = errorType;
		this.errorCode = errorCode;
	}

	/**
	 * Return the {@code x-request-id} of the stream's response.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Return the {@code type} of the error the server sent.
	 * @return the type, or {@code null}
	 */
	public @Nullable String errorType() {
		return this.errorType;
	}

	/**
	 * Return the {@code code} of the error the server sent.
	 * @return the code, or {@code null}
	 */
	public @Nullable String errorCode() {
		return this.errorCode;
	}

}
