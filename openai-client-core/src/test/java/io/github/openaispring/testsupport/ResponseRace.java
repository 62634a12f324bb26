package io.github.openaispring.testsupport;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Fuseable;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Operators;
import reactor.netty.http.client.HttpClientResponse;
import reactor.util.context.Context;

/**
 * Makes a rare race certain: it holds Reactor Netty's event loop at the moment a response
 * leaves Reactor Netty (its {@code MonoSink} has the value, so its own cancel hook is spent)
 * and before Spring's connector has made its {@code ReactorClientHttpResponse} of it, until
 * the test lets it go. A timeout or a cancel in that window is what strands a connection under
 * load about once in 5,000-10,000 timeouts; here it lands there every time.
 * <p>
 * It wraps every Reactor operator assembled while it is armed (a global hook, removed by
 * {@link #close()}); the wrapper only passes signals on, and holds the first
 * {@link HttpClientResponse} that Reactor Netty's response sink emits.
 */
public final class ResponseRace implements AutoCloseable {

	private static final String KEY = ResponseRace.class.getName();

	private final AtomicBoolean armed = new AtomicBoolean(true);

	private final CountDownLatch held = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	private ResponseRace() {
	}

	/**
	 * Arm the race for the next response.
	 * @return the race, to be closed
	 */
	public static ResponseRace arm() {
		ResponseRace race = new ResponseRace();
		// Fuseable operators are left alone: their subscribers must be queues, and Reactor
		// Netty's sinks are not fuseable.
		Hooks.onEachOperator(KEY, Operators.<Object>lift((scannable) -> !(scannable instanceof Fuseable),
				(scannable, actual) -> new Holding(actual, race)));
		return race;
	}

	/**
	 * Wait until a response is held.
	 * @param timeout the most to wait
	 * @return whether one is held
	 */
	public boolean awaitHeld(Duration timeout) throws InterruptedException {
		return this.held.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Let the held response go on.
	 */
	public void release() {
		this.released.countDown();
	}

	@Override
	public void close() {
		Hooks.resetOnEachOperator(KEY);
		release();
	}

	private void hold() {
		this.held.countDown();
		try {
			// Bounded: a test that forgets to release must not hang the event loop for good.
			this.released.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Passes every signal on; holds the first response. */
	private static final class Holding implements CoreSubscriber<Object>, Subscription {

		private static final String RESPONSE_SINK = "reactor.netty.http.client.HttpClientConnect$HttpIOHandlerObserver";

		private final CoreSubscriber<? super Object> actual;

		private final ResponseRace race;

		private Subscription upstream = Operators.emptySubscription();

		Holding(CoreSubscriber<? super Object> actual, ResponseRace race) {
			this.actual = actual;
			this.race = race;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.upstream = subscription;
			this.actual.onSubscribe(this);
		}

		@Override
		public void onNext(Object value) {
			if (value instanceof HttpClientResponse && fromResponseReceived() && this.race.armed.compareAndSet(true, false)) {
				this.race.hold();
			}
			this.actual.onNext(value);
		}

		/**
		 * Whether the value comes from Reactor Netty's response sink: the same object goes by
		 * when the pool hands out a connection, with the status of its previous response.
		 */
		private static boolean fromResponseReceived() {
			return StackWalker.getInstance()
				.walk((frames) -> frames.anyMatch((frame) -> frame.getClassName().equals(RESPONSE_SINK)));
		}

		@Override
		public void onError(Throwable failure) {
			this.actual.onError(failure);
		}

		@Override
		public void onComplete() {
			this.actual.onComplete();
		}

		@Override
		public void request(long n) {
			this.upstream.request(n);
		}

		@Override
		public void cancel() {
			this.upstream.cancel();
		}

	}

}
