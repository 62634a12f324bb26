package io.github.openaispring.core.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Tells when a stream has been idle too long, with one timer per stream rather than one per
 * event: each event only records the time, and the timer, when it fires, either ends the wait
 * or sets itself again for what is left of it. {@link #expired()} is what Reactor's
 * {@code timeout} operator waits on after each event.
 * <p>
 * Why: a stream of a thousand chunks scheduled, and cancelled, a thousand timer tasks on the
 * parallel scheduler (a lock and a wake-up each), about 6% of the client's CPU in the profile.
 * <p>
 * The clock runs only while the reader has asked for an event it has not received
 * ({@link #requested}): a reader that takes its time between events (a blocking stream reads
 * one event ahead, then stops reading until its consumer takes it) stops the client from
 * reading, and that pause is the consumer's, not the server's. When the reader asks again the
 * wait starts afresh. Without this, a consumer thread that got no CPU for longer than the idle
 * timeout failed a stream whose server was sending all along.
 */
final class IdleWatch {

	private final long idleNanos;

	private final Scheduler scheduler;

	private final Sinks.Empty<Void> expired = Sinks.empty();

	private final Mono<Void> expiredMono = this.expired.asMono();

	private volatile long lastNanos;

	/** Events asked for and not received yet; {@code Long.MAX_VALUE} for no limit. */
	private final AtomicLong outstanding = new AtomicLong();

	private volatile @Nullable Disposable timer;

	private volatile boolean stopped;

	IdleWatch(Duration idle) {
		this(idle, Schedulers.parallel());
	}

	IdleWatch(Duration idle, Scheduler scheduler) {
		this.idleNanos = idle.toNanos();
		this.scheduler = scheduler;
	}

	/**
	 * Record an event and, at the first, start the timer.
	 */
	void touch() {
		this.lastNanos = this.scheduler.now(TimeUnit.NANOSECONDS);
		this.outstanding.getAndUpdate((n) -> (n == Long.MAX_VALUE || n == 0) ? n : n - 1);
		if (this.timer == null && !this.stopped) {
			schedule(this.idleNanos);
		}
	}

	/**
	 * Record that the reader asked for more events. If it had none outstanding, the server's
	 * wait starts now: the time before was the reader's.
	 * @param n how many more events
	 */
	void requested(long n) {
		if (this.outstanding.get() == 0) {
			// Before the demand shows, so that a check in between never sees the demand with
			// the time of the last event, from before the pause.
			this.lastNanos = this.scheduler.now(TimeUnit.NANOSECONDS);
		}
		this.outstanding.getAndUpdate((current) -> {
			long sum = current + n;
			return (sum < 0) ? Long.MAX_VALUE : sum;
		});
	}

	/**
	 * Return what completes once the stream has had no event for the idle time.
	 * @return the signal
	 */
	Mono<Void> expired() {
		return this.expiredMono;
	}

	/** Stop the timer: the stream ended. */
	void stop() {
		this.stopped = true;
		Disposable timer = this.timer;
		if (timer != null) {
			timer.dispose();
		}
	}

	private void schedule(long delayNanos) {
		this.timer = this.scheduler.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
	}

	private void check() {
		if (this.stopped) {
			return;
		}
		if (this.outstanding.get() == 0) {
			// The reader is not reading: nothing to wait for from the server. Look again later;
			// when the reader asks, requested() restarts the wait from then.
			schedule(this.idleNanos);
			return;
		}
		long idleFor = this.scheduler.now(TimeUnit.NANOSECONDS) - this.lastNanos;
		if (idleFor >= this.idleNanos) {
			this.expired.tryEmitEmpty();
		}
		else {
			schedule(this.idleNanos - idleFor);
		}
	}

}
