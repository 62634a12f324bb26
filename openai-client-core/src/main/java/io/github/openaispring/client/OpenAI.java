package io.github.openaispring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.github.openaispring.core.http.ExchangeListener;
import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.core.http.ProxySettings;
import io.github.openaispring.core.http.OpenAIRetryPolicy;
import io.github.openaispring.core.http.RetryListener;
import io.github.openaispring.core.http.RetryPolicyFactory;
import io.github.openaispring.core.http.TransportSettings;
import io.github.openaispring.errors.OpenAIException;
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
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The blocking OpenAI client: one accessor per resource of the API. Build one with
 * {@link #builder()} or {@link #fromEnv()}; it is thread-safe and meant to be shared.
 * {@link #async()} is the reactive client over the same connection pool.
 *
 * @since 0.1.0
 */
public interface OpenAI extends AutoCloseable {

	/**
	 * Return a builder of a client.
	 * @return the builder
	 */
	static Builder builder() {
		return new Builder();
	}

	/**
	 * Build a client from the environment: {@code OPENAI_API_KEY}, {@code OPENAI_ORG_ID},
	 * {@code OPENAI_PROJECT_ID} and {@code OPENAI_BASE_URL}.
	 * @return the client
	 */
	static OpenAI fromEnv() {
		return builder().fromEnv(System::getenv).build();
	}

	/**
	 * Return the completions resource: {@code /completions}: text completions from a prompt (legacy).
	 * @return the resource
	 */
	CompletionService completions();

	/**
	 * Return the chat resource: {@code /chat}: chat completions.
	 * @return the resource
	 */
	ChatService chat();

	/**
	 * Return the embeddings resource: {@code /embeddings}: vectors of texts.
	 * @return the resource
	 */
	EmbeddingService embeddings();

	/**
	 * Return the audio resource: {@code /audio}: speech, transcriptions and translations.
	 * @return the resource
	 */
	AudioService audio();

	/**
	 * Return the files resource: {@code /files}: files for fine-tuning, batches, assistants and vector stores.
	 * @return the resource
	 */
	FileService files();

	/**
	 * Return the images resource: {@code /images}: generate and edit images.
	 * @return the resource
	 */
	ImageService images();

	/**
	 * Return the moderations resource: {@code /moderations}: classify text and images.
	 * @return the resource
	 */
	ModerationService moderations();

	/**
	 * Return the models resource: {@code /models}: the models available.
	 * @return the resource
	 */
	ModelService models();

	/**
	 * Return the fineTuning resource: {@code /fine_tuning}: fine-tuning jobs, checkpoints and graders.
	 * @return the resource
	 */
	FineTuningService fineTuning();

	/**
	 * Return the vectorStores resource: {@code /vector_stores}: vector stores, their files and search.
	 * @return the resource
	 */
	VectorStoreService vectorStores();

	/**
	 * Return the beta resource: the beta APIs: assistants and threads.
	 * @return the resource
	 */
	BetaService beta();

	/**
	 * Return the batches resource: {@code /batches}: batch jobs over a JSONL file.
	 * @return the resource
	 */
	BatchService batches();

	/**
	 * Return the uploads resource: {@code /uploads}: large files sent in parts.
	 * @return the resource
	 */
	UploadService uploads();

	/**
	 * Return the responses resource: {@code /responses}: the Responses API.
	 * @return the resource
	 */
	ResponseService responses();

	/**
	 * Return the conversations resource: {@code /conversations}: conversations used with responses.
	 * @return the resource
	 */
	ConversationService conversations();

	/**
	 * Return the resources with operations that return the response as it came: status,
	 * headers, request id, and the body parsed when asked
	 * ({@code client.withRawResponse().chat().completions().create(params)}).
	 * @return the resources
	 */
	OpenAIResources.WithRawResponse withRawResponse();

	/**
	 * Return the resources with operations that return the response as soon as its headers
	 * arrive, without reading its body until asked: status, headers and request id at once,
	 * then the body as it comes ({@code body()}) or parsed as the usual result
	 * ({@code parse()}). Each response holds its connection until its body is read, so close
	 * it, with try-with-resources:
	 * <pre>{@code
	 * try (StreamingResponse<ChatCompletion> response =
	 *         client.withStreamingResponse().chat().completions().create(params)) {
	 *     String requestId = response.requestId();
	 *     ChatCompletion completion = response.parse();
	 * }
	 * }</pre>
	 * Operations whose response is a file return the same {@code BinaryResponse} as without
	 * the view, which already leaves the body unread; operations that stream events
	 * ({@code createStreaming}) are not in the view, as their events are read as they arrive.
	 * @return the resources
	 */
	OpenAIResources.WithStreamingResponse withStreamingResponse();

	/**
	 * Return the reactive client over the same options and connection pool.
	 * @return the reactive client
	 */
	AsyncOpenAI async();

	/**
	 * Return a client with changed options over the same connection pool; this client is
	 * unchanged.
	 * @param change changes the options
	 * @return the new client
	 */
	OpenAI withOptions(Consumer<ClientOptions.Builder> change);

	/**
	 * Return this client's options.
	 * @return the options
	 */
	/**
	 * Return the options this client calls with.
	 * @return the options
	 */
	ClientOptions options();

	/**
	 * Return the headers that say who is calling: {@code Authorization},
	 * {@code OpenAI-Organization}, {@code OpenAI-Project}.
	 * @return the headers
	 */
	Map<String, List<String>> authHeaders();

	/**
	 * Return the headers sent with every request: the authentication headers, the
	 * {@code User-Agent}, and the configured default headers.
	 * @return the headers
	 */
	Map<String, List<String>> defaultHeaders();

	/**
	 * Format query parameters as OpenAI's API reads them ({@code key[]=a&key[]=b},
	 * {@code key[sub]=v}).
	 * @param params the parameters
	 * @return the query string
	 */
	String qs(Map<String, ?> params);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code GET}.
	 * @param <T> the response type
	 * @param path the path below the base URL, such as {@code /responses/feedback}
	 * @param responseType the type to read the JSON response as, {@code Void.class} to
	 * ignore it
	 * @return the response, {@code null} for {@code Void.class}
	 */
	<T> T get(String path, Class<T> responseType);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code GET}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @param options the call's options, over the client's
	 * @return the response, {@code null} for {@code Void.class}
	 */
	<T> T get(String path, Class<T> responseType, RequestOptions options);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code POST}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param body the JSON body, or {@code null} for none
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @return the response, {@code null} for {@code Void.class}
	 */
	<T> T post(String path, @Nullable Object body, Class<T> responseType);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code POST}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param body the JSON body, or {@code null} for none
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @param options the call's options, over the client's
	 * @return the response, {@code null} for {@code Void.class}
	 */
	<T> T post(String path, @Nullable Object body, Class<T> responseType, RequestOptions options);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code PATCH}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param body the JSON body, or {@code null} for none
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @return the response, {@code null} for {@code Void.class}
	 */
	<T> T patch(String path, @Nullable Object body, Class<T> responseType);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code PATCH}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param body the JSON body, or {@code null} for none
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @param options the call's options, over the client's
	 * @return the response, {@code null} for {@code Void.class}
	 */
	<T> T patch(String path, @Nullable Object body, Class<T> responseType, RequestOptions options);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code DELETE}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @return the response, {@code null} for {@code Void.class}
	 */
	<T> T delete(String path, Class<T> responseType);

	/**
	 * Call a path the typed API does not cover, with the same authentication, retries and
	 * errors: {@code DELETE}.
	 * @param <T> the response type
	 * @param path the path below the base URL
	 * @param responseType the type to read the JSON response as, {@code Void.class} to ignore it
	 * @param options the call's options, over the client's
	 * @return the response, {@code null} for {@code Void.class}
	 */
	<T> T delete(String path, Class<T> responseType, RequestOptions options);

	/**
	 * Close the connection pool, shared by every client derived from this one, and every
	 * connection of it, idle or in use: a call or a stream still under way fails with an
	 * {@code APIConnectionException}. A client is {@link AutoCloseable}, so
	 * try-with-resources closes it.
	 */
	@Override
	void close();

	/**
	 * The builder of a client: its {@link ClientOptions}, and how it connects (fixed for the
	 * clients derived from it).
	 */
	final class Builder extends ClientOptions.AbstractBuilder<Builder> {

		private WebClient.@Nullable Builder webClientBuilder;

		private TransportSettings transport = TransportSettings.DEFAULTS;

		private RetryListener retryListener = RetryListener.NONE;

		private @Nullable Function<Duration, Mono<?>> sleeper;

		private RetryPolicyFactory retryPolicies = RetryPolicyFactory.DEFAULT;

		private final List<ExchangeListener> exchangeListeners = new ArrayList<>();

		private @Nullable ProxySettings proxy;

		private UnaryOperator<HttpClient> httpClientCustomizer = UnaryOperator.identity();

		Builder() {
		}

		/**
		 * Start from a {@link WebClient.Builder}, such as Spring Boot's, so that its filters,
		 * observation and customizers apply. It is cloned, not changed; the client sets its own
		 * connector and JSON handling on the clone.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * Set how long to wait for a connection.
		 * @param connectTimeout the connect timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.transport = new TransportSettings(this.transport.poolName(), this.transport.maxConnections(),
					connectTimeout, this.transport.maxInMemorySize());
			return this;
		}

		/**
		 * Set the name and size of the connection pool.
		 * @param poolName the name, seen in Reactor Netty's metrics
		 * @param maxConnections the most connections open at once
		 * @return this builder
		 */
		public Builder connectionPool(String poolName, int maxConnections) {
			this.transport = new TransportSettings(poolName, maxConnections, this.transport.connectTimeout(),
					this.transport.maxInMemorySize());
			return this;
		}

		/**
		 * Set the largest response body, and the largest event of a stream, read into memory:
		 * a larger one fails the call rather than exhausting the heap. Files and audio read as
		 * they come ({@code body()}, {@code inputStream()}) are not held whole, so it does not
		 * limit them. By default 256 MB.
		 * @param maxInMemorySize the limit, in bytes
		 * @return this builder
		 */
		public Builder maxInMemorySize(int maxInMemorySize) {
			if (maxInMemorySize <= 0) {
				throw new OpenAIException("maxInMemorySize must be positive, was " + maxInMemorySize);
			}
			this.transport = new TransportSettings(this.transport.poolName(), this.transport.maxConnections(),
					this.transport.connectTimeout(), maxInMemorySize);
			return this;
		}

		/**
		 * Count retries in a Micrometer registry as {@code openai.client.retries}, tagged with
		 * the operation, the cause, and {@code client=default}.
		 * @param meterRegistry the registry
		 * @return this builder
		 */
		public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry meterRegistry) {
			return retryListener(new MicrometerRetryListener(meterRegistry));
		}

		/**
		 * Tell a listener of every retry.
		 * @param retryListener the listener
		 * @return this builder
		 */
		public Builder retryListener(RetryListener retryListener) {
			this.retryListener = retryListener;
			return this;
		}

		/**
		 * Add a listener told of every call the client makes (its start, each response, each
		 * stream event, its end), such as one that records metrics. Every listener added is
		 * told, in the order added.
		 * @param exchangeListener the listener
		 * @return this builder
		 */
		public Builder exchangeListener(ExchangeListener exchangeListener) {
			this.exchangeListeners.add(exchangeListener);
			return this;
		}

		/**
		 * Connect through an HTTP proxy.
		 * @param proxy the proxy, or {@code null} to connect directly
		 * @return this builder
		 */
		public Builder proxy(@Nullable ProxySettings proxy) {
			this.proxy = proxy;
			return this;
		}

		/**
		 * Customize the Reactor Netty {@link HttpClient} the client builds its connector from,
		 * after the client's own settings (pool, connect timeout, proxy, a response header limit
		 * of 64 KiB): a company CA or client certificate ({@code secure(..)}), a wiretap, a
		 * resolver, other Netty options. Each call adds one, applied in order. A customizer that
		 * sets {@code httpResponseDecoder(..)} starts from Reactor Netty's defaults, its 8 KiB
		 * header limit included.
		 * @param customizer returns the customized client
		 * @return this builder
		 */
		public Builder httpClientCustomizer(UnaryOperator<HttpClient> customizer) {
			UnaryOperator<HttpClient> before = this.httpClientCustomizer;
			this.httpClientCustomizer = (httpClient) -> customizer.apply(before.apply(httpClient));
			return this;
		}

		/**
		 * Replace how the client waits before a retry; tests use it to record the waits
		 * instead of spending them.
		 * @param sleeper returns a {@link Mono} that completes after the given duration
		 * @return this builder
		 */
		public Builder retrySleeper(Function<Duration, Mono<?>> sleeper) {
			this.sleeper = sleeper;
			return this;
		}

		/**
		 * Set what makes the retry policy of each call; by default {@link OpenAIRetryPolicy}.
		 * @param retryPolicies makes a policy per call
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicyFactory retryPolicies) {
			this.retryPolicies = retryPolicies;
			return this;
		}

		/**
		 * Build the blocking client.
		 * @return the client
		 * @throws io.github.openaispring.errors.OpenAIException if an option is invalid or no
		 * API key is set for OpenAI's base URL
		 */
		public OpenAI build() {
			ClientOptions options = buildOptions();
			return new DefaultOpenAI(new DefaultAsyncOpenAI(options, new HttpTransport(this.transport,
					this.webClientBuilder, this.retryListener, this.sleeper, ExchangeListener.of(this.exchangeListeners),
					this.proxy, this.retryPolicies, this.httpClientCustomizer)));
		}

		/**
		 * Build the reactive client.
		 * @return the client
		 */
		public AsyncOpenAI buildAsync() {
			return build().async();
		}

	}

}
