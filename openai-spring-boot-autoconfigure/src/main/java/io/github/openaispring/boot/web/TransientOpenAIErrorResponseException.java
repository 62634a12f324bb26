package io.github.openaispring.boot.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * An OpenAI failure that may not happen again: a rate limit, a server error, a timeout or a
 * connection failure.
 *
 * @since 0.1.0
 */
public class TransientOpenAIErrorResponseException extends OpenAIErrorResponseException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param status the status to answer with
	 * @param body the problem detail
	 * @param cause the client's exception
	 * @param requestId OpenAI's request id, or {@code null} when no response came
	 */
	public TransientOpenAIErrorResponseException(HttpStatusCode status, ProblemDetail body, Throwable cause,
			@Nullable String requestId) {
		super(status, body, cause, requestId);
	}

	@Override
	public boolean isTransient() {
		return true;
	}

}
