package io.github.openaispring.core.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import io.github.openaispring.client.ClientOptions.RetrySettings;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.APITimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.context.RetryContextSupport;

/**
 * The client's one retry decision, as a Spring Retry {@link RetryPolicy}: what is retried,
 * how often, and how long to wait. Both clients drive it (see {@link HttpTransport}); the
 * waiting itself is scheduled, never done by sleeping a thread.
 * <ul>
 * <li>{@code x-should-retry: true|false} from the server decides first.</li>
 * <li>Otherwise connection failures, timeouts, 408, 409, 429 and 5xx are retried; nothing else.</li>
 * <li>At most {@code maxRetries} retries.</li>
 * <li>A response that asks for a longer wait than the cap ({@code retry-after-ms}, else
 * {@code Retry-After}) is not retried: its exception's {@link APIStatusException#retryAfter()}
 * tells the caller how long to wait.</li>
 * <li>The wait is the one the server asked for when over 0 and up to the cap; otherwise an
 * exponential backoff from the initial wait, doubling up to the maximum, less up to 25%
 * jitter.</li>
 * </ul>
 *
 * <p>
 * Subclass it, and hand a {@link RetryPolicyFactory} making the subclass to the client, to
 * change which failures are retried ({@link #canRetry}) or how long to wait ({@link #delay}).
 *
 * @since 0.1.0
 */
public class OpenAIRetryPolicy implements RetryPolicy {

	private final int maxRetries;

	private final RetrySettings settings;

	private final DoubleSupplier random;

	/**
	 * Create a policy.
	 * @param maxRetries the number of retries after the first attempt
	 * @param settings the waits
	 */
	public OpenAIRetryPolicy(int maxRetries, RetrySettings settings) {
		this(maxRetries, settings, () -> ThreadLocalRandom.current().nextDouble());
	}

	OpenAIRetryPolicy(int maxRetries, RetrySettings settings, DoubleSupplier random) {
		this.maxRetries = maxRetries;
		this.settings = settings;
		this.random = random;
	}

	@Override
	public boolean canRetry(RetryContext context) {
		Throwable failure = context.getLastThrowable();
		if (failure == null) {
			return true;
		}
		return context.getRetryCount() <= this.maxRetries && isRetryable(failure) && !asksTooLong(failure);
	}

	/** Whether the server asked for a longer wait than the cap, as openai-python checks first. */
	private boolean asksTooLong(Throwable failure) {
		Duration asked = (failure instanceof APIStatusException status) ? status.retryAfter() : null;
		return asked != null && asked.compareTo(this.settings.retryAfterCap()) > 0;
	}

	@Override
	public RetryContext open(@Nullable RetryContext parent) {
		return new RetryContextSupport(parent);
	}

	@Override
	public void close(RetryContext context) {
	}

	@Override
	public void registerThrowable(RetryContext context, @Nullable Throwable throwable) {
		((RetryContextSupport) context).registerThrowable(throwable);
	}

	@Override
	public int getMaxAttempts() {
		return this.maxRetries + 1;
	}

	/**
	 * Return whether a failure may be retried at all.
	 * @param failure the failure
	 * @return whether it is retryable
	 */
	public static boolean isRetryable(Throwable failure) {
		if (failure instanceof APIStatusException status) {
			Boolean shouldRetry = ErrorMapper.shouldRetry(status.headers());
			if (shouldRetry != null) {
				return shouldRetry;
			}
			int code = status.statusCode();
			return code == 408 || code == 409 || code == 429 || code >= 500;
		}
		return failure instanceof APIConnectionException;
	}

	/**
	 * Return how long to wait before the given retry.
	 * @param retry the number of the retry, from 1
	 * @param failure the failure that caused it
	 * @return the wait
	 */
	public Duration delay(int retry, Throwable failure) {
		if (failure instanceof APIStatusException status) {
			Duration asked = status.retryAfter();
			if (asked != null && !asked.isNegative() && !asked.isZero() && asked.compareTo(this.settings.retryAfterCap()) <= 0) {
				return asked;
			}
		}
		double initial = this.settings.initialBackoff().toNanos();
		double backoff = Math.min(initial * Math.pow(2, retry - 1), this.settings.maxBackoff().toNanos());
		double jitter = 1 - 0.25 * this.random.getAsDouble();
		return Duration.ofNanos((long) (backoff * jitter));
	}

	/**
	 * Return a bounded name for the cause of a retry, for metrics.
	 * @param failure the failure
	 * @return the HTTP status, {@code timeout} or {@code connection}
	 */
	public static String cause(Throwable failure) {
		if (failure instanceof APIStatusException status) {
			return String.valueOf(status.statusCode());
		}
		return (failure instanceof APITimeoutException) ? "timeout" : "connection";
	}

}
