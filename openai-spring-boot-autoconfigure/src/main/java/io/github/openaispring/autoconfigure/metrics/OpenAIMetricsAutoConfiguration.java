package io.github.openaispring.autoconfigure.metrics;

import io.github.openaispring.autoconfigure.OpenAIAutoConfiguration;
import io.github.openaispring.autoconfigure.OpenAIClientCustomizer;
import io.github.openaispring.boot.metrics.OpenAIClientMetrics;
import io.github.openaispring.client.OpenAI;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the metrics of every auto-configured
 * {@link OpenAI} client: each gets its own {@link OpenAIClientMetrics}, as its exchange and
 * retry listener, through an {@link OpenAIClientCustomizer}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = OpenAIAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, OpenAI.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "openai.metrics.enabled", matchIfMissing = true)
public final class OpenAIMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "openaiMetricsClientCustomizer")
	OpenAIClientCustomizer openaiMetricsClientCustomizer(ObjectProvider<MeterRegistry> meterRegistry) {
		return new MetricsClientCustomizer(meterRegistry);
	}

	/**
	 * Adds the metrics of a client, tagged with the client's name.
	 */
	static final class MetricsClientCustomizer implements OpenAIClientCustomizer {

		private final ObjectProvider<MeterRegistry> meterRegistry;

		MetricsClientCustomizer(ObjectProvider<MeterRegistry> meterRegistry) {
			this.meterRegistry = meterRegistry;
		}

		@Override
		public void customize(OpenAI.Builder builder) {
			customize("default", builder);
		}

		@Override
		public void customize(String clientName, OpenAI.Builder builder) {
			OpenAIClientMetrics metrics = new OpenAIClientMetrics(this.meterRegistry.getObject(), clientName);
			builder.exchangeListener(metrics).retryListener(metrics);
		}

	}

}
