package io.github.openaispring.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Told of each logical call a client makes, for metrics: when it starts, the response of each
 * attempt, each event of a stream, and how it ends. A listener is set once per client
 * ({@code OpenAI.builder().exchangeListener(..)}) and shared by the clients derived from it.
 * <p>
 * The transport calls it on the thread that runs the exchange, so an implementation must be
 * quick and must not block; whatever it throws is logged and ignored, so it can never fail the
 * call it observes.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ExchangeListener {

	/** A listener that observes nothing. */
	ExchangeListener NONE = (call) -> Exchange.NONE;

	/**
	 * Return a listener that tells each of the given ones, in order.
	 * @param listeners the listeners
	 * @return the listener
	 */
	static ExchangeListener of(List<ExchangeListener> listeners) {
		if (listeners.isEmpty()) {
			return NONE;
		}
		if (listeners.size() == 1) {
			return listeners.get(0);
		}
		List<ExchangeListener> all = List.copyOf(listeners);
		return (call) -> {
			List<Exchange> exchanges = new ArrayList<>(all.size());
			all.forEach((listener) -> exchanges.add(listener.start(call)));
			return new Exchange() {

				@Override
				public void onResponse(int statusCode, Map<String, List<String>> headers) {
					exchanges.forEach((exchange) -> exchange.onResponse(statusCode, headers));
				}

				@Override
				public void onEvent(String data) {
					exchanges.forEach((exchange) -> exchange.onEvent(data));
				}

				@Override
				public void onComplete(@Nullable HttpResult result) {
					exchanges.forEach((exchange) -> exchange.onComplete(result));
				}

				@Override
				public void onError(Throwable failure) {
					exchanges.forEach((exchange) -> exchange.onError(failure));
				}

				@Override
				public void onCancel() {
					exchanges.forEach(Exchange::onCancel);
				}

			};
		};
	}

	/**
	 * Called once when a logical call is subscribed to, before its first attempt.
	 * @param call the call: its operation name, method, path template and body
	 * @return the observer of this call, told of what happens to it
	 */
	Exchange start(HttpCall call);

	/**
	 * The observer of one logical call, retries included. Exactly one of
	 * {@link #onComplete}, {@link #onError} or {@link #onCancel} ends it.
	 */
	interface Exchange {

		/** An observer that does nothing. */
		Exchange NONE = new Exchange() {
		};

		/**
		 * The response of an attempt arrived, whatever its status; a retried call has several.
		 * @param statusCode the HTTP status code
		 * @param headers the response headers, by lower-case name
		 */
		default void onResponse(int statusCode, Map<String, List<String>> headers) {
		}

		/**
		 * A stream passed on an event with data ({@code [DONE]} and comments are not told).
		 * @param data the event's data, normally JSON
		 */
		default void onEvent(String data) {
		}

		/**
		 * The call succeeded.
		 * @param result the whole response of a call that is not a stream, or {@code null} at
		 * the end of a stream
		 */
		default void onComplete(@Nullable HttpResult result) {
		}

		/**
		 * The call failed, after any retries.
		 * @param failure the failure, one of the client's exceptions
		 */
		default void onError(Throwable failure) {
		}

		/**
		 * The caller cancelled the call (or stopped reading a stream) before it ended.
		 */
		default void onCancel() {
		}

	}

}
