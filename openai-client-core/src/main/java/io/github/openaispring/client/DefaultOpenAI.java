package io.github.openaispring.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.openaispring.core.Blocking;
import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.core.http.QueryString;
import io.github.openaispring.services.blocking.ChatService;
import io.github.openaispring.services.blocking.CompletionService;
import io.github.openaispring.services.blocking.EmbeddingService;
import io.github.openaispring.services.blocking.ModelService;
import io.github.openaispring.services.blocking.ModerationService;
import org.jspecify.annotations.Nullable;

/**
 * The blocking client: the reactive client's pipeline, waited for.
 */
final class DefaultOpenAI implements OpenAI {

	private final DefaultAsyncOpenAI async;

	private final CompletionService completions;

	private final ChatService chat;

	private final EmbeddingService embeddings;

	private final ModelService models;

	private final ModerationService moderations;

	DefaultOpenAI(DefaultAsyncOpenAI async) {
		this.async = async;
		this.completions = new CompletionService(async.completions());
		this.chat = new ChatService(async.chat());
		this.embeddings = new EmbeddingService(async.embeddings());
		this.models = new ModelService(async.models());
		this.moderations = new ModerationService(async.moderations());
	}

	@Override
	public CompletionService completions() {
		return this.completions;
	}

	@Override
	public ChatService chat() {
		return this.chat;
	}

	@Override
	public EmbeddingService embeddings() {
		return this.embeddings;
	}

	@Override
	public ModelService models() {
		return this.models;
	}

	@Override
	public ModerationService moderations() {
		return this.moderations;
	}

	@Override
	public AsyncOpenAI async() {
		return this.async;
	}

	@Override
	public OpenAI withOptions(Consumer<ClientOptions.Builder> change) {
		return new DefaultOpenAI((DefaultAsyncOpenAI) this.async.withOptions(change));
	}

	@Override
	public ClientOptions options() {
		return this.async.options();
	}

	@Override
	public Map<String, List<String>> authHeaders() {
		return HttpTransport.authHeaders(options());
	}

	@Override
	public Map<String, List<String>> defaultHeaders() {
		Map<String, List<String>> headers = new LinkedHashMap<>(authHeaders());
		headers.put("User-Agent", List.of(HttpTransport.userAgent()));
		headers.putAll(options().defaultHeaders());
		return headers;
	}

	@Override
	public String qs(Map<String, ?> params) {
		return QueryString.format(params);
	}

	@Override
	public <T> T get(String path, Class<T> responseType) {
		return get(path, responseType, RequestOptions.none());
	}

	@Override
	public <T> T get(String path, Class<T> responseType, RequestOptions options) {
		return Blocking.get(this.async.get(path, responseType, options));
	}

	@Override
	public <T> T post(String path, @Nullable Object body, Class<T> responseType) {
		return post(path, body, responseType, RequestOptions.none());
	}

	@Override
	public <T> T post(String path, @Nullable Object body, Class<T> responseType, RequestOptions options) {
		return Blocking.get(this.async.post(path, body, responseType, options));
	}

	@Override
	public <T> T patch(String path, @Nullable Object body, Class<T> responseType) {
		return patch(path, body, responseType, RequestOptions.none());
	}

	@Override
	public <T> T patch(String path, @Nullable Object body, Class<T> responseType, RequestOptions options) {
		return Blocking.get(this.async.patch(path, body, responseType, options));
	}

	@Override
	public <T> T delete(String path, Class<T> responseType) {
		return delete(path, responseType, RequestOptions.none());
	}

	@Override
	public <T> T delete(String path, Class<T> responseType, RequestOptions options) {
		return Blocking.get(this.async.delete(path, responseType, options));
	}

	@Override
	public void close() {
		this.async.close();
	}

	@Override
	public String toString() {
		return "OpenAI{" + options() + "}";
	}

}
