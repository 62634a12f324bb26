package io.github.openaispring.boot.health;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.client.RawResponse;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.errors.AuthenticationException;
import io.github.openaispring.errors.PermissionDeniedException;
import io.github.openaispring.errors.RateLimitException;
import io.github.openaispring.models.ModelListParams;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * The health probe of a client, shared by the blocking and the reactive indicator: one cheap
 * call (the models list, or one model's retrieve) with a short timeout and no retry, its
 * result reused for a while so that a busy health endpoint does not spend the rate limit.
 * The details never include the API key.
 */
final class OpenAIHealthProbe {

	private final AsyncOpenAI client;

	private final @Nullable String model;

	private final Duration timeout;

	private final Duration timeToLive;

	private final Clock clock;

	private volatile @Nullable Cached cached;

	OpenAIHealthProbe(AsyncOpenAI client, @Nullable String model, Duration timeout, Duration timeToLive, Clock clock) {
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(timeout, "'timeout' must not be null");
		Assert.notNull(timeToLive, "'timeToLive' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.client = client;
		this.model = model;
		this.timeout = timeout;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	Duration timeout() {
		return this.timeout;
	}

	/**
	 * Return the health: the cached one while it is fresh, else a new probe's.
	 * @return the health
	 */
	Mono<Health> health() {
		return Mono.defer(() -> {
			Cached cached = this.cached;
			if (cached != null && this.clock.instant().isBefore(cached.expires())) {
				return Mono.just(cached.health());
			}
			return probe().doOnNext((health) -> this.cached = new Cached(health,
					this.clock.instant().plus(this.timeToLive)));
		});
	}

	private Mono<Health> probe() {
		RequestOptions options = RequestOptions.builder().timeout(this.timeout).maxRetries(0).build();
		long start = System.nanoTime();
		// The raw response: its status and request id are details, and its body need not be parsed.
		Mono<? extends RawResponse<?>> call = (this.model != null)
				? this.client.models().withRawResponse().retrieve(this.model, options)
				: this.client.models().withRawResponse().list(ModelListParams.builder().build(), options);
		return call.map((response) -> up(start, response))
			.onErrorResume((failure) -> Mono.just(failed(start, failure)));
	}

	private Health up(long start, RawResponse<?> response) {
		Map<String, Object> details = details(start);
		details.put("statusCode", response.statusCode());
		if (response.requestId() != null) {
			details.put("requestId", response.requestId());
		}
		return Health.up().withDetails(details).build();
	}

	private Health failed(long start, Throwable failure) {
		Map<String, Object> details = details(start);
		Health.Builder health;
		if (failure instanceof APIStatusException status) {
			details.put("statusCode", status.statusCode());
			if (status.requestId() != null) {
				details.put("requestId", status.requestId());
			}
			if (status.errorType() != null) {
				details.put("errorType", status.errorType());
			}
			if (failure instanceof RateLimitException) {
				health = Health.up();
				details.put("warning", "The API is rate limiting this client (429); it answered, so it is up.");
			}
			else if (failure instanceof AuthenticationException) {
				health = Health.down();
				details.put("error", "The API key was rejected (401).");
			}
			else if (failure instanceof PermissionDeniedException) {
				health = Health.down();
				details.put("error", "The API key may not use this API (403).");
			}
			else {
				health = Health.down();
				details.put("error", "The API answered " + status.statusCode() + ".");
			}
		}
		else if (failure instanceof APITimeoutException) {
			health = Health.down();
			details.put("error", "No answer within " + this.timeout.toMillis() + " ms.");
			details.put("errorType", "timeout");
		}
		else if (failure instanceof APIConnectionException) {
			health = Health.down();
			details.put("error", "Cannot connect to the API.");
			details.put("errorType", "connection");
		}
		else {
			health = Health.status(Status.DOWN);
			details.put("error", "The probe failed: " + failure.getClass().getSimpleName() + ".");
			details.put("errorType", failure.getClass().getSimpleName());
		}
		return health.withDetails(details).build();
	}

	private Map<String, Object> details(long start) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("host", host(this.client.options().baseUrl()));
		details.put("latencyMs", Duration.ofNanos(System.nanoTime() - start).toMillis());
		if (this.model != null) {
			details.put("model", this.model);
		}
		return details;
	}

	private static String host(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		return (host != null) ? host : "unknown";
	}

	private record Cached(Health health, Instant expires) {
	}

}
