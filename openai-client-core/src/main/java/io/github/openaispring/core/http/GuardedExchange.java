package io.github.openaispring.core.http;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Calls an {@link ExchangeListener.Exchange} so that nothing it throws reaches the call it
 * observes, and so that only the first of complete, error and cancel is told.
 */
final class GuardedExchange {

	private static final Log logger = LogFactory.getLog(GuardedExchange.class);

	private final HttpCall call;

	private final ExchangeListener.Exchange exchange;

	private volatile boolean ended;

	private GuardedExchange(HttpCall call, ExchangeListener.Exchange exchange) {
		this.call = call;
		this.exchange = exchange;
	}

	static GuardedExchange start(ExchangeListener listener, HttpCall call) {
		ExchangeListener.Exchange exchange;
		try {
			exchange = listener.start(call);
		}
		catch (RuntimeException ex) {
			logger.warn(call + ": exchange listener failed", ex);
			exchange = ExchangeListener.Exchange.NONE;
		}
		return new GuardedExchange(call, exchange);
	}

	/**
	 * Return whether a listener observes this call, so that what only it reads need not be
	 * built otherwise.
	 * @return whether the call is observed
	 */
	boolean observed() {
		return this.exchange != ExchangeListener.Exchange.NONE;
	}

	void response(int statusCode, Map<String, List<String>> headers) {
		guard(() -> this.exchange.onResponse(statusCode, headers));
	}

	void event(@Nullable String data) {
		if (data != null) {
			guard(() -> this.exchange.onEvent(data));
		}
	}

	void complete(@Nullable HttpResult result) {
		if (end()) {
			guard(() -> this.exchange.onComplete(result));
		}
	}

	void error(Throwable failure) {
		if (end()) {
			guard(() -> this.exchange.onError(failure));
		}
	}

	void cancel() {
		if (end()) {
			guard(this.exchange::onCancel);
		}
	}

	private synchronized boolean end() {
		if (this.ended) {
			return false;
		}
		this.ended = true;
		return true;
	}

	private void guard(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			// Metrics must never fail the call they observe.
			logger.warn(this.call + ": exchange listener failed", ex);
		}
	}

}
