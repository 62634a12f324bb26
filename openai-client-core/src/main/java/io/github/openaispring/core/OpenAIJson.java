package io.github.openaispring.core;

import java.util.List;
import java.util.Optional;

import io.github.openaispring.errors.OpenAIInvalidDataException;
import io.github.openaispring.models.Embedding;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the client. It is owned by the client and never shared with, or
 * replaced by, the application's mapper, so that an application's Jackson settings cannot
 * change what goes over the wire.
 * <p>
 * Reading is lenient about what the server may add (unknown fields are kept by the models,
 * unknown enum values and union variants parse) and strict about what it must not do (a
 * string where a number is declared is an error, not a silent coercion). Every failure is an
 * {@link OpenAIInvalidDataException} that names the field path or the offset in the input.
 *
 * @since 0.1.0
 */
public final class OpenAIJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
		.addMixIn(Embedding.class, EmbeddingMixin.class)
		.build();

	private OpenAIJson() {
	}

	/** Reads {@link Embedding#embedding()} from floats or from base64. */
	abstract static class EmbeddingMixin {

		@JsonDeserialize(using = EmbeddingVectorDeserializer.class)
		@Nullable Optional<List<Double>> embedding;

	}

	/**
	 * Return the client's mapper.
	 * @return the mapper
	 */
	/**
	 * A reader per type, made once: {@code readValue(json, Class)} resolves the type on every
	 * call, which a stream of a thousand chunks notices.
	 */
	private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {

		@Override
		protected ObjectReader computeValue(Class<?> type) {
			return MAPPER.readerFor(type);
		}

	};

	/**
	 * Return the client's own JSON mapper, never the application's.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Read a value from JSON text.
	 * @param <T> the type to read
	 * @param json the JSON text
	 * @param type the type to read
	 * @return the value
	 * @throws OpenAIInvalidDataException if the text is not JSON or does not fit the type
	 */
	public static <T> T read(String json, Class<T> type) {
		try {
			return READERS.get(type).readValue(json);
		}
		catch (JacksonException ex) {
			throw invalid(type.getSimpleName(), ex);
		}
	}

	/**
	 * Read a value from JSON bytes (UTF-8).
	 * @param <T> the type to read
	 * @param json the JSON bytes
	 * @param type the type to read
	 * @return the value
	 * @throws OpenAIInvalidDataException if the bytes are not JSON or do not fit the type
	 */
	public static <T> T read(byte[] json, Class<T> type) {
		try {
			return READERS.get(type).readValue(json);
		}
		catch (JacksonException ex) {
			throw invalid(type.getSimpleName(), ex);
		}
	}

	/**
	 * Read a value from a JSON tree.
	 * @param <T> the type to read
	 * @param json the JSON tree
	 * @param type the type to read
	 * @return the value
	 * @throws OpenAIInvalidDataException if the tree does not fit the type
	 */
	public static <T> T read(JsonNode json, Class<T> type) {
		try {
			return MAPPER.treeToValue(json, type);
		}
		catch (JacksonException ex) {
			throw invalid(type.getSimpleName(), ex);
		}
	}

	/**
	 * Read a generic value, such as a list, from JSON text.
	 * @param <T> the type to read
	 * @param json the JSON text
	 * @param type the type to read
	 * @return the value
	 * @throws OpenAIInvalidDataException if the text is not JSON or does not fit the type
	 */
	public static <T> T read(String json, TypeReference<T> type) {
		try {
			return MAPPER.readValue(json, type);
		}
		catch (JacksonException ex) {
			throw invalid(type.getType().getTypeName(), ex);
		}
	}

	/**
	 * Write a value as JSON text.
	 * @param value the value, typically a generated model or params object
	 * @return the JSON text
	 */
	public static String write(@Nullable Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new OpenAIInvalidDataException("Cannot write " + describe(value) + " as JSON: "
					+ ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Write a value as a JSON tree.
	 * @param value the value, typically a generated model or params object
	 * @return the JSON tree
	 */
	public static JsonNode toTree(@Nullable Object value) {
		try {
			return MAPPER.valueToTree(value);
		}
		catch (JacksonException ex) {
			throw new OpenAIInvalidDataException("Cannot write " + describe(value) + " as JSON: "
					+ ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Turn a Jackson failure into the client's exception, naming the JSON path of the field
	 * that failed and, for malformed input, the offset where reading stopped. The input
	 * itself is not quoted, so nothing the server sent (or a secret in it) leaks into logs.
	 * @param target the name of the type being read
	 * @param ex the Jackson failure
	 * @return the exception to throw
	 */
	private static OpenAIInvalidDataException invalid(String target, JacksonException ex) {
		StringBuilder message = new StringBuilder("Cannot read ").append(target).append(" from JSON");
		List<JacksonException.Reference> path = ex.getPath();
		if (!path.isEmpty()) {
			message.append(" at field ").append(jsonPath(path));
		}
		TokenStreamLocation location = ex.getLocation();
		if (location != null) {
			long offset = (location.getCharOffset() >= 0) ? location.getCharOffset() : location.getByteOffset();
			if (offset >= 0) {
				message.append(" at offset ").append(offset);
			}
			if (location.getLineNr() > 0) {
				message.append(" (line ").append(location.getLineNr()).append(", column ")
					.append(location.getColumnNr()).append(')');
			}
		}
		message.append(": ").append(firstLine(ex.getOriginalMessage()));
		return new OpenAIInvalidDataException(message.toString(), ex);
	}

	private static String jsonPath(List<JacksonException.Reference> path) {
		StringBuilder result = new StringBuilder("$");
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				result.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				result.append('[').append(reference.getIndex()).append(']');
			}
		}
		return result.toString();
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unknown error";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

	private static String describe(@Nullable Object value) {
		return (value != null) ? value.getClass().getSimpleName() : "null";
	}

}
