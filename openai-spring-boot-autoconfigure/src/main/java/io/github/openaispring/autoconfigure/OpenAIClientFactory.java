package io.github.openaispring.autoconfigure;

import io.github.openaispring.client.InvalidBaseUrlException;
import io.github.openaispring.client.MissingApiKeyException;
import io.github.openaispring.client.OpenAI;
import java.util.Arrays;

import javax.net.ssl.SSLException;

import io.github.openaispring.core.http.RetryPolicyFactory;
import io.github.openaispring.errors.OpenAIException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the auto-configured clients, the default one and the named ones, in one way: from
 * Spring Boot's {@link WebClient.Builder} when there is one, the resolved settings (the SSL
 * bundle among them, from Boot's {@link SslBundles}), the {@link RetryPolicyFactory} bean, every
 * {@link OpenAIHttpClientCustomizer}, then every {@link OpenAIClientCustomizer}.
 */
final class OpenAIClientFactory {

	private final OpenAIProperties properties;

	private final ObjectProvider<WebClient.Builder> webClientBuilder;

	private final ObjectProvider<OpenAIClientCustomizer> customizers;

	private final ObjectProvider<OpenAIHttpClientCustomizer> httpClientCustomizers;

	private final ObjectProvider<SslBundles> sslBundles;

	private final RetryPolicyFactory retryPolicies;

	OpenAIClientFactory(OpenAIProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<OpenAIClientCustomizer> customizers,
			ObjectProvider<OpenAIHttpClientCustomizer> httpClientCustomizers, ObjectProvider<SslBundles> sslBundles,
			RetryPolicyFactory retryPolicies) {
		this.properties = properties;
		this.webClientBuilder = webClientBuilder;
		this.customizers = customizers;
		this.httpClientCustomizers = httpClientCustomizers;
		this.sslBundles = sslBundles;
		this.retryPolicies = retryPolicies;
	}

	OpenAI createDefault(OpenAIConnectionDetails details) {
		return create(OpenAIClientSettings.ofDefault(this.properties, details));
	}

	OpenAI createNamed(String name) {
		return create(OpenAIClientSettings.ofNamed(name, this.properties));
	}

	private OpenAI create(OpenAIClientSettings settings) {
		OpenAI.Builder builder = OpenAI.builder()
			.webClientBuilder(this.webClientBuilder.getIfAvailable(WebClient::builder))
			.baseUrl(settings.baseUrl())
			.organization(settings.organization())
			.project(settings.project())
			.websocketBaseUrl(settings.websocketBaseUrl())
			.timeout(settings.timeout())
			.connectTimeout(settings.connectTimeout())
			.streamIdleTimeout(settings.streamIdleTimeout())
			.maxRetries(settings.maxRetries())
			.retry(settings.retry())
			.retryPolicy(this.retryPolicies)
			.connectionPool(settings.poolName(), settings.maxConnections())
			.maxInMemorySize(settings.maxInMemorySize())
			.proxy(settings.proxy());
		if (settings.apiKey() != null) {
			builder.apiKey(settings.apiKey());
		}
		settings.defaultHeaders().forEach(builder::defaultHeader);
		if (settings.sslBundle() != null) {
			SslContext sslContext = sslContext(settings);
			builder.httpClientCustomizer((httpClient) -> httpClient.secure((spec) -> spec.sslContext(sslContext)));
		}
		this.httpClientCustomizers.orderedStream()
			.forEach((customizer) -> builder
				.httpClientCustomizer((httpClient) -> customizer.customize(settings.name(), httpClient)));
		this.customizers.orderedStream().forEach((customizer) -> customizer.customize(settings.name(), builder));
		try {
			return builder.build();
		}
		catch (MissingApiKeyException | InvalidBaseUrlException ex) {
			throw new OpenAIClientConfigurationException(settings, ex);
		}
	}

	/** The Netty SSL context of the client's bundle: its key and trust managers, protocols and ciphers. */
	private SslContext sslContext(OpenAIClientSettings settings) {
		String property = settings.propertyPrefix() + ".ssl.bundle";
		SslBundles bundles = this.sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new OpenAIClientConfigurationException(settings,
					new OpenAIException(property + " names '" + settings.sslBundle()
							+ "', but the application has no SSL bundles (spring.ssl.bundle.*)"));
		}
		SslBundle bundle;
		try {
			bundle = bundles.getBundle(settings.sslBundle());
		}
		catch (NoSuchSslBundleException ex) {
			throw new OpenAIClientConfigurationException(settings, new OpenAIException(
					property + " names '" + settings.sslBundle() + "', which is not an SSL bundle (spring.ssl.bundle.*)",
					ex));
		}
		SslOptions options = bundle.getOptions();
		try {
			return SslContextBuilder.forClient()
				.keyManager(bundle.getManagers().getKeyManagerFactory())
				.trustManager(bundle.getManagers().getTrustManagerFactory())
				.protocols(options.getEnabledProtocols())
				.ciphers((options.getCiphers() != null) ? Arrays.asList(options.getCiphers()) : null)
				.build();
		}
		catch (SSLException ex) {
			throw new OpenAIClientConfigurationException(settings,
					new OpenAIException("Cannot use the SSL bundle '" + settings.sslBundle() + "' (" + property + ")", ex));
		}
	}

}
