package io.github.openaispring.client;

import java.time.Duration;

import io.github.openaispring.core.http.RetryListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts retries as {@code openai.client.retries}, tagged with the operation and the cause, and
 * {@code client=default}: the tags the Spring Boot auto-configuration gives the same meter, so
 * that both can write to one registry. Loaded only when a registry is given, so Micrometer
 * stays optional.
 */
final class MicrometerRetryListener implements RetryListener {

	private final MeterRegistry registry;

	MicrometerRetryListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onRetry(String operation, String cause, int retry, Duration delay) {
		Counter.builder("openai.client.retries")
			.description("Retries of OpenAI API calls")
			.tag("client", "default")
			.tag("operation", operation)
			.tag("cause", cause)
			.register(this.registry)
			.increment();
	}

}
