package io.github.openaispring.services.blocking;

import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.Blocking;
import io.github.openaispring.models.CreateEmbeddingResponse;
import io.github.openaispring.models.EmbeddingCreateParams;
import io.github.openaispring.services.async.EmbeddingServiceAsync;

/**
 * Embeddings ({@code /embeddings}).
 *
 * @since 0.1.0
 */
public final class EmbeddingService {

	private final EmbeddingServiceAsync async;

	public EmbeddingService(EmbeddingServiceAsync async) {
		this.async = async;
	}

	/**
	 * Create embeddings of one or more inputs; see {@link EmbeddingServiceAsync#create}.
	 * @param params the request
	 * @return the embeddings
	 */
	public CreateEmbeddingResponse create(EmbeddingCreateParams params) {
		return create(params, RequestOptions.none());
	}

	public CreateEmbeddingResponse create(EmbeddingCreateParams params, RequestOptions options) {
		return Blocking.get(this.async.create(params, options));
	}

}
