package io.github.openaispring.core;

import io.github.openaispring.errors.OpenAIException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Where the blocking client waits for the reactive pipeline, so that both clients behave the
 * same.
 *
 * @since 0.1.0
 */
public final class Blocking {

	private Blocking() {
	}

	/**
	 * Wait for a call's result.
	 * @param <T> the result type
	 * @param mono the call
	 * @return the result
	 */
	public static <T> T get(Mono<T> mono) {
		return require(mono.block());
	}

	/**
	 * Wait for a result that may be absent, such as the parsed body of an operation that
	 * answers with no body.
	 * @param <T> the result type
	 * @param mono the call
	 * @return the result, or {@code null} if the call completed without one
	 */
	public static <T> @Nullable T getOrNull(Mono<T> mono) {
		return mono.block();
	}

	/**
	 * Wait for a call that answers with no result.
	 * @param mono the call
	 */
	public static void run(Mono<Void> mono) {
		mono.block();
	}

	/**
	 * Return a result that must be there.
	 * @param <T> the result type
	 * @param value the result
	 * @return the result
	 */
	private static <T> T require(@Nullable T value) {
		if (value == null) {
			throw new OpenAIException("The call completed without a result");
		}
		return value;
	}

}
