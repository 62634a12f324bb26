package io.github.openaispring.autoconfigure.health;

import io.github.openaispring.autoconfigure.FakeEnvironment;
import io.github.openaispring.autoconfigure.OpenAIAutoConfiguration;
import io.github.openaispring.boot.health.OpenAIHealthIndicator;
import io.github.openaispring.boot.health.OpenAIReactiveHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAIHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withInitializer(FakeEnvironment.empty())
		.withPropertyValues("openai.api-key=sk-test")
		.withConfiguration(AutoConfigurations.of(OpenAIAutoConfiguration.class,
				OpenAIHealthContributorAutoConfiguration.class, OpenAIReactiveHealthContributorAutoConfiguration.class));

	@Test
	void createsTheIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(OpenAIHealthIndicator.class)
			.hasBean("openaiHealthContributor")
			.doesNotHaveBean(OpenAIReactiveHealthIndicator.class));
	}

	@Test
	void composesOneIndicatorPerClientWithNamedClients() {
		this.contextRunner.withPropertyValues("openai.clients.local.base-url=http://localhost:1/v1").run((context) -> {
			CompositeHealthContributor composite = context.getBean("openaiHealthContributor",
					CompositeHealthContributor.class);
			assertThat(composite.getContributor("default")).isInstanceOf(OpenAIHealthIndicator.class);
			assertThat(composite.getContributor("local")).isInstanceOf(OpenAIHealthIndicator.class);
		});
	}

	@Test
	void noIndicatorWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.openai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("openaiHealthContributor"));
	}

	@Test
	void noIndicatorWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ConditionalOnEnabledHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("openaiHealthContributor"));
	}

	@Test
	void noIndicatorWithoutAClient() {
		this.contextRunner.withPropertyValues("openai.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("openaiHealthContributor"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesOne() {
		this.contextRunner
			.withBean("openaiHealthIndicator", OpenAIHealthIndicator.class,
					() -> new OpenAIHealthIndicator(io.github.openaispring.client.OpenAI.builder()
						.baseUrl("http://x:1/v1")
						.build(), null, java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1)))
			.run((context) -> assertThat(context).doesNotHaveBean("openaiHealthContributor"));
	}

	@Test
	void reactiveIndicatorInAReactiveWebApplication() {
		new ReactiveWebApplicationContextRunner().withInitializer(FakeEnvironment.empty())
			.withPropertyValues("openai.api-key=sk-test")
			.withConfiguration(AutoConfigurations.of(OpenAIAutoConfiguration.class,
					OpenAIHealthContributorAutoConfiguration.class,
					OpenAIReactiveHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(OpenAIReactiveHealthIndicator.class)
				.doesNotHaveBean(OpenAIHealthIndicator.class)
				.hasBean("openaiHealthContributor"));
	}

	@Test
	void reactiveCompositeWithNamedClients() {
		new ReactiveWebApplicationContextRunner().withInitializer(FakeEnvironment.empty())
			.withPropertyValues("openai.api-key=sk-test", "openai.clients.local.base-url=http://localhost:1/v1")
			.withConfiguration(AutoConfigurations.of(OpenAIAutoConfiguration.class,
					OpenAIHealthContributorAutoConfiguration.class,
					OpenAIReactiveHealthContributorAutoConfiguration.class))
			.run((context) -> {
				CompositeReactiveHealthContributor composite = context.getBean("openaiHealthContributor",
						CompositeReactiveHealthContributor.class);
				assertThat(composite.getContributor("default")).isInstanceOf(OpenAIReactiveHealthIndicator.class);
				assertThat(composite.getContributor("local")).isInstanceOf(OpenAIReactiveHealthIndicator.class);
			});
	}

}
