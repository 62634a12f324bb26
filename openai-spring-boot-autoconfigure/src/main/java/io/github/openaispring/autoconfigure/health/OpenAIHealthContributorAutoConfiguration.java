package io.github.openaispring.autoconfigure.health;

import java.util.Map;

import io.github.openaispring.autoconfigure.OpenAIAutoConfiguration;
import io.github.openaispring.autoconfigure.OpenAIProperties;
import io.github.openaispring.boot.health.OpenAIHealthIndicator;
import io.github.openaispring.client.OpenAI;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@code openai} health contributor
 * of the {@link OpenAI} clients: one {@link OpenAIHealthIndicator}, or a composite of one per
 * client when there are named clients.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { OpenAIAutoConfiguration.class, OpenAIReactiveHealthContributorAutoConfiguration.class })
@ConditionalOnClass({ OpenAI.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(OpenAI.class)
@ConditionalOnEnabledHealthIndicator("openai")
@EnableConfigurationProperties(OpenAIProperties.class)
public final class OpenAIHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "openaiHealthIndicator", "openaiHealthContributor" })
	HealthContributor openaiHealthContributor(ListableBeanFactory beanFactory, OpenAIProperties properties) {
		OpenAIProperties.Health health = properties.getHealth();
		Map<String, OpenAIHealthIndicator> indicators = OpenAIHealthClients.byName(beanFactory, OpenAI.class,
				"OpenAI", (client) -> new OpenAIHealthIndicator(client, health.getModel(), health.getTimeout(),
						health.getCacheTimeToLive()));
		return (indicators.size() == 1) ? indicators.values().iterator().next()
				: CompositeHealthContributor.fromMap(indicators);
	}

}
