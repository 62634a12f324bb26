package io.github.openaispring.autoconfigure;

import io.github.openaispring.client.InvalidBaseUrlException;
import io.github.openaispring.client.MissingApiKeyException;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.core.http.RetryPolicyFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the auto-configured clients, the default one and the named ones, in one way: from
 * Spring Boot's {@link WebClient.Builder} when there is one, the resolved settings, the
 * {@link RetryPolicyFactory} bean, then every {@link OpenAIClientCustomizer}.
 */
final class OpenAIClientFactory {

	private final OpenAIProperties properties;

	private final ObjectProvider<WebClient.Builder> webClientBuilder;

	private final ObjectProvider<OpenAIClientCustomizer> customizers;

	private final RetryPolicyFactory retryPolicies;

	OpenAIClientFactory(OpenAIProperties properties, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<OpenAIClientCustomizer> customizers, RetryPolicyFactory retryPolicies) {
		this.properties = properties;
		this.webClientBuilder = webClientBuilder;
		this.customizers = customizers;
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
		this.customizers.orderedStream().forEach((customizer) -> customizer.customize(settings.name(), builder));
		try {
			return builder.build();
		}
		catch (MissingApiKeyException | InvalidBaseUrlException ex) {
			throw new OpenAIClientConfigurationException(settings, ex);
		}
	}

}
