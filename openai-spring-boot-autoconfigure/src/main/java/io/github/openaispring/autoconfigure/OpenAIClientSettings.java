package io.github.openaispring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.openaispring.client.ClientOptions;
import io.github.openaispring.core.http.ProxySettings;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * The settings of one auto-configured client, resolved from the properties (and, for the
 * default client, the {@link OpenAIConnectionDetails}).
 *
 * @param name {@value #DEFAULT_NAME} or the name of a client under {@code openai.clients}
 * @param propertyPrefix the prefix of the client's properties, for messages
 * @param fromConnectionDetails whether the base URL and key come from a
 * {@link OpenAIConnectionDetails} bean other than the properties
 * @param apiKey the API key, or {@code null}
 * @param baseUrl the base URL
 * @param organization the organization, or {@code null}
 * @param project the project, or {@code null}
 * @param websocketBaseUrl the websocket base URL, or {@code null}
 * @param timeout the timeout of one attempt
 * @param connectTimeout the connect timeout
 * @param streamIdleTimeout the idle timeout of streams
 * @param maxRetries the number of retries
 * @param retry the waits between attempts
 * @param defaultHeaders the headers sent with every request
 * @param maxConnections the size of the connection pool
 * @param maxInMemorySize the largest body, or event of a stream, read into memory, in bytes
 * @param proxy the proxy, or {@code null}
 * @param sslBundle the name of the SSL bundle to connect with, or {@code null} for the JVM's
 * defaults
 */
record OpenAIClientSettings(String name, String propertyPrefix, boolean fromConnectionDetails, @Nullable String apiKey,
		String baseUrl, @Nullable String organization, @Nullable String project, @Nullable String websocketBaseUrl,
		Duration timeout, Duration connectTimeout, Duration streamIdleTimeout, int maxRetries,
		ClientOptions.RetrySettings retry, Map<String, String> defaultHeaders, int maxConnections,
		int maxInMemorySize, @Nullable ProxySettings proxy, @Nullable String sslBundle) {

	/** The name of the default client. */
	static final String DEFAULT_NAME = "default";

	static OpenAIClientSettings ofDefault(OpenAIProperties properties, OpenAIConnectionDetails details) {
		OpenAIProperties.Retry retry = properties.getRetry();
		return new OpenAIClientSettings(DEFAULT_NAME, "openai",
				!(details instanceof PropertiesOpenAIConnectionDetails), blankToNull(details.apiKey()),
				details.baseUrl(), blankToNull(details.organization()), blankToNull(details.project()),
				properties.getWebsocketBaseUrl(), properties.getTimeout(), properties.getConnectTimeout(),
				properties.getStreamIdleTimeout(), properties.getMaxRetries(),
				new ClientOptions.RetrySettings(retry.getInitialBackoff(), retry.getMaxBackoff(),
						retry.getRetryAfterCap()),
				Collections.unmodifiableMap(new LinkedHashMap<>(properties.getDefaultHeaders())),
				properties.getPool().getMaxConnections(), bytes(properties.getMaxInMemorySize(), "openai"),
				proxy(properties.getProxy()), blankToNull(properties.getSsl().getBundle()));
	}

	/**
	 * Resolve a named client: what it does not set is inherited from the default client's
	 * properties, except the credentials when it names a base URL of its own, so that the key
	 * meant for one server is never sent to another.
	 */
	static OpenAIClientSettings ofNamed(String name, OpenAIProperties properties) {
		OpenAIProperties.Client client = properties.getClients().get(name);
		if (client == null) {
			throw new IllegalStateException("No client named '" + name + "' under openai.clients");
		}
		String baseUrl = (client.getBaseUrl() != null) ? client.getBaseUrl() : properties.getBaseUrl();
		boolean sameServer = sameServer(baseUrl, properties.getBaseUrl());
		OpenAIProperties.Retry retry = properties.getRetry();
		OpenAIProperties.ClientRetry clientRetry = client.getRetry();
		Map<String, String> headers = new LinkedHashMap<>(properties.getDefaultHeaders());
		headers.putAll(client.getDefaultHeaders());
		OpenAIProperties.Proxy proxy = (client.getProxy().getHost() != null) ? client.getProxy()
				: properties.getProxy();
		return new OpenAIClientSettings(name, "openai.clients." + name, false,
				credential(client.getApiKey(), properties.getApiKey(), sameServer), baseUrl,
				credential(client.getOrganization(), properties.getOrganization(), sameServer),
				credential(client.getProject(), properties.getProject(), sameServer),
				or(client.getWebsocketBaseUrl(), properties.getWebsocketBaseUrl()),
				or(client.getTimeout(), properties.getTimeout()),
				or(client.getConnectTimeout(), properties.getConnectTimeout()),
				or(client.getStreamIdleTimeout(), properties.getStreamIdleTimeout()),
				or(client.getMaxRetries(), properties.getMaxRetries()),
				new ClientOptions.RetrySettings(or(clientRetry.getInitialBackoff(), retry.getInitialBackoff()),
						or(clientRetry.getMaxBackoff(), retry.getMaxBackoff()),
						or(clientRetry.getRetryAfterCap(), retry.getRetryAfterCap())),
				Collections.unmodifiableMap(headers),
				or(client.getPool().getMaxConnections(), properties.getPool().getMaxConnections()),
				bytes(or(client.getMaxInMemorySize(), properties.getMaxInMemorySize()), "openai.clients." + name),
				proxy(proxy), blankToNull(or(client.getSsl().getBundle(), properties.getSsl().getBundle())));
	}

	/** A size in bytes that the client takes as an {@code int}, positive and under 2 GB. */
	private static int bytes(DataSize size, String prefix) {
		long bytes = size.toBytes();
		if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
			throw new IllegalStateException(prefix + ".max-in-memory-size must be more than 0 B and less than 2 GB, was "
					+ size);
		}
		return (int) bytes;
	}

	/**
	 * Return the name of the client's connection pool, as Reactor Netty's metrics show it.
	 * @return the pool name
	 */
	String poolName() {
		return DEFAULT_NAME.equals(this.name) ? "openai" : "openai-" + this.name;
	}

	/**
	 * Return the environment variable that sets the API key, or {@code null} for a named
	 * client, which has none of its own.
	 * @return the variable's name
	 */
	@Nullable String apiKeyVariable() {
		return DEFAULT_NAME.equals(this.name) ? "OPENAI_API_KEY" : null;
	}

	/**
	 * Return the environment variable that sets the base URL, or {@code null} for a named
	 * client.
	 * @return the variable's name
	 */
	@Nullable String baseUrlVariable() {
		return DEFAULT_NAME.equals(this.name) ? "OPENAI_BASE_URL" : null;
	}

	private static @Nullable String credential(@Nullable String own, @Nullable String inherited, boolean sameServer) {
		String value = blankToNull(own);
		return (value != null || !sameServer) ? value : blankToNull(inherited);
	}

	private static boolean sameServer(String baseUrl, String inheritedBaseUrl) {
		return strip(baseUrl).equals(strip(inheritedBaseUrl));
	}

	private static String strip(String url) {
		String trimmed = url.strip();
		return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
	}

	private static <T> T or(@Nullable T own, T inherited) {
		return (own != null) ? own : inherited;
	}

	private static @Nullable String or(@Nullable String own, @Nullable String inherited) {
		return (own != null) ? own : inherited;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

	private static @Nullable ProxySettings proxy(OpenAIProperties.Proxy proxy) {
		String host = blankToNull(proxy.getHost());
		if (host == null) {
			return null;
		}
		return new ProxySettings(host, proxy.getPort(), blankToNull(proxy.getUsername()), proxy.getPassword(),
				blankToNull(proxy.getNonProxyHosts()));
	}

	/**
	 * Return the host of the base URL, for health details.
	 * @return the host, or the base URL itself when it has none
	 */
	String host() {
		try {
			String host = URI.create(this.baseUrl).getHost();
			return (host != null) ? host : this.baseUrl;
		}
		catch (IllegalArgumentException ex) {
			return this.baseUrl;
		}
	}

	@Override
	public String toString() {
		return "OpenAIClientSettings{name=" + this.name + ", baseUrl=" + this.baseUrl + ", apiKey="
				+ ((this.apiKey != null) ? "****" : "none") + ", organization=" + this.organization + ", project="
				+ this.project + "}";
	}

}
