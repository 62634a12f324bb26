package io.github.openaispring.services.async;

import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.http.ClientContext;
import io.github.openaispring.core.http.Endpoint;
import io.github.openaispring.models.CreateEmbeddingResponse;
import io.github.openaispring.models.EmbeddingCreateParams;
import reactor.core.publisher.Mono;

/**
 * Embeddings ({@code /embeddings}).
 *
 * @since 0.1.0
 */
public final class EmbeddingServiceAsync {

	private static final Endpoint<CreateEmbeddingResponse> CREATE = Endpoint.post("embeddings.create", "/embeddings",
			CreateEmbeddingResponse.class);

	private final ClientContext context;

	public EmbeddingServiceAsync(ClientContext context) {
		this.context = context;
	}

	/**
	 * Create embeddings of one or more inputs: {@code POST /embeddings}. When the params leave
	 * {@code encoding_format} unset, the client asks for {@code base64} (a quarter of the bytes
	 * of decimal floats) and decodes it, so {@code embedding()} is a list of numbers either way;
	 * {@code base64} set explicitly is decoded the same way. A base64 value that is not
	 * little-endian float32 values fails with an {@code APIResponseValidationException}.
	 * @param params the request
	 * @return the embeddings
	 */
	public Mono<CreateEmbeddingResponse> create(EmbeddingCreateParams params) {
		return create(params, RequestOptions.none());
	}

	public Mono<CreateEmbeddingResponse> create(EmbeddingCreateParams params, RequestOptions options) {
		// The client's JSON mapper reads either form into the list of numbers.
		EmbeddingCreateParams request = (params.encodingFormat() != null) ? params
				: params.toBuilder().encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64).build();
		return this.context.call(CREATE, request, options);
	}

}
