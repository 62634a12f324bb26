package io.github.openaispring.core.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.github.openaispring.core.OpenAIJson;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * OpenAI's conventions on top of decoded server-sent events: the {@code [DONE]} marker ends a
 * stream, and an event whose data is an object with an {@code error} field is a failure.
 * <p>
 * Ending at {@code [DONE]} is done so that the connection can be used again: the reader
 * completes at once, but the rest of the response (normally only the end of the chunked body,
 * which follows right after) is read and dropped in the background, so that Reactor Netty
 * gives the connection back to the pool instead of closing it. A server that goes on sending
 * after {@code [DONE]} has its connection closed after a short grace. A reader that cancels
 * before the end closes the connection at once, as before.
 */
final class SseEvents {

	private SseEvents() {
	}

	/**
	 * Return the events of a stream up to {@code [DONE]}, an error event becoming a
	 * {@code StreamErrorException}. Events without data (comments, keep-alives) are passed on:
	 * they show that the connection is alive; callers drop them with {@link #hasData}.
	 * @param events the decoded events of the response body
	 * @param requestId the request id of the response, for errors
	 * @param secret the API key, redacted from errors the server echoes it in
	 * @param drain how long to keep reading, and dropping, what follows {@code [DONE]}
	 * @return the events
	 */
	static Flux<ServerSentEvent<String>> untilDone(Flux<ServerSentEvent<String>> events, @Nullable String requestId,
			@Nullable String secret, Duration drain) {
		return events.transform(Operators.<ServerSentEvent<String>, ServerSentEvent<String>>lift(
				(scannable, actual) -> new UntilDone(actual, requestId, secret, drain)));
	}

	/**
	 * Return whether an event carries data, rather than being a comment or a keep-alive.
	 * @param event the event
	 * @return whether its data is not blank
	 */
	static boolean hasData(ServerSentEvent<String> event) {
		String data = event.data();
		return data != null && !data.isBlank();
	}

	static boolean isDone(@Nullable String data) {
		return data != null && data.strip().equals("[DONE]");
	}

	/**
	 * Return whether an event reports an error: its data is a JSON object whose {@code error}
	 * field is set (an object, or a string as some compatible servers send), whatever the
	 * event's name. An {@code event: error} without such a field (the Responses API's error
	 * event, {@code {"type": "error", ...}}) is an event like any other, for the reader to
	 * handle, as in openai-python ({@code _streaming.py}). Only data that mentions
	 * {@code "error"} is parsed twice.
	 * @param event the event
	 * @return whether it is an error
	 */
	static boolean isError(ServerSentEvent<String> event) {
		String data = event.data();
		if (data == null || !data.contains("\"error\"")) {
			return false;
		}
		try {
			JsonNode root = OpenAIJson.mapper().readTree(data);
			return root != null && root.isObject() && isSet(root.get("error"));
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/** Whether a value is set as Python's truth test has it: not null, false, 0 or empty. */
	private static boolean isSet(@Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return false;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isNumber()) {
			return value.doubleValue() != 0;
		}
		if (value.isString()) {
			return !value.stringValue().isEmpty();
		}
		return !value.isEmpty();
	}

	/**
	 * Passes events on until {@code [DONE]} or an error event. At {@code [DONE]} it completes
	 * its subscriber and drains the rest of the body; a cancel from the subscriber before that
	 * cancels the body, which closes the connection.
	 */
	private static final class UntilDone implements CoreSubscriber<ServerSentEvent<String>>, Subscription {

		private final CoreSubscriber<? super ServerSentEvent<String>> actual;

		private final @Nullable String requestId;

		private final @Nullable String secret;

		private final Duration drain;

		private final AtomicReference<@Nullable Disposable> drainTimer = new AtomicReference<>();

		private @Nullable Subscription upstream;

		/** Set once the subscriber was completed or failed: from then on events are dropped. */
		private volatile boolean finished;

		UntilDone(CoreSubscriber<? super ServerSentEvent<String>> actual, @Nullable String requestId,
				@Nullable String secret, Duration drain) {
			this.actual = actual;
			this.requestId = requestId;
			this.secret = secret;
			this.drain = drain;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(ServerSentEvent<String> event) {
			if (this.finished) {
				return;
			}
			if (isError(event)) {
				this.finished = true;
				cancelUpstream();
				String data = event.data();
				this.actual.onError(ErrorMapper.streamError((data != null) ? data : "", this.requestId, this.secret));
			}
			else if (isDone(event.data())) {
				this.finished = true;
				this.actual.onComplete();
				startDraining();
			}
			else {
				this.actual.onNext(event);
			}
		}

		private void startDraining() {
			Subscription upstream = this.upstream;
			if (upstream == null) {
				return;
			}
			this.drainTimer.set(Schedulers.parallel().schedule(upstream::cancel, this.drain.toMillis(),
					java.util.concurrent.TimeUnit.MILLISECONDS));
			upstream.request(Long.MAX_VALUE);
		}

		@Override
		public void onError(Throwable failure) {
			stopDrainTimer();
			if (!this.finished) {
				this.finished = true;
				this.actual.onError(failure);
			}
		}

		@Override
		public void onComplete() {
			stopDrainTimer();
			if (!this.finished) {
				this.finished = true;
				this.actual.onComplete();
			}
		}

		@Override
		public void request(long n) {
			Subscription upstream = this.upstream;
			if (upstream != null && !this.finished) {
				upstream.request(n);
			}
		}

		@Override
		public void cancel() {
			// After [DONE] the body is being drained so the connection can be reused: a late
			// cancel from downstream must not close it.
			if (!this.finished) {
				this.finished = true;
				cancelUpstream();
			}
		}

		private void cancelUpstream() {
			Subscription upstream = this.upstream;
			if (upstream != null) {
				upstream.cancel();
			}
		}

		private void stopDrainTimer() {
			Disposable timer = this.drainTimer.getAndSet(null);
			if (timer != null) {
				timer.dispose();
			}
		}

	}

}
