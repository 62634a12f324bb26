package io.github.openaispring.client;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.openaispring.errors.OpenAIException;
import org.jspecify.annotations.Nullable;

/**
 * The options of a client: where it sends requests, as whom, and how patiently. Immutable;
 * {@link OpenAI#withOptions} derives a client with changed options over the same connection
 * pool. The API key is never printed by {@link #toString()}.
 *
 * @since 0.1.0
 */
public final class ClientOptions {

	/** The base URL of OpenAI's API, used when none is given. */
	public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

	private final @Nullable Supplier<@Nullable String> apiKey;

	private final String baseUrl;

	private final @Nullable String websocketBaseUrl;

	private final @Nullable String organization;

	private final @Nullable String project;

	private final Duration timeout;

	private final Duration streamIdleTimeout;

	private final int maxRetries;

	private final RetrySettings retry;

	private final boolean idempotencyKeys;

	private final Map<String, List<String>> defaultHeaders;

	private final Map<String, Object> defaultQueryParams;

	private ClientOptions(AbstractBuilder<?> builder) {
		this.apiKey = builder.apiKey;
		this.baseUrl = validBaseUrl(builder.baseUrl);
		this.websocketBaseUrl = builder.websocketBaseUrl;
		this.organization = builder.organization;
		this.project = builder.project;
		this.timeout = positive(builder.timeout, "timeout");
		this.streamIdleTimeout = positive(builder.streamIdleTimeout, "streamIdleTimeout");
		if (builder.maxRetries < 0) {
			throw new OpenAIException("maxRetries must not be negative, was " + builder.maxRetries);
		}
		this.maxRetries = builder.maxRetries;
		this.retry = builder.retry;
		this.idempotencyKeys = builder.idempotencyKeys;
		this.defaultHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(builder.defaultHeaders));
		this.defaultQueryParams = Collections.unmodifiableMap(new LinkedHashMap<>(builder.defaultQueryParams));
		if (this.apiKey == null && isOpenAI(this.baseUrl)) {
			throw new MissingApiKeyException(this.baseUrl);
		}
	}

	private static String validBaseUrl(String baseUrl) {
		try {
			URI uri = new URI(baseUrl);
			if (uri.getScheme() == null || uri.getHost() == null
					|| !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
				throw new InvalidBaseUrlException(baseUrl, "it is not an absolute http or https URL");
			}
			if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
				throw new InvalidBaseUrlException(baseUrl,
						"it has a query or fragment; send query parameters with defaultQueryParam(..)");
			}
		}
		catch (java.net.URISyntaxException ex) {
			throw new InvalidBaseUrlException(baseUrl, ex.getReason());
		}
		return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	private static Duration positive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new OpenAIException(name + " must be positive, was " + duration);
		}
		return duration;
	}

	private static boolean isOpenAI(String baseUrl) {
		String host = URI.create(baseUrl).getHost();
		return host != null && (host.equals("api.openai.com") || host.endsWith(".openai.com"));
	}

	/**
	 * Return a builder with the defaults: OpenAI's base URL, a 10 minute timeout, 2 retries.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return a builder that starts from these options.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.copy(this);
		return builder;
	}

	/**
	 * Return the API key for the next request, reading it from its supplier.
	 * @return the key, or {@code null} when the client sends none
	 */
	public @Nullable String apiKey() {
		return (this.apiKey != null) ? this.apiKey.get() : null;
	}

	/**
	 * Return the base URL, without a trailing slash.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Return the base URL of websocket connections (the realtime API).
	 * @return the URL, or {@code null}
	 */
	public @Nullable String websocketBaseUrl() {
		return this.websocketBaseUrl;
	}

	/**
	 * Return the organization sent as {@code OpenAI-Organization}.
	 * @return the organization, or {@code null}
	 */
	public @Nullable String organization() {
		return this.organization;
	}

	/**
	 * Return the project sent as {@code OpenAI-Project}.
	 * @return the project, or {@code null}
	 */
	public @Nullable String project() {
		return this.project;
	}

	/**
	 * Return how long one attempt of a request may take, reading the whole response included.
	 * @return the timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Return how long a stream may go without an event before it fails with a timeout.
	 * @return the idle timeout
	 */
	public Duration streamIdleTimeout() {
		return this.streamIdleTimeout;
	}

	/**
	 * Return how many times a failed call is retried.
	 * @return the number of retries after the first attempt
	 */
	public int maxRetries() {
		return this.maxRetries;
	}

	/**
	 * Return how long to wait between attempts.
	 * @return the retry settings
	 */
	public RetrySettings retry() {
		return this.retry;
	}

	/**
	 * Return whether each non-GET request gets a generated {@code Idempotency-Key}, the same on
	 * all of its attempts.
	 * @return whether idempotency keys are generated
	 */
	public boolean idempotencyKeys() {
		return this.idempotencyKeys;
	}

	/**
	 * Return the headers sent with every request.
	 * @return the headers
	 */
	public Map<String, List<String>> defaultHeaders() {
		return this.defaultHeaders;
	}

	/**
	 * Return the query parameters sent with every request.
	 * @return the query parameters
	 */
	public Map<String, Object> defaultQueryParams() {
		return this.defaultQueryParams;
	}

	@Override
	public String toString() {
		return "ClientOptions{baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "****" : "none")
				+ ", organization=" + this.organization + ", project=" + this.project + ", timeout=" + this.timeout
				+ ", maxRetries=" + this.maxRetries + ", retry=" + this.retry + "}";
	}

	/**
	 * How long to wait between attempts.
	 *
	 * @param initialBackoff the wait before the first retry, doubled for each later one
	 * @param maxBackoff the longest computed wait
	 * @param retryAfterCap the longest wait a server's {@code Retry-After} may ask for; a call
	 * asked to wait longer is not retried: it fails at once, and its exception's
	 * {@code retryAfter()} says how long the server asked to wait
	 */
	public record RetrySettings(Duration initialBackoff, Duration maxBackoff, Duration retryAfterCap) {

		/**
		 * The official SDKs' defaults: 0.5 s doubling to 8 s, {@code Retry-After} honoured up to
		 * 2 minutes (openai-python's {@code MAX_RETRY_AFTER_DELAY}).
		 */
		public static final RetrySettings DEFAULTS = new RetrySettings(Duration.ofMillis(500), Duration.ofSeconds(8),
				Duration.ofMinutes(2));

	}

	/**
	 * The builder of {@link ClientOptions}.
	 */
	public static final class Builder extends AbstractBuilder<Builder> {

		Builder() {
		}

		/**
		 * Build the options.
		 * @return the options
		 * @throws OpenAIException if an option is invalid, or no API key is set for OpenAI's
		 * base URL
		 */
		public ClientOptions build() {
			return new ClientOptions(this);
		}

	}

	/**
	 * The setters shared by {@link ClientOptions.Builder} and {@link OpenAI.Builder}.
	 *
	 * @param <B> the concrete builder
	 */
	public abstract static class AbstractBuilder<B extends AbstractBuilder<B>> {

		private @Nullable Supplier<@Nullable String> apiKey;

		private String baseUrl = DEFAULT_BASE_URL;

		private @Nullable String websocketBaseUrl;

		private @Nullable String organization;

		private @Nullable String project;

		private Duration timeout = Duration.ofMinutes(10);

		private Duration streamIdleTimeout = Duration.ofMinutes(10);

		private int maxRetries = 2;

		private RetrySettings retry = RetrySettings.DEFAULTS;

		private boolean idempotencyKeys;

		private final Map<String, List<String>> defaultHeaders = new LinkedHashMap<>();

		private final Map<String, Object> defaultQueryParams = new LinkedHashMap<>();

		AbstractBuilder() {
		}

		@SuppressWarnings("unchecked")
		private B self() {
			return (B) this;
		}

		void copy(ClientOptions options) {
			this.apiKey = options.apiKey;
			this.baseUrl = options.baseUrl;
			this.websocketBaseUrl = options.websocketBaseUrl;
			this.organization = options.organization;
			this.project = options.project;
			this.timeout = options.timeout;
			this.streamIdleTimeout = options.streamIdleTimeout;
			this.maxRetries = options.maxRetries;
			this.retry = options.retry;
			this.idempotencyKeys = options.idempotencyKeys;
			this.defaultHeaders.putAll(options.defaultHeaders);
			this.defaultQueryParams.putAll(options.defaultQueryParams);
		}

		/**
		 * Read the options the environment sets: {@code OPENAI_API_KEY}, {@code OPENAI_ORG_ID},
		 * {@code OPENAI_PROJECT_ID} and {@code OPENAI_BASE_URL}. Values set explicitly later win.
		 * @param environment the environment, such as {@code System::getenv}
		 * @return this builder
		 */
		public B fromEnv(Function<String, @Nullable String> environment) {
			String key = environment.apply("OPENAI_API_KEY");
			if (key != null && !key.isBlank()) {
				apiKey(key);
			}
			String organization = environment.apply("OPENAI_ORG_ID");
			if (organization != null && !organization.isBlank()) {
				this.organization = organization;
			}
			String project = environment.apply("OPENAI_PROJECT_ID");
			if (project != null && !project.isBlank()) {
				this.project = project;
			}
			String baseUrl = environment.apply("OPENAI_BASE_URL");
			if (baseUrl != null && !baseUrl.isBlank()) {
				this.baseUrl = baseUrl;
			}
			return self();
		}

		/**
		 * Set the API key, sent as {@code Authorization: Bearer}.
		 * @param apiKey the key
		 * @return this builder
		 */
		public B apiKey(String apiKey) {
			if (apiKey == null || apiKey.isBlank()) {
				throw new OpenAIException("The API key must not be blank");
			}
			this.apiKey = () -> apiKey;
			return self();
		}

		/**
		 * Set where the API key comes from; the supplier is read before every request, so a
		 * rotated key takes effect without rebuilding the client.
		 * @param apiKey the supplier of the key
		 * @return this builder
		 */
		public B apiKey(Supplier<@Nullable String> apiKey) {
			this.apiKey = apiKey;
			return self();
		}

		/**
		 * Set the base URL, such as {@code https://api.openai.com/v1} or a compatible server's.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		public B baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return self();
		}

	/**
	 * Set the base URL of websocket connections (the realtime API).
	 * @param websocketBaseUrl the URL
	 * @return this builder
	 */
		public B websocketBaseUrl(@Nullable String websocketBaseUrl) {
			this.websocketBaseUrl = websocketBaseUrl;
			return self();
		}

		/**
		 * Set the organization sent as {@code OpenAI-Organization}.
		 * @param organization the organization id
		 * @return this builder
		 */
		public B organization(@Nullable String organization) {
			this.organization = organization;
			return self();
		}

		/**
		 * Set the project sent as {@code OpenAI-Project}.
		 * @param project the project id
		 * @return this builder
		 */
		public B project(@Nullable String project) {
			this.project = project;
			return self();
		}

		/**
		 * Set how long one attempt of a request may take, reading the response included.
		 * @param timeout the timeout
		 * @return this builder
		 */
		public B timeout(Duration timeout) {
			this.timeout = timeout;
			return self();
		}

		/**
		 * Set how long a stream may go without an event.
		 * @param streamIdleTimeout the idle timeout
		 * @return this builder
		 */
		public B streamIdleTimeout(Duration streamIdleTimeout) {
			this.streamIdleTimeout = streamIdleTimeout;
			return self();
		}

		/**
		 * Set how many times a failed request is retried.
		 * @param maxRetries the number of retries after the first attempt
		 * @return this builder
		 */
		public B maxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
			return self();
		}

		/**
		 * Set how long to wait between attempts.
		 * @param retry the settings
		 * @return this builder
		 */
		public B retry(RetrySettings retry) {
			this.retry = retry;
			return self();
		}

		/**
		 * Set whether each non-GET request gets a generated {@code Idempotency-Key}.
		 * @param idempotencyKeys whether to generate idempotency keys
		 * @return this builder
		 */
		public B idempotencyKeys(boolean idempotencyKeys) {
			this.idempotencyKeys = idempotencyKeys;
			return self();
		}

		/**
		 * Add a header sent with every request.
		 * @param name the header name
		 * @param value the value
		 * @return this builder
		 */
		public B defaultHeader(String name, String value) {
			this.defaultHeaders.put(name, List.of(value));
			return self();
		}

		/**
		 * Add a query parameter sent with every request.
		 * @param name the parameter name
		 * @param value the value
		 * @return this builder
		 */
		public B defaultQueryParam(String name, Object value) {
			this.defaultQueryParams.put(name, value);
			return self();
		}

		ClientOptions buildOptions() {
			return new ClientOptions(this);
		}

	}

}
