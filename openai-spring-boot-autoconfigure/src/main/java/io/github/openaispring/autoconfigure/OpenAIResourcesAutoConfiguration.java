package io.github.openaispring.autoconfigure;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.services.async.ChatServiceAsync;
import io.github.openaispring.services.async.CompletionServiceAsync;
import io.github.openaispring.services.async.EmbeddingServiceAsync;
import io.github.openaispring.services.async.ModelServiceAsync;
import io.github.openaispring.services.async.ModerationServiceAsync;
import io.github.openaispring.services.blocking.ChatService;
import io.github.openaispring.services.blocking.CompletionService;
import io.github.openaispring.services.blocking.EmbeddingService;
import io.github.openaispring.services.blocking.ModelService;
import io.github.openaispring.services.blocking.ModerationService;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a bean for each top-level resource of
 * the API, taken from the one default {@link OpenAI} (and {@link AsyncOpenAI}) bean, so that
 * an application can inject only the resource it uses. A resource the client gains is one
 * more bean method here.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = OpenAIAutoConfiguration.class)
@ConditionalOnClass(OpenAI.class)
public final class OpenAIResourcesAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(OpenAI.class)
	static class BlockingResourcesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChatService openaiChatService(OpenAI openAI) {
			return openAI.chat();
		}

		@Bean
		@ConditionalOnMissingBean
		CompletionService openaiCompletionService(OpenAI openAI) {
			return openAI.completions();
		}

		@Bean
		@ConditionalOnMissingBean
		EmbeddingService openaiEmbeddingService(OpenAI openAI) {
			return openAI.embeddings();
		}

		@Bean
		@ConditionalOnMissingBean
		ModelService openaiModelService(OpenAI openAI) {
			return openAI.models();
		}

		@Bean
		@ConditionalOnMissingBean
		ModerationService openaiModerationService(OpenAI openAI) {
			return openAI.moderations();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(AsyncOpenAI.class)
	static class AsyncResourcesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ChatServiceAsync openaiChatServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.chat();
		}

		@Bean
		@ConditionalOnMissingBean
		CompletionServiceAsync openaiCompletionServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.completions();
		}

		@Bean
		@ConditionalOnMissingBean
		EmbeddingServiceAsync openaiEmbeddingServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.embeddings();
		}

		@Bean
		@ConditionalOnMissingBean
		ModelServiceAsync openaiModelServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.models();
		}

		@Bean
		@ConditionalOnMissingBean
		ModerationServiceAsync openaiModerationServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.moderations();
		}

	}

}
