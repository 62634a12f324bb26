package io.github.openaispring.benchmarks;

import java.util.concurrent.CompletableFuture;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.client.StreamResponse;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.EmbeddingCreateParams;

/**
 * This project's client ({@code openai-client-core}) with no retries. Embeddings leave
 * {@code encoding_format} unset, so the client does what it does by default.
 *
 * <p>Compiled only with {@code -Dbench.ours=true}: it sits in {@code src/ourclient/java}, which that property
 * adds to the build.
 */
public final class ThisClientDriver implements Driver {

	private final OpenAI client;

	private final AsyncOpenAI async;

	private final ChatCompletionCreateParams chatParams = ChatCompletionCreateParams.builder()
		.model("gpt-4o-mini")
		.addUserMessage("Say hello")
		.build();

	private final EmbeddingCreateParams embeddingParams = EmbeddingCreateParams.builder()
		.model("text-embedding-3-small")
		.input("hello")
		.build();

	/**
	 * Creates the driver.
	 * @param stubUrl the stub's root URL
	 */
	public ThisClientDriver(String stubUrl) {
		this.client = OpenAI.builder().baseUrl(stubUrl + "/v1").apiKey("sk-bench").maxRetries(0).build();
		this.async = this.client.async();
	}

	@Override
	public String chatCall() throws Exception {
		return content(this.client.chat().completions().create(this.chatParams));
	}

	@Override
	public CompletableFuture<String> chatCallAsync() throws Exception {
		return this.async.chat().completions().create(this.chatParams).map(ThisClientDriver::content).toFuture();
	}

	@Override
	public long chatStream() throws Exception {
		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat()
			.completions()
			.createStreaming(this.chatParams)) {
			return stream.stream().count();
		}
	}

	@Override
	public int embeddingCall() throws Exception {
		return this.client.embeddings().create(this.embeddingParams).data().get(0).embedding().size();
	}

	@Override
	public void close() throws Exception {
		Object client = this.client;
		if (client instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	private static String content(ChatCompletion completion) {
		return completion.choices().get(0).message().content();
	}

}
