package io.github.openaispring.core.http;

import java.time.Duration;

/**
 * Told of every retry the client makes, for metrics or logs.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RetryListener {

	/** A listener that does nothing. */
	RetryListener NONE = (operation, cause, retry, delay) -> {
	};

	/**
	 * Called before the client waits and retries.
	 * @param operation the operation, such as {@code chat.completions.create}
	 * @param cause a bounded name of the cause: an HTTP status such as {@code 429}, or
	 * {@code connection} or {@code timeout}
	 * @param retry the number of this retry, from 1
	 * @param delay how long the client waits before it
	 */
	void onRetry(String operation, String cause, int retry, Duration delay);

}
