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

	private final @Nullable String requestId;

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
