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

	private final Ssl ssl = new Ssl();

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

	/**
	 * Return {@code enabled}: whether to auto-configure the OpenAI clients.
	 * @return the value
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set {@code enabled}: whether to auto-configure the OpenAI clients.
	 * @param enabled the value
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return {@code apiKey}: aPI key sent as a bearer token.
	 * @return the value
	 */
	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	/**
	 * Set {@code apiKey}: aPI key sent as a bearer token.
	 * @param apiKey the value
	 */
	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * Return {@code baseUrl}: base URL of the OpenAI API, or of an OpenAI-compatible server.
	 * @return the value
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Set {@code baseUrl}: base URL of the OpenAI API, or of an OpenAI-compatible server.
	 * @param baseUrl the value
	 */
	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Return {@code organization}: organization ID sent in the OpenAI-Organization header.
	 * @return the value
	 */
	public @Nullable String getOrganization() {
		return this.organization;
	}

	/**
	 * Set {@code organization}: organization ID sent in the OpenAI-Organization header.
	 * @param organization the value
	 */
	public void setOrganization(@Nullable String organization) {
		this.organization = organization;
	}

	/**
	 * Return {@code project}: project ID sent in the OpenAI-Project header.
	 * @return the value
	 */
	public @Nullable String getProject() {
		return this.project;
	}

	/**
	 * Set {@code project}: project ID sent in the OpenAI-Project header.
	 * @param project the value
	 */
	public void setProject(@Nullable String project) {
		this.project = project;
	}

	/**
	 * Return {@code websocketBaseUrl}: base URL of websocket connections (the realtime API).
	 * @return the value
	 */
	public @Nullable String getWebsocketBaseUrl() {
		return this.websocketBaseUrl;
	}

	/**
	 * Set {@code websocketBaseUrl}: base URL of websocket connections (the realtime API).
	 * @param websocketBaseUrl the value
	 */
	public void setWebsocketBaseUrl(@Nullable String websocketBaseUrl) {
		this.websocketBaseUrl = websocketBaseUrl;
	}

	/**
	 * Return {@code timeout}: maximum time one attempt of a request may take, reading the whole
	 * response included.
	 * @return the value
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * Set {@code timeout}: maximum time one attempt of a request may take, reading the whole
	 * response included.
	 * @param timeout the value
	 */
	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Return {@code connectTimeout}: maximum time to wait for a connection to be established.
	 * @return the value
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Set {@code connectTimeout}: maximum time to wait for a connection to be established.
	 * @param connectTimeout the value
	 */
	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	/**
	 * Return {@code streamIdleTimeout}: maximum time a stream may go without an event before it
	 * fails with a timeout.
	 * @return the value
	 */
	public Duration getStreamIdleTimeout() {
		return this.streamIdleTimeout;
	}

	/**
	 * Set {@code streamIdleTimeout}: maximum time a stream may go without an event before it fails
	 * with a timeout.
	 * @param streamIdleTimeout the value
	 */
	public void setStreamIdleTimeout(Duration streamIdleTimeout) {
		this.streamIdleTimeout = streamIdleTimeout;
	}

	/**
	 * Return {@code maxInMemorySize}: maximum size of a response body, or of one event of a
	 * stream, read into memory; a larger one fails the call.
	 * @return the value
	 */
	public DataSize getMaxInMemorySize() {
		return this.maxInMemorySize;
	}

	/**
	 * Set {@code maxInMemorySize}: maximum size of a response body, or of one event of a stream,
	 * read into memory; a larger one fails the call.
	 * @param maxInMemorySize the value
	 */
	public void setMaxInMemorySize(DataSize maxInMemorySize) {
		this.maxInMemorySize = maxInMemorySize;
	}

	/**
	 * Return {@code maxRetries}: maximum number of retries after the first attempt of a failed
	 * request.
	 * @return the value
	 */
	public int getMaxRetries() {
		return this.maxRetries;
	}

	/**
	 * Set {@code maxRetries}: maximum number of retries after the first attempt of a failed
	 * request.
	 * @param maxRetries the value
	 */
	public void setMaxRetries(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	/**
	 * Return {@code defaultHeaders}: headers sent with every request, by name.
	 * @return the value
	 */
	public Map<String, String> getDefaultHeaders() {
		return this.defaultHeaders;
	}

	/**
	 * Set {@code defaultHeaders}: headers sent with every request, by name.
	 * @param defaultHeaders the value
	 */
	public void setDefaultHeaders(Map<String, String> defaultHeaders) {
		this.defaultHeaders = defaultHeaders;
	}

	/**
	 * Return {@code retry}.
	 * @return the value
	 */
	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Return {@code proxy}.
	 * @return the value
	 */
	public Proxy getProxy() {
		return this.proxy;
	}

	/**
	 * Return {@code pool}.
	 * @return the value
	 */
	public Pool getPool() {
		return this.pool;
	}

	/**
	 * Return the SSL settings of the client.
	 * @return the settings
	 */
	public Ssl getSsl() {
		return this.ssl;
	}

	/**
	 * Return {@code clients}: named clients, such as one for a local OpenAI-compatible server,
	 * each a bean qualified by its name.
	 * @return the value
	 */
	public Map<String, Client> getClients() {
		return this.clients;
	}

	/**
	 * Set {@code clients}: named clients, such as one for a local OpenAI-compatible server, each a
	 * bean qualified by its name.
	 * @param clients the value
	 */
	public void setClients(Map<String, Client> clients) {
		this.clients = clients;
	}

	/**
	 * Return {@code health}.
	 * @return the value
	 */
	public Health getHealth() {
		return this.health;
	}

	/**
	 * Return {@code metrics}.
	 * @return the value
	 */
	public Metrics getMetrics() {
		return this.metrics;
	}

	/**
	 * Return {@code web}.
	 * @return the value
	 */
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

		/**
		 * Return {@code initialBackoff}: wait before the first retry, doubled for each later one.
		 * @return the value
		 */
		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		/**
		 * Set {@code initialBackoff}: wait before the first retry, doubled for each later one.
		 * @param initialBackoff the value
		 */
		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		/**
		 * Return {@code maxBackoff}: longest computed wait between two attempts.
		 * @return the value
		 */
		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		/**
		 * Set {@code maxBackoff}: longest computed wait between two attempts.
		 * @param maxBackoff the value
		 */
		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		/**
		 * Return {@code retryAfterCap}: longest wait a server's Retry-After header may ask for; a
		 * call asked to wait longer is not retried but fails at once, the wait on its exception
		 * (retryAfter()).
		 * @return the value
		 */
		public Duration getRetryAfterCap() {
			return this.retryAfterCap;
		}

		/**
		 * Set {@code retryAfterCap}: longest wait a server's Retry-After header may ask for; a
		 * call asked to wait longer is not retried but fails at once, the wait on its exception
		 * (retryAfter()).
		 * @param retryAfterCap the value
		 */
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

		/**
		 * Return {@code host}: host of the HTTP proxy.
		 * @return the value
		 */
		public @Nullable String getHost() {
			return this.host;
		}

		/**
		 * Set {@code host}: host of the HTTP proxy.
		 * @param host the value
		 */
		public void setHost(@Nullable String host) {
			this.host = host;
		}

		/**
		 * Return {@code port}: port of the HTTP proxy.
		 * @return the value
		 */
		public int getPort() {
			return this.port;
		}

		/**
		 * Set {@code port}: port of the HTTP proxy.
		 * @param port the value
		 */
		public void setPort(int port) {
			this.port = port;
		}

		/**
		 * Return {@code username}: user name to authenticate to the proxy with.
		 * @return the value
		 */
		public @Nullable String getUsername() {
			return this.username;
		}

		/**
		 * Set {@code username}: user name to authenticate to the proxy with.
		 * @param username the value
		 */
		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		/**
		 * Return {@code password}: password to authenticate to the proxy with.
		 * @return the value
		 */
		public @Nullable String getPassword() {
			return this.password;
		}

		/**
		 * Set {@code password}: password to authenticate to the proxy with.
		 * @param password the value
		 */
		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		/**
		 * Return {@code nonProxyHosts}: regular expression of the hosts reached without the proxy.
		 * @return the value
		 */
		public @Nullable String getNonProxyHosts() {
			return this.nonProxyHosts;
		}

		/**
		 * Set {@code nonProxyHosts}: regular expression of the hosts reached without the proxy.
		 * @param nonProxyHosts the value
		 */
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

		/**
		 * Return {@code maxConnections}: maximum number of connections open at once.
		 * @return the value
		 */
		public int getMaxConnections() {
			return this.maxConnections;
		}

		/**
		 * Set {@code maxConnections}: maximum number of connections open at once.
		 * @param maxConnections the value
		 */
		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

	}

	/**
	 * SSL settings of a client.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle (spring.ssl.bundle.*) the client connects with: its trust
		 * material (such as a company CA) and key material (a client certificate, for mutual
		 * TLS). By default the JVM's trust store and no client certificate.
		 */
		private @Nullable String bundle;

		/**
		 * Return {@code bundle}: name of the SSL bundle the client connects with.
		 * @return the value
		 */
		public @Nullable String getBundle() {
			return this.bundle;
		}

		/**
		 * Set {@code bundle}: name of the SSL bundle the client connects with.
		 * @param bundle the value
		 */
		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
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

		private final Ssl ssl = new Ssl();

		/**
		 * Return {@code enabled}: whether to create this client.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set {@code enabled}: whether to create this client.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * Return {@code apiKey}: aPI key sent as a bearer token.
		 * @return the value
		 */
		public @Nullable String getApiKey() {
			return this.apiKey;
		}

		/**
		 * Set {@code apiKey}: aPI key sent as a bearer token.
		 * @param apiKey the value
		 */
		public void setApiKey(@Nullable String apiKey) {
			this.apiKey = apiKey;
		}

		/**
		 * Return {@code baseUrl}: base URL of the OpenAI API, or of an OpenAI-compatible server.
		 * @return the value
		 */
		public @Nullable String getBaseUrl() {
			return this.baseUrl;
		}

		/**
		 * Set {@code baseUrl}: base URL of the OpenAI API, or of an OpenAI-compatible server.
		 * @param baseUrl the value
		 */
		public void setBaseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
		}

		/**
		 * Return {@code organization}: organization ID sent in the OpenAI-Organization header.
		 * @return the value
		 */
		public @Nullable String getOrganization() {
			return this.organization;
		}

		/**
		 * Set {@code organization}: organization ID sent in the OpenAI-Organization header.
		 * @param organization the value
		 */
		public void setOrganization(@Nullable String organization) {
			this.organization = organization;
		}

		/**
		 * Return {@code project}: project ID sent in the OpenAI-Project header.
		 * @return the value
		 */
		public @Nullable String getProject() {
			return this.project;
		}

		/**
		 * Set {@code project}: project ID sent in the OpenAI-Project header.
		 * @param project the value
		 */
		public void setProject(@Nullable String project) {
			this.project = project;
		}

		/**
		 * Return {@code websocketBaseUrl}: base URL of websocket connections (the realtime API).
		 * @return the value
		 */
		public @Nullable String getWebsocketBaseUrl() {
			return this.websocketBaseUrl;
		}

		/**
		 * Set {@code websocketBaseUrl}: base URL of websocket connections (the realtime API).
		 * @param websocketBaseUrl the value
		 */
		public void setWebsocketBaseUrl(@Nullable String websocketBaseUrl) {
			this.websocketBaseUrl = websocketBaseUrl;
		}

		/**
		 * Return {@code timeout}: maximum time one attempt of a request may take.
		 * @return the value
		 */
		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Set {@code timeout}: maximum time one attempt of a request may take.
		 * @param timeout the value
		 */
		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		/**
		 * Return {@code connectTimeout}: maximum time to wait for a connection to be established.
		 * @return the value
		 */
		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		/**
		 * Set {@code connectTimeout}: maximum time to wait for a connection to be established.
		 * @param connectTimeout the value
		 */
		public void setConnectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		/**
		 * Return {@code streamIdleTimeout}: maximum time a stream may go without an event.
		 * @return the value
		 */
		public @Nullable Duration getStreamIdleTimeout() {
			return this.streamIdleTimeout;
		}

		/**
		 * Set {@code streamIdleTimeout}: maximum time a stream may go without an event.
		 * @param streamIdleTimeout the value
		 */
		public void setStreamIdleTimeout(@Nullable Duration streamIdleTimeout) {
			this.streamIdleTimeout = streamIdleTimeout;
		}

		/**
		 * Return {@code maxInMemorySize}: maximum size of a response body, or of one event of a
		 * stream, read into memory.
		 * @return the value
		 */
		public @Nullable DataSize getMaxInMemorySize() {
			return this.maxInMemorySize;
		}

		/**
		 * Set {@code maxInMemorySize}: maximum size of a response body, or of one event of a
		 * stream, read into memory.
		 * @param maxInMemorySize the value
		 */
		public void setMaxInMemorySize(@Nullable DataSize maxInMemorySize) {
			this.maxInMemorySize = maxInMemorySize;
		}

		/**
		 * Return {@code maxRetries}: maximum number of retries after the first attempt of a failed
		 * request.
		 * @return the value
		 */
		public @Nullable Integer getMaxRetries() {
			return this.maxRetries;
		}

		/**
		 * Set {@code maxRetries}: maximum number of retries after the first attempt of a failed
		 * request.
		 * @param maxRetries the value
		 */
		public void setMaxRetries(@Nullable Integer maxRetries) {
			this.maxRetries = maxRetries;
		}

		/**
		 * Return {@code defaultHeaders}: headers sent with every request, added to the inherited
		 * ones.
		 * @return the value
		 */
		public Map<String, String> getDefaultHeaders() {
			return this.defaultHeaders;
		}

		/**
		 * Set {@code defaultHeaders}: headers sent with every request, added to the inherited
		 * ones.
		 * @param defaultHeaders the value
		 */
		public void setDefaultHeaders(Map<String, String> defaultHeaders) {
			this.defaultHeaders = defaultHeaders;
		}

		/**
		 * Return {@code retry}.
		 * @return the value
		 */
		public ClientRetry getRetry() {
			return this.retry;
		}

		/**
		 * Return {@code pool}.
		 * @return the value
		 */
		public ClientPool getPool() {
			return this.pool;
		}

		/**
		 * Return the SSL settings of this client; when its bundle is not set, the client
		 * inherits {@code openai.ssl.bundle}.
		 * @return the settings
		 */
		public Ssl getSsl() {
			return this.ssl;
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

		/**
		 * Return {@code initialBackoff}: wait before the first retry, doubled for each later one.
		 * @return the value
		 */
		public @Nullable Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		/**
		 * Set {@code initialBackoff}: wait before the first retry, doubled for each later one.
		 * @param initialBackoff the value
		 */
		public void setInitialBackoff(@Nullable Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		/**
		 * Return {@code maxBackoff}: longest computed wait between two attempts.
		 * @return the value
		 */
		public @Nullable Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		/**
		 * Set {@code maxBackoff}: longest computed wait between two attempts.
		 * @param maxBackoff the value
		 */
		public void setMaxBackoff(@Nullable Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		/**
		 * Return {@code retryAfterCap}: longest wait a server's Retry-After header may ask for.
		 * @return the value
		 */
		public @Nullable Duration getRetryAfterCap() {
			return this.retryAfterCap;
		}

		/**
		 * Set {@code retryAfterCap}: longest wait a server's Retry-After header may ask for.
		 * @param retryAfterCap the value
		 */
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

		/**
		 * Return {@code maxConnections}: maximum number of connections open at once.
		 * @return the value
		 */
		public @Nullable Integer getMaxConnections() {
			return this.maxConnections;
		}

		/**
		 * Set {@code maxConnections}: maximum number of connections open at once.
		 * @param maxConnections the value
		 */
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

		/**
		 * Return {@code model}: model retrieved by the health probe.
		 * @return the value
		 */
		public @Nullable String getModel() {
			return this.model;
		}

		/**
		 * Set {@code model}: model retrieved by the health probe.
		 * @param model the value
		 */
		public void setModel(@Nullable String model) {
			this.model = model;
		}

		/**
		 * Return {@code timeout}: maximum time the health probe may take; it is never retried.
		 * @return the value
		 */
		public Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Set {@code timeout}: maximum time the health probe may take; it is never retried.
		 * @param timeout the value
		 */
		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		/**
		 * Return {@code cacheTimeToLive}: time a health result is reused before the API is probed
		 * again, so that a busy health endpoint does not spend the rate limit.
		 * @return the value
		 */
		public Duration getCacheTimeToLive() {
			return this.cacheTimeToLive;
		}

		/**
		 * Set {@code cacheTimeToLive}: time a health result is reused before the API is probed
		 * again, so that a busy health endpoint does not spend the rate limit.
		 * @param cacheTimeToLive the value
		 */
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

		/**
		 * Return {@code enabled}: whether to record metrics of the OpenAI calls when a
		 * MeterRegistry is present.
		 * @return the value
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set {@code enabled}: whether to record metrics of the OpenAI calls when a MeterRegistry
		 * is present.
		 * @param enabled the value
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Web applications that call OpenAI.
	 */
	public static class Web {

		private final ProblemDetails problemDetails = new ProblemDetails();

		/**
		 * Return {@code problemDetails}.
		 * @return the value
		 */
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

			/**
			 * Return {@code enabled}: whether an OpenAI failure that escapes a Spring MVC or
			 * WebFlux controller is answered with a problem detail.
			 * @return the value
			 */
			public boolean isEnabled() {
				return this.enabled;
			}

			/**
			 * Set {@code enabled}: whether an OpenAI failure that escapes a Spring MVC or WebFlux
			 * controller is answered with a problem detail.
			 * @param enabled the value
			 */
			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

}
