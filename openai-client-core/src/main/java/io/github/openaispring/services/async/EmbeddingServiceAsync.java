package io.github.openaispring.services.async;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Base64;

import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.http.ClientContext;
import io.github.openaispring.core.http.Endpoint;
import io.github.openaispring.core.http.ErrorMapper;
import io.github.openaispring.core.http.HttpResult;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import io.github.openaispring.models.CreateEmbeddingResponse;
import io.github.openaispring.models.EmbeddingCreateParams;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
		EmbeddingCreateParams.EncodingFormat format = params.encodingFormat();
		if (EmbeddingCreateParams.EncodingFormat.FLOAT.equals(format)) {
			return this.context.call(CREATE, params, options);
		}
		// Unset: ask for base64. Base64 asked for explicitly is decoded too, since embedding()
		// is a list of numbers either way.
		EmbeddingCreateParams base64 = (format != null) ? params
				: params.toBuilder().encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64).build();
		return this.context.execute(CREATE, base64, options).map(EmbeddingServiceAsync::decode);
	}

	private static CreateEmbeddingResponse decode(HttpResult result) {
		JsonNode tree = ClientContext.tree(result);
		int index = 0;
		for (JsonNode item : tree.path("data")) {
			JsonNode embedding = item.get("embedding");
			if (item instanceof ObjectNode object && embedding != null && embedding.isString()) {
				FloatBuffer floats = floats(result, embedding.stringValue(), index);
				ArrayNode values = object.putArray("embedding");
				while (floats.hasRemaining()) {
					values.add(floats.get());
				}
			}
			index++;
		}
		return ClientContext.read(result, tree, CreateEmbeddingResponse.class);
	}

	private static FloatBuffer floats(HttpResult result, String base64, int index) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw ErrorMapper.invalidBody(result, new OpenAIInvalidDataException(
					"Cannot decode the base64 embedding at $.data[" + index + "].embedding: " + ex.getMessage(), ex));
		}
		if (bytes.length % Float.BYTES != 0) {
			throw ErrorMapper.invalidBody(result, new OpenAIInvalidDataException("The base64 embedding at $.data["
					+ index + "].embedding is " + bytes.length + " bytes, not a whole number of float32 values"));
		}
		return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
	}

}
