package io.github.openaispring.core.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.publisher.Mono;

/**
 * The deadlines of calls, on one shared timer wheel. Reactor's {@code timeout(Duration)}
 * schedules a task on the parallel scheduler for every call and cancels it when the answer
 * comes, which takes a lock and wakes a scheduler thread each time; on a 2-core machine that
 * was a measurable part of every call. Adding to the wheel is a queue offer that wakes no
 * thread; the wheel's one daemon thread ticks every 10 ms, which is the precision of a
 * deadline.
 */
final class Deadlines {

	private static final HashedWheelTimer WHEEL = new HashedWheelTimer(
			new DefaultThreadFactory("openai-deadlines", true), 10, TimeUnit.MILLISECONDS, 512);

	private Deadlines() {
	}

	/**
	 * Return what emits once the time has passed, for Reactor's {@code timeout(Publisher)};
	 * cancelling it takes the deadline off the wheel.
	 * @param duration the time
	 * @return the deadline
	 */
	static Mono<Long> after(Duration duration) {
		return Mono.create((sink) -> {
			Timeout timeout = WHEEL.newTimeout((expired) -> sink.success(0L), duration.toNanos(),
					TimeUnit.NANOSECONDS);
			sink.onCancel(timeout::cancel);
		});
	}

}
