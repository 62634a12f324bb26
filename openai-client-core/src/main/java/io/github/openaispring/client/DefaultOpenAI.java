package io.github.openaispring.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.openaispring.core.Blocking;
import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.core.http.QueryString;
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
import io.github.openaispring.services.blocking.OpenAIResources;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * The blocking client: the reactive client's pipeline, waited for.
 */
final class DefaultOpenAI implements OpenAI {

	private final DefaultAsyncOpenAI async;

	private final OpenAIResources resources;

	DefaultOpenAI(DefaultAsyncOpenAI async) {
		this.async = async;
		this.resources = new OpenAIResources(async.resources());
	}

	@Override
	public CompletionService completions() {
		return this.resources.completions();
	}

	@Override
	public ChatService chat() {
		return this.resources.chat();
	}

	@Override
	public EmbeddingService embeddings() {
		return this.resources.embeddings();
	}

	@Override
	public AudioService audio() {
		return this.resources.audio();
	}

	@Override
	public FileService files() {
		return this.resources.files();
	}

	@Override
	public ImageService images() {
		return this.resources.images();
	}

	@Override
	public ModerationService moderations() {
		return this.resources.moderations();
	}

	@Override
	public ModelService models() {
		return this.resources.models();
	}

	@Override
	public FineTuningService fineTuning() {
		return this.resources.fineTuning();
	}

	@Override
	public VectorStoreService vectorStores() {
		return this.resources.vectorStores();
	}

	@Override
	public BetaService beta() {
		return this.resources.beta();
	}

	@Override
	public BatchService batches() {
		return this.resources.batches();
	}

	@Override
	public UploadService uploads() {
		return this.resources.uploads();
	}

	@Override
	public ResponseService responses() {
		return this.resources.responses();
	}

	@Override
	public ConversationService conversations() {
		return this.resources.conversations();
	}

	@Override
	public OpenAIResources.WithRawResponse withRawResponse() {
		return this.resources.withRawResponse();
	}

	@Override
	public OpenAIResources.WithStreamingResponse withStreamingResponse() {
		return this.resources.withStreamingResponse();
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
		return Blocking.get(this.async.context().callRaw(HttpMethod.GET, path, null, responseType, options)).parse();
	}

	@Override
	public <T> T post(String path, @Nullable Object body, Class<T> responseType) {
		return post(path, body, responseType, RequestOptions.none());
	}

	@Override
	public <T> T post(String path, @Nullable Object body, Class<T> responseType, RequestOptions options) {
		return Blocking.get(this.async.context().callRaw(HttpMethod.POST, path, body, responseType, options)).parse();
	}

	@Override
	public <T> T patch(String path, @Nullable Object body, Class<T> responseType) {
		return patch(path, body, responseType, RequestOptions.none());
	}

	@Override
	public <T> T patch(String path, @Nullable Object body, Class<T> responseType, RequestOptions options) {
		return Blocking.get(this.async.context().callRaw(HttpMethod.PATCH, path, body, responseType, options)).parse();
	}

	@Override
	public <T> T delete(String path, Class<T> responseType) {
		return delete(path, responseType, RequestOptions.none());
	}

	@Override
	public <T> T delete(String path, Class<T> responseType, RequestOptions options) {
		return Blocking.get(this.async.context().callRaw(HttpMethod.DELETE, path, null, responseType, options)).parse();
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
