package io.github.openaispring.core;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an embedding vector in either of the forms the API sends: a JSON array of numbers, or
 * (with {@code "encoding_format": "base64"}) a base64 string of little-endian float32 values.
 * Decoding while parsing, rather than rewriting a JSON tree afterwards, keeps base64 the cheap
 * form it is meant to be (measured in the benchmark).
 */
final class EmbeddingVectorDeserializer extends ValueDeserializer<Optional<List<Double>>> {

	@Override
	public Optional<List<Double>> deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			return Optional.of(decode(parser.getString(), context));
		}
		if (parser.currentToken() != JsonToken.START_ARRAY) {
			return (Optional<List<Double>>) context.handleUnexpectedToken(Optional.class, parser);
		}
		List<Double> values = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (!token.isNumeric()) {
				context.reportInputMismatch(this, "Expected a number in the embedding, found %s", token);
			}
			values.add(parser.getDoubleValue());
		}
		return Optional.of(values);
	}

	@Override
	public Optional<List<Double>> getNullValue(DeserializationContext context) {
		return Optional.empty();
	}

	private List<Double> decode(String base64, DeserializationContext context) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			return context.reportInputMismatch(this, "Cannot decode the base64 embedding: %s", ex.getMessage());
		}
		if (bytes.length % Float.BYTES != 0) {
			return context.reportInputMismatch(this,
					"The base64 embedding is %d bytes, not a whole number of float32 values", bytes.length);
		}
		float[] values = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		return new FloatVector(values);
	}

	/**
	 * The numbers of a decoded embedding, kept as the float32 values they came as and boxed
	 * only when read: a 1,536-value vector is 6 KB instead of 1,536 {@code Double} objects.
	 */
	private static final class FloatVector extends AbstractList<Double> implements RandomAccess {

		private final float[] values;

		FloatVector(float[] values) {
			this.values = values;
		}

		@Override
		public Double get(int index) {
			return (double) this.values[index];
		}

		@Override
		public int size() {
			return this.values.length;
		}

	}

}
