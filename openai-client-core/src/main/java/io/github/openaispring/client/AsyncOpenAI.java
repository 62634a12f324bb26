package io.github.openaispring.client;

import java.util.function.Consumer;

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
import reactor.core.publisher.Mono;

/**
 * The reactive OpenAI client: each call returns a Reactor {@link Mono} or, for streams and
 * lists, a {@link reactor.core.publisher.Flux}; nothing is sent until it is subscribed to, and
 * no thread is blocked. {@link #sync()} is the blocking client over the same connection pool.
 *
 * @since 0.1.0
 */
public interface AsyncOpenAI extends AutoCloseable {

	/**
	 * Build a reactive client from the environment; see {@link OpenAI#fromEnv()}.
	 * @return the client
	 */
	static AsyncOpenAI fromEnv() {
		return OpenAI.fromEnv().async();
	}

	/**
	 * Return the completions resource: {@code /completions}: text completions from a prompt (legacy).
	 * @return the resource
	 */
	CompletionServiceAsync completions();

	/**
	 * Return the chat resource: {@code /chat}: chat completions.
	 * @return the resource
	 */
	ChatServiceAsync chat();

	/**
	 * Return the embeddings resource: {@code /embeddings}: vectors of texts.
	 * @return the resource
	 */
	EmbeddingServiceAsync embeddings();

	/**
	 * Return the audio resource: {@code /audio}: speech, transcriptions and translations.
	 * @return the resource
	 */
	AudioServiceAsync audio();

	/**
	 * Return the files resource: {@code /files}: files for fine-tuning, batches, assistants and vector stores.
	 * @return the resource
	 */
	FileServiceAsync files();

	/**
	 * Return the images resource: {@code /images}: generate and edit images.
	 * @return the resource
	 */
	ImageServiceAsync images();

	/**
	 * Return the moderations resource: {@code /moderations}: classify text and images.
	 * @return the resource
	 */
	ModerationServiceAsync moderations();

	/**
	 * Return the models resource: {@code /models}: the models available.
	 * @return the resource
	 */
	ModelServiceAsync models();

	/**
	 * Return the fineTuning resource: {@code /fine_tuning}: fine-tuning jobs, checkpoints and graders.
	 * @return the resource
	 */
	FineTuningServiceAsync fineTuning();

	/**
	 * Return the vectorStores resource: {@code /vector_stores}: vector stores, their files and search.
	 * @return the resource
	 */
	VectorStoreServiceAsync vectorStores();

	/**
	 * Return the beta resource: the beta APIs: assistants and threads.
	 * @return the resource
	 */
	BetaServiceAsync beta();

	/**
	 * Return the batches resource: {@code /batches}: batch jobs over a JSONL file.
	 * @return the resource
	 */
	BatchServiceAsync batches();

	/**
	 * Return the uploads resource: {@code /uploads}: large files sent in parts.
	 * @return the resource
	 */
	UploadServiceAsync uploads();

	/**
	 * Return the responses resource: {@code /responses}: the Responses API.
	 * @return the resource
	 */
	ResponseServiceAsync responses();

	/**
	 * Return the conversations resource: {@code /conversations}: conversations used with responses.
	 * @return the resource
	 */
	ConversationServiceAsync conversations();

	/**
	 * Return the resources with operations that return the response as it came: status,
	 * headers, request id, and the body parsed when asked
	 * ({@code client.withRawResponse().chat().completions().create(params)}).
	 * @return the resources
	 */
	OpenAIResourcesAsync.WithRawResponse withRawResponse();

	/**
	 * Return the resources with operations that return the response as soon as its headers
	 * arrive, without reading its body until asked: status, headers and request id at once,
	 * then the body as it comes ({@code body()}) or parsed as the usual result
	 * ({@code parse()}). Each response holds its connection until its body is read, so read
	 * it or discard it:
	 * <pre>{@code
	 * client.withStreamingResponse().chat().completions().create(params)
	 *     .flatMap(AsyncStreamingResponse::parse);
	 * }</pre>
	 * Operations whose response is a file return the same {@code AsyncBinaryResponse} as
	 * without the view, which already leaves the body unread; operations that stream events
	 * ({@code createStreaming}) are not in the view, as their events are read as they arrive.
	 * @return the resources
	 */
	OpenAIResourcesAsync.WithStreamingResponse withStreamingResponse();

	/**
	 * Return the blocking client over the same options and connection pool.
	 * @return the blocking client
	 */
	OpenAI sync();

	/**
	 * Return a client with changed options over the same connection pool.
	 * @param change changes the options
	 * @return the new client
	 */
	AsyncOpenAI withOptions(Consumer<ClientOptions.Builder> change);

	/**
	 * Return the options this client calls with.
	 * @return the options
	 */
	ClientOptions options();

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code GET}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @return the response when subscribed to; empty for {@code Void.class}
	 */
	<T> Mono<T> get(String path, Class<T> responseType);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code GET}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @param options the call's options, over the client's
	 * @return the response when subscribed to; empty for {@code Void.class}
	 */
	<T> Mono<T> get(String path, Class<T> responseType, RequestOptions options);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code POST}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param body the JSON body, or {@code null} for none
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @return the response when subscribed to; empty for {@code Void.class}
	 */
	<T> Mono<T> post(String path, @Nullable Object body, Class<T> responseType);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code POST}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param body the JSON body, or {@code null} for none
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @param options the call's options, over the client's
	 * @return the response when subscribed to; empty for {@code Void.class}
	 */
	<T> Mono<T> post(String path, @Nullable Object body, Class<T> responseType, RequestOptions options);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code PATCH}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param body the JSON body, or {@code null} for none
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @return the response when subscribed to; empty for {@code Void.class}
	 */
	<T> Mono<T> patch(String path, @Nullable Object body, Class<T> responseType);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code PATCH}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param body the JSON body, or {@code null} for none
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @param options the call's options, over the client's
	 * @return the response when subscribed to; empty for {@code Void.class}
	 */
	<T> Mono<T> patch(String path, @Nullable Object body, Class<T> responseType, RequestOptions options);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code DELETE}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @return the response when subscribed to; empty for {@code Void.class}
	 */
	<T> Mono<T> delete(String path, Class<T> responseType);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code DELETE}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @param options the call's options, over the client's
	 * @return the response when subscribed to; empty for {@code Void.class}
	 */
	<T> Mono<T> delete(String path, Class<T> responseType, RequestOptions options);

	/**
	 * Close the connection pool, shared by every client derived from this one, and every
	 * connection of it, idle or in use: a call or a stream still under way fails with an
	 * {@code APIConnectionException}. A client is {@link AutoCloseable}, so
	 * try-with-resources closes it.
	 */
	@Override
	void close();

}
