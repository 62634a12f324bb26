package io.github.openaispring.services.async;

import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.http.ClientContext;
import io.github.openaispring.core.http.Endpoint;
import io.github.openaispring.models.Completion;
import io.github.openaispring.models.CompletionCreateParams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Legacy text completions ({@code /completions}).
 *
 * @since 0.1.0
 */
public final class CompletionServiceAsync {

	private static final Endpoint<Completion> CREATE = Endpoint
		.post("completions.create", "/completions", Completion.class);

	private final ClientContext context;

	public CompletionServiceAsync(ClientContext context) {
		this.context = context;
	}

	/**
	 * Create a completion: {@code POST /completions}.
	 * @param params the request
	 * @return the completion
	 */
	public Mono<Completion> create(CompletionCreateParams params) {
		return create(params, RequestOptions.none());
	}

	public Mono<Completion> create(CompletionCreateParams params, RequestOptions options) {
		return this.context.call(CREATE, params, options);
	}

	/**
	 * Create a completion streamed as it is generated: {@code POST /completions} with
	 * {@code "stream": true}.
	 * @param params the request
	 * @return the partial completions; cancel to end the stream
	 */
	public Flux<Completion> createStreaming(CompletionCreateParams params) {
		return createStreaming(params, RequestOptions.none());
	}

	public Flux<Completion> createStreaming(CompletionCreateParams params, RequestOptions options) {
		return this.context.stream(CREATE, Completion.class, params, options);
	}

}
