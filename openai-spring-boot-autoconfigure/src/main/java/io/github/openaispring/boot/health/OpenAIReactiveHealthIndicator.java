package io.github.openaispring.boot.health;

import java.time.Clock;
import java.time.Duration;

import io.github.openaispring.client.AsyncOpenAI;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link ReactiveHealthIndicator} of an {@link AsyncOpenAI} client; it probes as
 * {@link OpenAIHealthIndicator} does, without blocking a thread.
 *
 * @since 0.1.0
 */
public class OpenAIReactiveHealthIndicator extends AbstractReactiveHealthIndicator {

	private final OpenAIHealthProbe probe;

	/**
	 * Create an indicator.
	 * @param client the client to probe
	 * @param model the model to retrieve, or {@code null} to list the models
	 * @param timeout the longest the probe may take
	 * @param timeToLive how long a result is reused
	 */
	public OpenAIReactiveHealthIndicator(AsyncOpenAI client, @Nullable String model, Duration timeout,
			Duration timeToLive) {
		this(client, model, timeout, timeToLive, Clock.systemUTC());
	}

	OpenAIReactiveHealthIndicator(AsyncOpenAI client, @Nullable String model, Duration timeout, Duration timeToLive,
			Clock clock) {
		super("OpenAI health check failed");
		Assert.notNull(client, "'client' must not be null");
		this.probe = new OpenAIHealthProbe(client, model, timeout, timeToLive, clock);
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return this.probe.health();
	}

}
