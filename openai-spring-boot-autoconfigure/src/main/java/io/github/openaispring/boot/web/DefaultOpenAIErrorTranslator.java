package io.github.openaispring.boot.web;

import java.time.Duration;

import io.github.openaispring.core.http.OpenAIRetryPolicy;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.errors.StreamErrorException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The default {@link OpenAIErrorTranslator}. The status answers the caller of the
 * application, not OpenAI's caller:
 * <ul>
 * <li>429 from OpenAI: 429, with OpenAI's {@code Retry-After} (in whole seconds);</li>
 * <li>5xx from OpenAI, or no connection: 502;</li>
 * <li>a timeout: 504;</li>
 * <li>401 or 403 from OpenAI: 502, since the application's own credentials are wrong, not
 * the caller's;</li>
 * <li>400 or 422 from OpenAI: 400, with OpenAI's message as the detail and its
 * {@code param} and {@code code};</li>
 * <li>any other failure: 502.</li>
 * </ul>
 * Every problem carries OpenAI's request id as the {@code requestId} property when a response
 * came. Transient failures are those the client itself would retry.
 *
 * @since 0.1.0
 */
public class DefaultOpenAIErrorTranslator implements OpenAIErrorTranslator {

	@Override
	public @Nullable OpenAIErrorResponseException translateExceptionIfPossible(Throwable ex) {
		if (!(ex instanceof OpenAIException)) {
			return null;
		}
		if (ex instanceof APIStatusException status) {
			return translateStatus(status);
		}
		if (ex instanceof APITimeoutException) {
			return transientProblem(HttpStatus.GATEWAY_TIMEOUT, "The AI service did not answer in time.", ex, null);
		}
		if (ex instanceof APIConnectionException) {
			return transientProblem(HttpStatus.BAD_GATEWAY, "The AI service could not be reached.", ex, null);
		}
		if (ex instanceof StreamErrorException stream) {
			return permanent(problem(HttpStatus.BAD_GATEWAY, "The AI service failed while streaming its answer.",
					stream.requestId()), ex, stream.requestId());
		}
		return permanent(problem(HttpStatus.BAD_GATEWAY, "The AI service's answer could not be used.", null), ex,
				null);
	}

	private OpenAIErrorResponseException translateStatus(APIStatusException ex) {
		int code = ex.statusCode();
		String requestId = ex.requestId();
		if (code == 429) {
			ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS,
					"The AI service is limiting the rate of requests; try again later.", requestId);
			OpenAIErrorResponseException translated = new TransientOpenAIErrorResponseException(
					HttpStatus.TOO_MANY_REQUESTS, problem, ex, requestId);
			String retryAfter = retryAfter(ex);
			if (retryAfter != null) {
				translated.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
			}
			return translated;
		}
		if (code == 400 || code == 422) {
			String message = (ex.errorMessage() != null) ? ex.errorMessage() : "The AI service rejected the request.";
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message, requestId);
			if (ex.errorParam() != null) {
				problem.setProperty("param", ex.errorParam());
			}
			if (ex.errorCode() != null) {
				problem.setProperty("code", ex.errorCode());
			}
			return permanent(problem, ex, requestId);
		}
		if (code == 401 || code == 403) {
			return permanent(problem(HttpStatus.BAD_GATEWAY,
					"The AI service rejected this server's credentials (" + code + ").", requestId), ex, requestId);
		}
		if (code >= 500) {
			return transientProblem(HttpStatus.BAD_GATEWAY, "The AI service failed (" + code + ").", ex, requestId);
		}
		String detail = "The AI service answered " + code + ".";
		return OpenAIRetryPolicy.isRetryable(ex)
				? transientProblem(HttpStatus.BAD_GATEWAY, detail, ex, requestId)
				: permanent(problem(HttpStatus.BAD_GATEWAY, detail, requestId), ex, requestId);
	}

	private static TransientOpenAIErrorResponseException transientProblem(HttpStatus status, String detail,
			Throwable cause, @Nullable String requestId) {
		return new TransientOpenAIErrorResponseException(status, problem(status, detail, requestId), cause, requestId);
	}

	private static NonTransientOpenAIErrorResponseException permanent(ProblemDetail problem, Throwable cause,
			@Nullable String requestId) {
		return new NonTransientOpenAIErrorResponseException(HttpStatus.valueOf(problem.getStatus()), problem, cause,
				requestId);
	}

	private static ProblemDetail problem(HttpStatus status, String detail, @Nullable String requestId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	/**
	 * Return the wait OpenAI asked for as a {@code Retry-After} in whole seconds, rounded up,
	 * or {@code null} when it asked for none that is still ahead.
	 */
	static @Nullable String retryAfter(APIStatusException failure) {
		Duration wait = failure.retryAfter();
		if (wait == null || wait.isNegative()) {
			return null;
		}
		return String.valueOf((wait.toNanos() + 999_999_999L) / 1_000_000_000L);
	}

}
