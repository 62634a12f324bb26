package io.github.openaispring.boot.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.openaispring.core.http.ExchangeListener;
import io.github.openaispring.core.http.HttpCall;
import io.github.openaispring.core.http.HttpResult;
import io.github.openaispring.core.http.RetryListener;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.errors.StreamErrorException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Records the metrics of one OpenAI client in a Micrometer registry. Add it to a client with
 * {@code OpenAI.builder().exchangeListener(metrics).retryListener(metrics)}; the
 * auto-configuration does so for every auto-configured client.
 * <ul>
 * <li>{@value #REQUESTS}: a timer of each call, retries included, tagged {@code client},
 * {@code operation} (such as {@code chat.completions.create}), {@code outcome},
 * {@code status} and {@code model} (the requested model).</li>
 * <li>{@value #OPERATION_DURATION} and {@value #TOKEN_USAGE}, after the OpenTelemetry GenAI
 * conventions, for every generative call (chat, completions, embeddings, responses) and every
 * call whose response reports usage, streams included; the token usage is tagged
 * {@code gen_ai.token.type} {@code input}, {@code output}, and also {@code cached} and
 * {@code reasoning} when reported.</li>
 * <li>{@value #TIME_TO_FIRST_TOKEN}: from the start of a streaming call to its first event
 * with data.</li>
 * <li>{@value #RETRIES}: a counter tagged {@code operation} and {@code cause}.</li>
 * <li>{@value #REMAINING_REQUESTS} and {@value #REMAINING_TOKENS}: gauges of the last
 * {@code x-ratelimit-remaining-requests} and {@code x-ratelimit-remaining-tokens} seen.</li>
 * </ul>
 * No tag carries an id, a prompt or a URL.
 *
 * @since 0.1.0
 */
public final class OpenAIClientMetrics implements ExchangeListener, RetryListener {

	/** The timer of each call. */
	public static final String REQUESTS = "openai.client.requests";

	/** The GenAI client operation duration. */
	public static final String OPERATION_DURATION = "gen_ai.client.operation.duration";

	/** The GenAI client token usage. */
	public static final String TOKEN_USAGE = "gen_ai.client.token.usage";

	/** The time from the start of a streaming call to its first event with data. */
	public static final String TIME_TO_FIRST_TOKEN = "openai.client.time.to.first.token";

	/** The counter of retries. */
	public static final String RETRIES = "openai.client.retries";

	/** The last remaining requests of the rate limit. */
	public static final String REMAINING_REQUESTS = "openai.client.ratelimit.remaining.requests";

	/** The last remaining tokens of the rate limit. */
	public static final String REMAINING_TOKENS = "openai.client.ratelimit.remaining.tokens";

	private static final String ABSENT = "none";

	private static final int MAX_MODEL_LENGTH = 64;

	private static final Map<String, String> GEN_AI_OPERATIONS = Map.of("chat.completions.create", "chat",
			"completions.create", "text_completion", "embeddings.create", "embeddings", "responses.create", "chat");

	private final MeterRegistry registry;

	private final String clientName;

	private final RateLimitGauge remainingRequests;

	private final RateLimitGauge remainingTokens;

	/**
	 * Create the metrics of a client.
	 * @param registry the registry
	 * @param clientName the client's name, the {@code client} tag of every meter
	 */
	public OpenAIClientMetrics(MeterRegistry registry, String clientName) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(clientName, "'clientName' must not be null");
		this.registry = registry;
		this.clientName = clientName;
		this.remainingRequests = new RateLimitGauge(REMAINING_REQUESTS, "x-ratelimit-remaining-requests",
				"Requests left in the rate limit window, as last reported by the server");
		this.remainingTokens = new RateLimitGauge(REMAINING_TOKENS, "x-ratelimit-remaining-tokens",
				"Tokens left in the rate limit window, as last reported by the server");
	}

	@Override
	public Exchange start(HttpCall call) {
		return new ObservedCall(call);
	}

	@Override
	public void onRetry(String operation, String cause, int retry, Duration delay) {
		this.registry.counter(RETRIES, Tags.of("client", this.clientName, "operation", operation, "cause", cause))
			.increment();
	}

	private static String model(@Nullable String model) {
		if (model == null || model.isBlank()) {
			return ABSENT;
		}
		return (model.length() > MAX_MODEL_LENGTH) ? model.substring(0, MAX_MODEL_LENGTH) : model;
	}

	private static String outcome(Throwable failure) {
		if (failure instanceof APIStatusException status) {
			return (status.statusCode() >= 500) ? "SERVER_ERROR" : "CLIENT_ERROR";
		}
		if (failure instanceof APITimeoutException) {
			return "TIMEOUT";
		}
		if (failure instanceof APIConnectionException) {
			return "CONNECTION_ERROR";
		}
		if (failure instanceof StreamErrorException) {
			return "STREAM_ERROR";
		}
		if (failure instanceof APIResponseValidationException) {
			return "INVALID_RESPONSE";
		}
		return "UNKNOWN";
	}

	/**
	 * A gauge of a rate-limit header, registered when the header is first seen.
	 */
	private final class RateLimitGauge {

		private final String name;

		private final String header;

		private final String description;

		private final AtomicLong value = new AtomicLong();

		private final AtomicBoolean registered = new AtomicBoolean();

		RateLimitGauge(String name, String header, String description) {
			this.name = name;
			this.header = header;
			this.description = description;
		}

		void update(Map<String, List<String>> headers) {
			List<String> values = headers.get(this.header);
			if (values == null || values.isEmpty()) {
				return;
			}
			try {
				this.value.set(Long.parseLong(values.get(0).strip()));
			}
			catch (NumberFormatException ex) {
				return;
			}
			if (this.registered.compareAndSet(false, true)) {
				Gauge.builder(this.name, this.value, AtomicLong::doubleValue)
					.description(this.description)
					.tag("client", OpenAIClientMetrics.this.clientName)
					.strongReference(true)
					.register(OpenAIClientMetrics.this.registry);
			}
		}

	}

	/**
	 * What one call did, recorded when it ends.
	 */
	private final class ObservedCall implements Exchange {

		private final String operation;

		private final @Nullable String genAiOperation;

		private final String requestModel;

		private final long start;

		private volatile int status;

		private volatile boolean firstEvent = true;

		private volatile @Nullable ResponseReport report;

		ObservedCall(HttpCall call) {
			this.operation = call.operation();
			this.genAiOperation = GEN_AI_OPERATIONS.get(call.operation());
			String contentType = call.contentType();
			this.requestModel = model((contentType != null && contentType.startsWith("application/json"))
					? ResponseReport.requestModel(call.body()) : null);
			this.start = OpenAIClientMetrics.this.registry.config().clock().monotonicTime();
		}

		@Override
		public void onResponse(int statusCode, Map<String, List<String>> headers) {
			this.status = statusCode;
			OpenAIClientMetrics.this.remainingRequests.update(headers);
			OpenAIClientMetrics.this.remainingTokens.update(headers);
		}

		@Override
		public void onEvent(String data) {
			if (this.firstEvent) {
				this.firstEvent = false;
				Timer.builder(TIME_TO_FIRST_TOKEN)
					.description("Time from the start of a streaming OpenAI call to its first event with data")
					.tags("client", OpenAIClientMetrics.this.clientName, "operation", this.operation, "model",
							this.requestModel)
					.register(OpenAIClientMetrics.this.registry)
					.record(elapsed(), TimeUnit.NANOSECONDS);
			}
			ResponseReport event = ResponseReport.readEvent(data);
			if (event.usage() != null) {
				this.report = event;
			}
		}

		@Override
		public void onComplete(@Nullable HttpResult result) {
			if (result != null) {
				this.status = result.statusCode();
				this.report = ResponseReport.read(result.body());
			}
			record("SUCCESS", null);
		}

		@Override
		public void onError(Throwable failure) {
			if (failure instanceof APIStatusException status) {
				this.status = status.statusCode();
			}
			else if (!(failure instanceof StreamErrorException || failure instanceof APIResponseValidationException)) {
				this.status = 0;
			}
			record(outcome(failure), failure);
		}

		@Override
		public void onCancel() {
			record("CANCELLED", null);
		}

		private long elapsed() {
			return OpenAIClientMetrics.this.registry.config().clock().monotonicTime() - this.start;
		}

		private void record(String outcome, @Nullable Throwable failure) {
			long duration = elapsed();
			MeterRegistry registry = OpenAIClientMetrics.this.registry;
			String client = OpenAIClientMetrics.this.clientName;
			String status = (this.status > 0) ? String.valueOf(this.status) : ABSENT;
			Timer.builder(REQUESTS)
				.description("Calls of the OpenAI API, retries included")
				.tags("client", client, "operation", this.operation, "outcome", outcome, "status", status, "model",
						this.requestModel)
				.register(registry)
				.record(duration, TimeUnit.NANOSECONDS);
			ResponseReport report = this.report;
			ResponseReport.Usage usage = (report != null) ? report.usage() : null;
			if (this.genAiOperation == null && usage == null) {
				return;
			}
			String operationName = (this.genAiOperation != null) ? this.genAiOperation : this.operation;
			Tags tags = Tags.of("client", client, "gen_ai.operation.name", operationName, "gen_ai.provider.name",
					"openai", "gen_ai.request.model", this.requestModel, "gen_ai.response.model",
					model((report != null) ? report.model() : null));
			Timer.builder(OPERATION_DURATION)
				.description("Duration of GenAI client operations")
				.tags(tags)
				.tag("error.type", (failure != null) ? failure.getClass().getSimpleName() : ABSENT)
				.register(registry)
				.record(duration, TimeUnit.NANOSECONDS);
			if (usage != null) {
				tokens(tags, "input", usage.input());
				tokens(tags, "output", usage.output());
				tokens(tags, "cached", usage.cached());
				tokens(tags, "reasoning", usage.reasoning());
			}
		}

		private void tokens(Tags tags, String type, @Nullable Long count) {
			if (count == null) {
				return;
			}
			DistributionSummary.builder(TOKEN_USAGE)
				.description("Tokens used by GenAI client operations")
				.baseUnit("tokens")
				.tags(tags)
				.tag("gen_ai.token.type", type.toLowerCase(Locale.ROOT))
				.register(OpenAIClientMetrics.this.registry)
				.record(count);
		}

	}

}
