package io.github.openaispring.autoconfigure;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.services.async.AudioServiceAsync;
import io.github.openaispring.services.async.BatchServiceAsync;
import io.github.openaispring.services.async.BetaServiceAsync;
import io.github.openaispring.services.async.ChatServiceAsync;
import io.github.openaispring.services.async.CompletionServiceAsync;
import io.github.openaispring.services.async.ConversationServiceAsync;
import io.github.openaispring.services.async.EmbeddingServiceAsync;
import io.github.openaispring.services.async.FileServiceAsync;
import io.github.openaispring.services.async.FineTuningServiceAsync;
import io.github.openaispring.services.async.ImageServiceAsync;
import io.github.openaispring.services.async.ModelServiceAsync;
import io.github.openaispring.services.async.ModerationServiceAsync;
import io.github.openaispring.services.async.ResponseServiceAsync;
import io.github.openaispring.services.async.UploadServiceAsync;
import io.github.openaispring.services.async.VectorStoreServiceAsync;
import io.github.openaispring.services.blocking.AudioService;
import io.github.openaispring.services.blocking.BatchService;
import io.github.openaispring.services.blocking.BetaService;
import io.github.openaispring.services.blocking.ChatService;
import io.github.openaispring.services.blocking.CompletionService;
import io.github.openaispring.services.blocking.ConversationService;
import io.github.openaispring.services.blocking.EmbeddingService;
import io.github.openaispring.services.blocking.FileService;
import io.github.openaispring.services.blocking.FineTuningService;
import io.github.openaispring.services.blocking.ImageService;
import io.github.openaispring.services.blocking.ModelService;
import io.github.openaispring.services.blocking.ModerationService;
import io.github.openaispring.services.blocking.ResponseService;
import io.github.openaispring.services.blocking.UploadService;
import io.github.openaispring.services.blocking.VectorStoreService;

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
 * an application can inject only the resource it uses ({@code ChatService},
 * {@code EmbeddingServiceAsync}, ...). A resource the client gains is one more bean method
 * here.
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
		FileService openaiFileService(OpenAI openAI) {
			return openAI.files();
		}

		@Bean
		@ConditionalOnMissingBean
		ImageService openaiImageService(OpenAI openAI) {
			return openAI.images();
		}

		@Bean
		@ConditionalOnMissingBean
		ModerationService openaiModerationService(OpenAI openAI) {
			return openAI.moderations();
		}

		@Bean
		@ConditionalOnMissingBean
		ModelService openaiModelService(OpenAI openAI) {
			return openAI.models();
		}

		@Bean
		@ConditionalOnMissingBean
		FineTuningService openaiFineTuningService(OpenAI openAI) {
			return openAI.fineTuning();
		}

		@Bean
		@ConditionalOnMissingBean
		VectorStoreService openaiVectorStoreService(OpenAI openAI) {
			return openAI.vectorStores();
		}

		@Bean
		@ConditionalOnMissingBean
		BetaService openaiBetaService(OpenAI openAI) {
			return openAI.beta();
		}

		@Bean
		@ConditionalOnMissingBean
		AudioService openaiAudioService(OpenAI openAI) {
			return openAI.audio();
		}

		@Bean
		@ConditionalOnMissingBean
		BatchService openaiBatchService(OpenAI openAI) {
			return openAI.batches();
		}

		@Bean
		@ConditionalOnMissingBean
		UploadService openaiUploadService(OpenAI openAI) {
			return openAI.uploads();
		}

		@Bean
		@ConditionalOnMissingBean
		ResponseService openaiResponseService(OpenAI openAI) {
			return openAI.responses();
		}

		@Bean
		@ConditionalOnMissingBean
		ConversationService openaiConversationService(OpenAI openAI) {
			return openAI.conversations();
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
		FileServiceAsync openaiFileServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.files();
		}

		@Bean
		@ConditionalOnMissingBean
		ImageServiceAsync openaiImageServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.images();
		}

		@Bean
		@ConditionalOnMissingBean
		ModerationServiceAsync openaiModerationServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.moderations();
		}

		@Bean
		@ConditionalOnMissingBean
		ModelServiceAsync openaiModelServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.models();
		}

		@Bean
		@ConditionalOnMissingBean
		FineTuningServiceAsync openaiFineTuningServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.fineTuning();
		}

		@Bean
		@ConditionalOnMissingBean
		VectorStoreServiceAsync openaiVectorStoreServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.vectorStores();
		}

		@Bean
		@ConditionalOnMissingBean
		BetaServiceAsync openaiBetaServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.beta();
		}

		@Bean
		@ConditionalOnMissingBean
		AudioServiceAsync openaiAudioServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.audio();
		}

		@Bean
		@ConditionalOnMissingBean
		BatchServiceAsync openaiBatchServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.batches();
		}

		@Bean
		@ConditionalOnMissingBean
		UploadServiceAsync openaiUploadServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.uploads();
		}

		@Bean
		@ConditionalOnMissingBean
		ResponseServiceAsync openaiResponseServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.responses();
		}

		@Bean
		@ConditionalOnMissingBean
		ConversationServiceAsync openaiConversationServiceAsync(AsyncOpenAI asyncOpenAI) {
			return asyncOpenAI.conversations();
		}

	}

}
