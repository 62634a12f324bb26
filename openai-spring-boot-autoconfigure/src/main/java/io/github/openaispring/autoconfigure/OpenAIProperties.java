package io.github.openaispring.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the OpenAI clients: the default client ({@code openai.*}) and
 * named clients ({@code openai.clients.<name>.*}) that inherit from it.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("openai")
public class OpenAIProperties {

	/**
	 * Whether to auto-configure the OpenAI clients.
	 */
	private boolean enabled = true;

	/**
	 * API key sent as a bearer token. Can also be set with the OPENAI_API_KEY environment
	 * variable. Not needed for a base URL other than OpenAI's.
	 */
	private @Nullable String apiKey;

	/**
	 * Base URL of the OpenAI API, or of an OpenAI-compatible server. Can also be set with the
	 * OPENAI_BASE_URL environment variable.
	 */
	private String baseUrl = "https://api.openai.com/v1";

	/**
	 * Organization ID sent in the OpenAI-Organization header. Can also be set with the
	 * OPENAI_ORG_ID environment variable.
	 */
	private @Nullable String organization;

	/**
	 * Project ID sent in the OpenAI-Project header. Can also be set with the OPENAI_PROJECT_ID
	 * environment variable.
	 */
	private @Nullable String project;

	/**
	 * Base URL of websocket connections (the realtime API).
	 */
	private @Nullable String websocketBaseUrl;

	/**
	 * Maximum time one attempt of a request may take, reading the whole response included.
	 */
	private Duration timeout = Duration.ofMinutes(10);

	/**
	 * Maximum time to wait for a connection to be established.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Maximum time a stream may go without an event before it fails with a timeout.
	 */
	private Duration streamIdleTimeout = Duration.ofMinutes(10);

	/**
	 * Maximum size of a response body, or of one event of a stream, read into memory; a
	 * larger one fails the call. Files and audio read as they come are not limited by it.
	 */
	private DataSize maxInMemorySize = DataSize.ofMegabytes(256);

	/**
	 * Maximum number of retries after the first attempt of a failed request.
	 */
	private int maxRetries = 2;

	/**
	 * Headers sent with every request, by name.
	 */
	private Map<String, String> defaultHeaders = new LinkedHashMap<>();

	private final Retry retry = new Retry();

	private final Proxy proxy = new Proxy();

	private final Pool pool = new Pool();

	/**
	 * Named clients, such as one for a local OpenAI-compatible server, each a bean qualified by
	 * its name. A named client inherits every setting it does not set from the 'openai.*'
	 * properties, except the credentials (api-key, organization, project) when it sets its own
	 * base-url.
	 */
	private Map<String, Client> clients = new LinkedHashMap<>();

	private final Health health = new Health();

	private final Metrics metrics = new Metrics();

	private final Web web = new Web();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getOrganization() {
		return this.organization;
	}

	public void setOrganization(@Nullable String organization) {
		this.organization = organization;
	}

	public @Nullable String getProject() {
		return this.project;
	}

	public void setProject(@Nullable String project) {
		this.project = project;
	}

	public @Nullable String getWebsocketBaseUrl() {
		return this.websocketBaseUrl;
	}

	public void setWebsocketBaseUrl(@Nullable String websocketBaseUrl) {
		this.websocketBaseUrl = websocketBaseUrl;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getStreamIdleTimeout() {
		return this.streamIdleTimeout;
	}

	public void setStreamIdleTimeout(Duration streamIdleTimeout) {
		this.streamIdleTimeout = streamIdleTimeout;
	}

	public DataSize getMaxInMemorySize() {
		return this.maxInMemorySize;
	}

	public void setMaxInMemorySize(DataSize maxInMemorySize) {
		this.maxInMemorySize = maxInMemorySize;
	}

	public int getMaxRetries() {
		return this.maxRetries;
	}

	public void setMaxRetries(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	public Map<String, String> getDefaultHeaders() {
		return this.defaultHeaders;
	}

	public void setDefaultHeaders(Map<String, String> defaultHeaders) {
		this.defaultHeaders = defaultHeaders;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	public Pool getPool() {
		return this.pool;
	}

	public Map<String, Client> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, Client> clients) {
		this.clients = clients;
	}

	public Health getHealth() {
		return this.health;
	}

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Web getWeb() {
		return this.web;
	}

	@Override
	public String toString() {
		return "OpenAIProperties{baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "****" : "none")
				+ ", organization=" + this.organization + ", project=" + this.project + ", clients="
				+ this.clients.keySet() + "}";
	}

	/**
	 * Waits between the attempts of a request.
	 */
	public static class Retry {

		/**
		 * Wait before the first retry, doubled for each later one.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest computed wait between two attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(8);

		/**
		 * Longest wait a server's Retry-After header may ask for; a call asked to wait longer
		 * is not retried but fails at once, the wait on its exception (retryAfter()).
		 */
		private Duration retryAfterCap = Duration.ofMinutes(2);

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getRetryAfterCap() {
			return this.retryAfterCap;
		}

		public void setRetryAfterCap(Duration retryAfterCap) {
			this.retryAfterCap = retryAfterCap;
		}

	}

	/**
	 * HTTP proxy the client connects through.
	 */
	public static class Proxy {

		/**
		 * Host of the HTTP proxy. When not set, the client connects directly.
		 */
		private @Nullable String host;

		/**
		 * Port of the HTTP proxy.
		 */
		private int port = 8080;

		/**
		 * User name to authenticate to the proxy with.
		 */
		private @Nullable String username;

		/**
		 * Password to authenticate to the proxy with.
		 */
		private @Nullable String password;

		/**
		 * Regular expression of the hosts reached without the proxy.
		 */
		private @Nullable String nonProxyHosts;

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getNonProxyHosts() {
			return this.nonProxyHosts;
		}

		public void setNonProxyHosts(@Nullable String nonProxyHosts) {
			this.nonProxyHosts = nonProxyHosts;
		}

	}

	/**
	 * Connection pool of a client.
	 */
	public static class Pool {

		/**
		 * Maximum number of connections open at once.
		 */
		private int maxConnections = 500;

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

	}

	/**
	 * Settings of a named client; each one not set is inherited from the 'openai.*' properties.
	 */
	public static class Client {

		/**
		 * Whether to create this client.
		 */
		private boolean enabled = true;

		/**
		 * API key sent as a bearer token.
		 */
		private @Nullable String apiKey;

		/**
		 * Base URL of the OpenAI API, or of an OpenAI-compatible server.
		 */
		private @Nullable String baseUrl;

		/**
		 * Organization ID sent in the OpenAI-Organization header.
		 */
		private @Nullable String organization;

		/**
		 * Project ID sent in the OpenAI-Project header.
		 */
		private @Nullable String project;

		/**
		 * Base URL of websocket connections (the realtime API).
		 */
		private @Nullable String websocketBaseUrl;

		/**
		 * Maximum time one attempt of a request may take.
		 */
		private @Nullable Duration timeout;

		/**
		 * Maximum time to wait for a connection to be established.
		 */
		private @Nullable Duration connectTimeout;

		/**
		 * Maximum time a stream may go without an event.
		 */
		private @Nullable Duration streamIdleTimeout;

		/**
		 * Maximum size of a response body, or of one event of a stream, read into memory.
		 */
		private @Nullable DataSize maxInMemorySize;

		/**
		 * Maximum number of retries after the first attempt of a failed request.
		 */
		private @Nullable Integer maxRetries;

		/**
		 * Headers sent with every request, added to the inherited ones.
		 */
		private Map<String, String> defaultHeaders = new LinkedHashMap<>();

		private final ClientRetry retry = new ClientRetry();

		private final ClientPool pool = new ClientPool();

		private final Proxy proxy = new Proxy();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getApiKey() {
			return this.apiKey;
		}

		public void setApiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
		}

		public @Nullable String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
		}

		public @Nullable String getOrganization() {
			return this.organization;
		}

		public void setOrganization(@Nullable String organization) {
			this.organization = organization;
		}

		public @Nullable String getProject() {
			return this.project;
		}

		public void setProject(@Nullable String project) {
			this.project = project;
		}

		public @Nullable String getWebsocketBaseUrl() {
			return this.websocketBaseUrl;
		}

		public void setWebsocketBaseUrl(@Nullable String websocketBaseUrl) {
			this.websocketBaseUrl = websocketBaseUrl;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public @Nullable Duration getStreamIdleTimeout() {
			return this.streamIdleTimeout;
		}

		public void setStreamIdleTimeout(@Nullable Duration streamIdleTimeout) {
			this.streamIdleTimeout = streamIdleTimeout;
		}

		public @Nullable DataSize getMaxInMemorySize() {
			return this.maxInMemorySize;
		}

		public void setMaxInMemorySize(@Nullable DataSize maxInMemorySize) {
			this.maxInMemorySize = maxInMemorySize;
		}

		public @Nullable Integer getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(@Nullable Integer maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Map<String, String> getDefaultHeaders() {
			return this.defaultHeaders;
		}

		public void setDefaultHeaders(Map<String, String> defaultHeaders) {
			this.defaultHeaders = defaultHeaders;
		}

		public ClientRetry getRetry() {
			return this.retry;
		}

		public ClientPool getPool() {
			return this.pool;
		}

		/**
		 * Return the proxy of this client; when its host is not set, the client inherits the
		 * 'openai.proxy.*' settings.
		 * @return the proxy settings
		 */
		public Proxy getProxy() {
			return this.proxy;
		}

		@Override
		public String toString() {
			return "Client{baseUrl=" + this.baseUrl + ", apiKey=" + ((this.apiKey != null) ? "****" : "none") + "}";
		}

	}

	/**
	 * Waits between attempts of a named client; each one not set is inherited.
	 */
	public static class ClientRetry {

		/**
		 * Wait before the first retry, doubled for each later one.
		 */
		private @Nullable Duration initialBackoff;

		/**
		 * Longest computed wait between two attempts.
		 */
		private @Nullable Duration maxBackoff;

		/**
		 * Longest wait a server's Retry-After header may ask for.
		 */
		private @Nullable Duration retryAfterCap;

		public @Nullable Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(@Nullable Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public @Nullable Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(@Nullable Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public @Nullable Duration getRetryAfterCap() {
			return this.retryAfterCap;
		}

		public void setRetryAfterCap(@Nullable Duration retryAfterCap) {
			this.retryAfterCap = retryAfterCap;
		}

	}

	/**
	 * Connection pool of a named client.
	 */
	public static class ClientPool {

		/**
		 * Maximum number of connections open at once.
		 */
		private @Nullable Integer maxConnections;

		public @Nullable Integer getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(@Nullable Integer maxConnections) {
			this.maxConnections = maxConnections;
		}

	}

	/**
	 * Health indicator of the clients.
	 */
	public static class Health {

		/**
		 * Model retrieved by the health probe. When not set, the probe lists the models.
		 */
		private @Nullable String model;

		/**
		 * Maximum time the health probe may take; it is never retried.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Time a health result is reused before the API is probed again, so that a busy health
		 * endpoint does not spend the rate limit.
		 */
		private Duration cacheTimeToLive = Duration.ofSeconds(30);

		public @Nullable String getModel() {
			return this.model;
		}

		public void setModel(@Nullable String model) {
			this.model = model;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getCacheTimeToLive() {
			return this.cacheTimeToLive;
		}

		public void setCacheTimeToLive(Duration cacheTimeToLive) {
			this.cacheTimeToLive = cacheTimeToLive;
		}

	}

	/**
	 * Micrometer metrics of the clients.
	 */
	public static class Metrics {

		/**
		 * Whether to record metrics of the OpenAI calls when a MeterRegistry is present.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Web applications that call OpenAI.
	 */
	public static class Web {

		private final ProblemDetails problemDetails = new ProblemDetails();

		public ProblemDetails getProblemDetails() {
			return this.problemDetails;
		}

		/**
		 * RFC 9457 problem details for OpenAI failures that escape a controller.
		 */
		public static class ProblemDetails {

			/**
			 * Whether an OpenAI failure that escapes a Spring MVC or WebFlux controller is
			 * answered with a problem detail.
			 */
			private boolean enabled = true;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

}
