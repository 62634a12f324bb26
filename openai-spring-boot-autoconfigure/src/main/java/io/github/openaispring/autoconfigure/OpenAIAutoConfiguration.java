package io.github.openaispring.autoconfigure;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.core.http.RetryPolicyFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link OpenAI}: the default client
 * and its reactive view over one transport, a client per entry of {@code openai.clients}, and
 * the {@link RetryPolicyFactory} they retry with (replace the bean to change the policy).
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass(OpenAI.class)
@ConditionalOnBooleanProperty(name = "openai.enabled", matchIfMissing = true)
@EnableConfigurationProperties(OpenAIProperties.class)
@Import(NamedOpenAIClientsRegistrar.class)
public final class OpenAIAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(OpenAIConnectionDetails.class)
	PropertiesOpenAIConnectionDetails openaiConnectionDetails(OpenAIProperties properties) {
		return new PropertiesOpenAIConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	RetryPolicyFactory openaiRetryPolicyFactory() {
		return RetryPolicyFactory.DEFAULT;
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAIClientFactory openaiClientFactory(OpenAIProperties properties,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<OpenAIClientCustomizer> customizers,
			ObjectProvider<OpenAIHttpClientCustomizer> httpClientCustomizers, ObjectProvider<SslBundles> sslBundles,
			RetryPolicyFactory retryPolicyFactory) {
		return new OpenAIClientFactory(properties, webClientBuilder, customizers, httpClientCustomizers, sslBundles,
				retryPolicyFactory);
	}

	@Bean
	@ConditionalOnMissingBean
	OpenAI openAI(OpenAIClientFactory factory, OpenAIConnectionDetails connectionDetails) {
		return factory.createDefault(connectionDetails);
	}

	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	AsyncOpenAI asyncOpenAI(OpenAI openAI) {
		return openAI.async();
	}

}
