package io.github.openaispring.autoconfigure.web;

import io.github.openaispring.boot.web.DefaultOpenAIErrorTranslator;
import io.github.openaispring.boot.web.OpenAIErrorTranslator;
import io.github.openaispring.boot.web.OpenAIExceptionHandler;
import io.github.openaispring.client.OpenAI;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAIErrorTranslationAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenAIErrorTranslationAutoConfiguration.class));

	@Test
	void translatorAndHandlerInAServletApplication() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DefaultOpenAIErrorTranslator.class)
			.hasSingleBean(OpenAIExceptionHandler.class));
	}

	@Test
	void handlerInAReactiveApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(OpenAIErrorTranslationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(OpenAIExceptionHandler.class));
	}

	@Test
	void translatorButNoHandlerOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(OpenAIErrorTranslationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(OpenAIErrorTranslator.class)
				.doesNotHaveBean(OpenAIExceptionHandler.class));
	}

	@Test
	void noHandlerWhenProblemDetailsAreTurnedOff() {
		this.contextRunner.withPropertyValues("openai.web.problem-details.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(OpenAIErrorTranslator.class)
				.doesNotHaveBean(OpenAIExceptionHandler.class));
	}

	@Test
	void applicationTranslatorReplacesTheDefaultAndIsUsedByTheHandler() {
		OpenAIErrorTranslator custom = (ex) -> null;
		this.contextRunner.withBean(OpenAIErrorTranslator.class, () -> custom).run((context) -> {
			assertThat(context).doesNotHaveBean(DefaultOpenAIErrorTranslator.class);
			assertThat(context.getBean(OpenAIErrorTranslator.class)).isSameAs(custom);
			assertThat(context).hasSingleBean(OpenAIExceptionHandler.class);
		});
	}

	@Test
	void nothingWithoutTheClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(OpenAI.class))
			.run((context) -> assertThat(context).doesNotHaveBean(OpenAIErrorTranslator.class));
	}

}
