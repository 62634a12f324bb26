package io.github.openaispring.boot.health;

import java.time.Clock;
import java.time.Duration;

import io.github.openaispring.client.OpenAI;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} of an {@link OpenAI} client. It lists the models (or retrieves one
 * model) with a short timeout and no retry, and reuses the result for a while. It is UP when
 * the API answers, and also when it answers 429 (with a warning detail); DOWN when the key is
 * rejected, the API answers another error, or it cannot be reached. The details are the
 * host of the base URL, the latency, and for a failure the status code, request id and error
 * type; never the key.
 *
 * @since 0.1.0
 */
public class OpenAIHealthIndicator extends AbstractHealthIndicator {

	private final OpenAIHealthProbe probe;

	/**
	 * Create an indicator.
	 * @param client the client to probe
	 * @param model the model to retrieve, or {@code null} to list the models
	 * @param timeout the longest the probe may take
	 * @param timeToLive how long a result is reused
	 */
	public OpenAIHealthIndicator(OpenAI client, @Nullable String model, Duration timeout, Duration timeToLive) {
		this(client, model, timeout, timeToLive, Clock.systemUTC());
	}

	OpenAIHealthIndicator(OpenAI client, @Nullable String model, Duration timeout, Duration timeToLive, Clock clock) {
		super("OpenAI health check failed");
		Assert.notNull(client, "'client' must not be null");
		this.probe = new OpenAIHealthProbe(client.async(), model, timeout, timeToLive, clock);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Health health = this.probe.health().block(this.probe.timeout().plusSeconds(5));
		if (health == null) {
			builder.unknown();
			return;
		}
		builder.status(health.getStatus()).withDetails(health.getDetails());
	}

}
