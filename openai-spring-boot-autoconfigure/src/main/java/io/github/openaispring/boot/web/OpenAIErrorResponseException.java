package io.github.openaispring.boot.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A failure of an OpenAI call, translated for an HTTP caller: the status and problem detail
 * to answer with, and whether trying again later may succeed. The cause is the client's
 * exception.
 *
 * @since 0.1.0
 * @see OpenAIErrorTranslator
 */
public abstract class OpenAIErrorResponseException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	/** OpenAI's request id, when a response came. */
	private final @Nullable String requestId;

	/**
	 * Create the exception.
	 * @param status the status to answer with
	 * @param body the problem detail
	 * @param cause the client's exception
	 * @param requestId OpenAI's request id, or {@code null} when no response came
	 */
	protected OpenAIErrorResponseException(HttpStatusCode status, ProblemDetail body, Throwable cause,
			@Nullable String requestId) {
		super(status, body, cause);
		this.requestId = requestId;
	}

	/**
	 * Return whether the failure is transient: the same call may succeed later.
	 * @return whether it is transient
	 */
	public abstract boolean isTransient();

	/**
	 * Return the {@code x-request-id} OpenAI gave the failed request.
	 * @return the request id, or {@code null} when no response came
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

}
