package io.github.openaispring.client;

import java.util.function.Consumer;

import io.github.openaispring.core.http.ClientContext;
import io.github.openaispring.core.http.HttpTransport;
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
import io.github.openaispring.services.async.OpenAIResourcesAsync;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * The reactive client: its resources over one {@link ClientContext}.
 */
final class DefaultAsyncOpenAI implements AsyncOpenAI {

	private final ClientContext context;

	private final OpenAIResourcesAsync resources;

	DefaultAsyncOpenAI(ClientOptions options, HttpTransport transport) {
		this.context = new ClientContext(options, transport);
		this.resources = new OpenAIResourcesAsync(this.context);
	}

	ClientContext context() {
		return this.context;
	}

	OpenAIResourcesAsync resources() {
		return this.resources;
	}

	@Override
	public CompletionServiceAsync completions() {
		return this.resources.completions();
	}

	@Override
	public ChatServiceAsync chat() {
		return this.resources.chat();
	}

	@Override
	public EmbeddingServiceAsync embeddings() {
		return this.resources.embeddings();
	}

	@Override
	public AudioServiceAsync audio() {
		return this.resources.audio();
	}

	@Override
	public FileServiceAsync files() {
		return this.resources.files();
	}

	@Override
	public ImageServiceAsync images() {
		return this.resources.images();
	}

	@Override
	public ModerationServiceAsync moderations() {
		return this.resources.moderations();
	}

	@Override
	public ModelServiceAsync models() {
		return this.resources.models();
	}

	@Override
	public FineTuningServiceAsync fineTuning() {
		return this.resources.fineTuning();
	}

	@Override
	public VectorStoreServiceAsync vectorStores() {
		return this.resources.vectorStores();
	}

	@Override
	public BetaServiceAsync beta() {
		return this.resources.beta();
	}

	@Override
	public BatchServiceAsync batches() {
		return this.resources.batches();
	}

	@Override
	public UploadServiceAsync uploads() {
		return this.resources.uploads();
	}

	@Override
	public ResponseServiceAsync responses() {
		return this.resources.responses();
	}

	@Override
	public ConversationServiceAsync conversations() {
		return this.resources.conversations();
	}

	@Override
	public OpenAIResourcesAsync.WithRawResponse withRawResponse() {
		return this.resources.withRawResponse();
	}

	@Override
	public OpenAIResourcesAsync.WithStreamingResponse withStreamingResponse() {
		return this.resources.withStreamingResponse();
	}

	@Override
	public OpenAI sync() {
		return new DefaultOpenAI(this);
	}

	@Override
	public AsyncOpenAI withOptions(Consumer<ClientOptions.Builder> change) {
		ClientOptions.Builder builder = this.context.options().toBuilder();
		change.accept(builder);
		return new DefaultAsyncOpenAI(builder.build(), this.context.transport());
	}

	@Override
	public ClientOptions options() {
		return this.context.options();
	}

	@Override
	public <T> Mono<T> get(String path, Class<T> responseType) {
		return get(path, responseType, RequestOptions.none());
	}

	@Override
	public <T> Mono<T> get(String path, Class<T> responseType, RequestOptions options) {
		return this.context.call(HttpMethod.GET, path, null, responseType, options);
	}

	@Override
	public <T> Mono<T> post(String path, @Nullable Object body, Class<T> responseType) {
		return post(path, body, responseType, RequestOptions.none());
	}

	@Override
	public <T> Mono<T> post(String path, @Nullable Object body, Class<T> responseType, RequestOptions options) {
		return this.context.call(HttpMethod.POST, path, body, responseType, options);
	}

	@Override
	public <T> Mono<T> patch(String path, @Nullable Object body, Class<T> responseType) {
		return patch(path, body, responseType, RequestOptions.none());
	}

	@Override
	public <T> Mono<T> patch(String path, @Nullable Object body, Class<T> responseType, RequestOptions options) {
		return this.context.call(HttpMethod.PATCH, path, body, responseType, options);
	}

	@Override
	public <T> Mono<T> delete(String path, Class<T> responseType) {
		return delete(path, responseType, RequestOptions.none());
	}

	@Override
	public <T> Mono<T> delete(String path, Class<T> responseType, RequestOptions options) {
		return this.context.call(HttpMethod.DELETE, path, null, responseType, options);
	}

	@Override
	public void close() {
		this.context.transport().close();
	}

	@Override
	public String toString() {
		return "AsyncOpenAI{" + this.context.options() + "}";
	}

}
