package io.github.openaispring.core.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idle watch of a stream, on a virtual clock: it expires the idle time after the last
 * event, not after the first, and never once stopped.
 */
class IdleWatchTests {

	private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

	@Test
	void expiresTheIdleTimeAfterTheLastEvent() {
		IdleWatch watch = new IdleWatch(Duration.ofSeconds(10), this.clock);
		AtomicBoolean expired = new AtomicBoolean();
		watch.requested(Long.MAX_VALUE);
		watch.touch();
		watch.expired().subscribe(null, null, () -> expired.set(true));
		this.clock.advanceTimeBy(Duration.ofSeconds(6));
		watch.touch();
		this.clock.advanceTimeBy(Duration.ofSeconds(6));
		assertThat(expired).as("12 s after the first event, 6 s after the last").isFalse();
		this.clock.advanceTimeBy(Duration.ofSeconds(3));
		assertThat(expired).isFalse();
		this.clock.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(expired).as("10 s after the last event").isTrue();
	}

	@Test
	void countsOnlyTheTimeTheReaderWaits() {
		IdleWatch watch = new IdleWatch(Duration.ofSeconds(10), this.clock);
		AtomicBoolean expired = new AtomicBoolean();
		watch.expired().subscribe(null, null, () -> expired.set(true));
		watch.requested(1);
		watch.touch();
		// The reader holds the event a minute before asking for the next: not the server's time.
		this.clock.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(expired).as("no event asked for").isFalse();
		watch.requested(1);
		this.clock.advanceTimeBy(Duration.ofSeconds(9));
		assertThat(expired).as("9 s after the reader asked").isFalse();
		this.clock.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(expired).as("10 s after the reader asked, with nothing sent").isTrue();
	}

	@Test
	void neverExpiresOnceStopped() {
		IdleWatch watch = new IdleWatch(Duration.ofSeconds(10), this.clock);
		AtomicBoolean expired = new AtomicBoolean();
		watch.requested(Long.MAX_VALUE);
		watch.touch();
		watch.expired().subscribe(null, null, () -> expired.set(true));
		watch.stop();
		this.clock.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(expired).isFalse();
	}

}
