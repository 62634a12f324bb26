package io.github.openaispring.autoconfigure.web;

import io.github.openaispring.autoconfigure.OpenAIAutoConfiguration;
import io.github.openaispring.boot.web.DefaultOpenAIErrorTranslator;
import io.github.openaispring.boot.web.OpenAIErrorTranslator;
import io.github.openaispring.boot.web.OpenAIExceptionHandler;
import io.github.openaispring.client.OpenAI;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@link OpenAIErrorTranslator} and,
 * in a Spring MVC or WebFlux application, of the handler that answers OpenAI failures
 * escaping a controller with a problem detail ({@code openai.web.problem-details.enabled}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = OpenAIAutoConfiguration.class)
@ConditionalOnClass({ OpenAI.class, ProblemDetail.class })
public final class OpenAIErrorTranslationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OpenAIErrorTranslator openaiErrorTranslator() {
		return new DefaultOpenAIErrorTranslator();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication
	@ConditionalOnBooleanProperty(name = "openai.web.problem-details.enabled", matchIfMissing = true)
	static class ProblemDetailsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OpenAIExceptionHandler openaiExceptionHandler(OpenAIErrorTranslator openaiErrorTranslator) {
			return new OpenAIExceptionHandler(openaiErrorTranslator);
		}

	}

}
