package io.github.openaispring.services.blocking;

import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.client.StreamResponse;
import io.github.openaispring.core.Blocking;
import io.github.openaispring.models.Completion;
import io.github.openaispring.models.CompletionCreateParams;
import io.github.openaispring.services.async.CompletionServiceAsync;

/**
 * Legacy text completions ({@code /completions}).
 *
 * @since 0.1.0
 */
public final class CompletionService {

	private final CompletionServiceAsync async;

	public CompletionService(CompletionServiceAsync async) {
		this.async = async;
	}

	/**
	 * Create a completion: {@code POST /completions}.
	 * @param params the request
	 * @return the completion
	 */
	public Completion create(CompletionCreateParams params) {
		return create(params, RequestOptions.none());
	}

	public Completion create(CompletionCreateParams params, RequestOptions options) {
		return Blocking.get(this.async.create(params, options));
	}

	/**
	 * Create a completion streamed as it is generated.
	 * @param params the request
	 * @return the partial completions, to be closed
	 */
	public StreamResponse<Completion> createStreaming(CompletionCreateParams params) {
		return createStreaming(params, RequestOptions.none());
	}

	public StreamResponse<Completion> createStreaming(CompletionCreateParams params, RequestOptions options) {
		return StreamResponse.of(this.async.createStreaming(params, options));
	}

}
