package io.github.openaispring.client;

import java.util.function.Consumer;

import io.github.openaispring.services.async.ChatServiceAsync;
import io.github.openaispring.services.async.CompletionServiceAsync;
import io.github.openaispring.services.async.EmbeddingServiceAsync;
import io.github.openaispring.services.async.ModelServiceAsync;
import io.github.openaispring.services.async.ModerationServiceAsync;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The reactive OpenAI client: each call returns a Reactor {@link Mono} or, for streams and
 * lists, a {@link reactor.core.publisher.Flux}; nothing is sent until it is subscribed to, and
 * no thread is blocked. {@link #sync()} is the blocking client over the same connection pool.
 *
 * @since 0.1.0
 */
public interface AsyncOpenAI {

	/**
	 * Build a reactive client from the environment; see {@link OpenAI#fromEnv()}.
	 * @return the client
	 */
	static AsyncOpenAI fromEnv() {
		return OpenAI.fromEnv().async();
	}

	CompletionServiceAsync completions();

	ChatServiceAsync chat();

	EmbeddingServiceAsync embeddings();

	ModelServiceAsync models();

	ModerationServiceAsync moderations();

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

	ClientOptions options();

	<T> Mono<T> get(String path, Class<T> responseType);

	<T> Mono<T> get(String path, Class<T> responseType, RequestOptions options);

	<T> Mono<T> post(String path, @Nullable Object body, Class<T> responseType);

	<T> Mono<T> post(String path, @Nullable Object body, Class<T> responseType, RequestOptions options);

	<T> Mono<T> patch(String path, @Nullable Object body, Class<T> responseType);

	<T> Mono<T> patch(String path, @Nullable Object body, Class<T> responseType, RequestOptions options);

	<T> Mono<T> delete(String path, Class<T> responseType);

	<T> Mono<T> delete(String path, Class<T> responseType, RequestOptions options);

	/**
	 * Close the connection pool, shared by every client derived from this one.
	 */
	void close();

}
