package io.github.openaispring.benchmarks;

import java.util.concurrent.CompletableFuture;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.embeddings.EmbeddingModel;

/**
 * The official {@code com.openai:openai-java} SDK with its OkHttp client and no retries. Embeddings leave
 * {@code encoding_format} unset, so the SDK does what it does by default.
 */
public final class OfficialSdkDriver implements Driver {

	private final OpenAIClient client;

	private final ChatCompletionCreateParams chatParams = ChatCompletionCreateParams.builder()
		.model(ChatModel.GPT_4O_MINI)
		.addUserMessage("Say hello")
		.build();

	private final EmbeddingCreateParams embeddingParams = EmbeddingCreateParams.builder()
		.model(EmbeddingModel.TEXT_EMBEDDING_3_SMALL)
		.input("hello")
		.build();

	/**
	 * Creates the driver.
	 * @param stubUrl the stub's root URL
	 */
	public OfficialSdkDriver(String stubUrl) {
		this.client = OpenAIOkHttpClient.builder().baseUrl(stubUrl + "/v1").apiKey("sk-bench").maxRetries(0).build();
	}

	@Override
	public String chatCall() {
		return content(this.client.chat().completions().create(this.chatParams));
	}

	@Override
	public CompletableFuture<String> chatCallAsync() {
		return this.client.async().chat().completions().create(this.chatParams).thenApply(OfficialSdkDriver::content);
	}

	@Override
	public long chatStream() {
		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat()
			.completions()
			.createStreaming(this.chatParams)) {
			return stream.stream().count();
		}
	}

	@Override
	public int embeddingCall() {
		return this.client.embeddings().create(this.embeddingParams).data().get(0).embedding().size();
	}

	@Override
	public void close() {
		this.client.close();
	}

	private static String content(ChatCompletion completion) {
		return completion.choices().get(0).message().content().orElse(null);
	}

}
