package io.github.openaispring.client;

import java.util.function.Consumer;

import io.github.openaispring.core.http.ClientContext;
import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.services.async.ChatServiceAsync;
import io.github.openaispring.services.async.CompletionServiceAsync;
import io.github.openaispring.services.async.EmbeddingServiceAsync;
import io.github.openaispring.services.async.ModelServiceAsync;
import io.github.openaispring.services.async.ModerationServiceAsync;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * The reactive client: its resources over one {@link ClientContext}.
 */
final class DefaultAsyncOpenAI implements AsyncOpenAI {

	private final ClientContext context;

	private final CompletionServiceAsync completions;

	private final ChatServiceAsync chat;

	private final EmbeddingServiceAsync embeddings;

	private final ModelServiceAsync models;

	private final ModerationServiceAsync moderations;

	DefaultAsyncOpenAI(ClientOptions options, HttpTransport transport) {
		this.context = new ClientContext(options, transport);
		this.completions = new CompletionServiceAsync(this.context);
		this.chat = new ChatServiceAsync(this.context);
		this.embeddings = new EmbeddingServiceAsync(this.context);
		this.models = new ModelServiceAsync(this.context);
		this.moderations = new ModerationServiceAsync(this.context);
	}

	ClientContext context() {
		return this.context;
	}

	@Override
	public CompletionServiceAsync completions() {
		return this.completions;
	}

	@Override
	public ChatServiceAsync chat() {
		return this.chat;
	}

	@Override
	public EmbeddingServiceAsync embeddings() {
		return this.embeddings;
	}

	@Override
	public ModelServiceAsync models() {
		return this.models;
	}

	@Override
	public ModerationServiceAsync moderations() {
		return this.moderations;
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
