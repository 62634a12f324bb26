package io.github.openaispring.autoconfigure.health;

import java.util.Map;

import io.github.openaispring.autoconfigure.OpenAIAutoConfiguration;
import io.github.openaispring.autoconfigure.OpenAIProperties;
import io.github.openaispring.boot.health.OpenAIReactiveHealthIndicator;
import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.client.OpenAI;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the reactive {@code openai} health
 * contributor in a reactive web application: an {@link OpenAIReactiveHealthIndicator} per
 * {@link AsyncOpenAI} client. It takes the place of the blocking one.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = OpenAIAutoConfiguration.class)
@ConditionalOnClass({ OpenAI.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(AsyncOpenAI.class)
@ConditionalOnEnabledHealthIndicator("openai")
@EnableConfigurationProperties(OpenAIProperties.class)
public final class OpenAIReactiveHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "openaiHealthIndicator", "openaiHealthContributor" })
	ReactiveHealthContributor openaiHealthContributor(ListableBeanFactory beanFactory, OpenAIProperties properties) {
		OpenAIProperties.Health health = properties.getHealth();
		Map<String, OpenAIReactiveHealthIndicator> indicators = OpenAIHealthClients.byName(beanFactory,
				AsyncOpenAI.class, "AsyncOpenAI", (client) -> new OpenAIReactiveHealthIndicator(client,
						health.getModel(), health.getTimeout(), health.getCacheTimeToLive()));
		return (indicators.size() == 1) ? indicators.values().iterator().next()
				: CompositeReactiveHealthContributor.fromMap(indicators);
	}

}
