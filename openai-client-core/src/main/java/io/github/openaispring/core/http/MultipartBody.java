package io.github.openaispring.core.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;

/**
 * The body of a {@code multipart/form-data} request: its parts in order, each a text field or
 * a file. Files stay {@link UploadFile}s until the request is written, once per attempt, by
 * Spring's {@code MultipartHttpMessageWriter}, which streams each file's resource rather than
 * reading it into memory.
 * <p>
 * A params object becomes parts the way OpenAI's SDKs encode forms: a field is a text part;
 * a list is one part per item named {@code name[]} ({@code timestamp_granularities[]},
 * {@code image[]}); an object is one part per field named {@code name[field]}
 * ({@code expires_after[anchor]}); numbers and booleans are written as JSON writes them;
 * {@code null} fields are left out.
 *
 * @param parts the parts, in order
 * @since 0.1.0
 */
public record MultipartBody(List<Part> parts) {

	/** Writes an upload into a token buffer as itself, so that the tree of a params object holds it. */
	private static final JsonMapper TREE_MAPPER = OpenAIJson.mapper()
		.rebuild()
		.addModule(new SimpleModule("openai-multipart").addSerializer(UploadFile.class, new ValueSerializer<>() {
			@Override
			public void serialize(UploadFile value, JsonGenerator generator, SerializationContext context) {
				generator.writeEmbeddedObject(value);
			}
		}))
		.build();

	/**
	 * Create a form; the parts are copied.
	 * @param parts the parts, in order
	 */
	public MultipartBody {
		parts = List.copyOf(parts);
	}

	/**
	 * Return the parts of a params object.
	 * @param params the params: a generated {@code Params} type or any object that Jackson
	 * writes as a JSON object
	 * @param defaults fields sent when the params leave them out
	 * @param extra fields added last (the call's extra body fields, {@code stream})
	 * @return the body
	 */
	public static MultipartBody of(Object params, Map<String, ?> defaults, Map<String, ?> extra) {
		JsonNode tree = TREE_MAPPER.valueToTree(params);
		if (!(tree instanceof ObjectNode object)) {
			throw new OpenAIInvalidDataException("A multipart body needs a JSON object, not " + tree.getNodeType());
		}
		defaults.forEach((name, value) -> {
			if (!object.has(name)) {
				object.set(name, TREE_MAPPER.valueToTree(value));
			}
		});
		extra.forEach((name, value) -> object.set(name, TREE_MAPPER.valueToTree(value)));
		List<Part> parts = new ArrayList<>();
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			addParts(parts, field.getKey(), field.getValue());
		}
		return new MultipartBody(parts);
	}

	private static void addParts(List<Part> parts, String name, JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return;
		}
		if (value instanceof POJONode pojo && pojo.getPojo() instanceof UploadFile file) {
			parts.add(new Part(name, null, file));
		}
		else if (value.isArray()) {
			for (JsonNode item : value) {
				addParts(parts, name + "[]", item);
			}
		}
		else if (value.isObject()) {
			for (Map.Entry<String, JsonNode> field : value.properties()) {
				addParts(parts, name + "[" + field.getKey() + "]", field.getValue());
			}
		}
		else if (value.isString()) {
			parts.add(new Part(name, value.stringValue(), null));
		}
		else if (value.isValueNode() && !(value instanceof POJONode)) {
			parts.add(new Part(name, value.toString(), null));
		}
		else {
			throw new OpenAIInvalidDataException("Cannot send " + value.getNodeType() + " field " + name
					+ " in a multipart form");
		}
	}

	/**
	 * Return whether every file can be read again, so the request can be retried.
	 * @return whether the body is repeatable
	 */
	public boolean repeatable() {
		return this.parts.stream().allMatch((part) -> part.file() == null || part.file().isRepeatable());
	}

	/**
	 * Return the parts as Spring writes them, with fresh file resources: call once per attempt.
	 * @return the parts
	 */
	public MultiValueMap<String, HttpEntity<?>> build() {
		MultipartBodyBuilder builder = new MultipartBodyBuilder();
		for (Part part : this.parts) {
			UploadFile file = part.file();
			if (file != null) {
				builder.part(part.name(), file.resource(), file.mediaType()).filename(file.filename());
			}
			else {
				builder.part(part.name(), (part.text() != null) ? part.text() : "");
			}
		}
		return builder.build();
	}

	@Override
	public String toString() {
		return "MultipartBody" + this.parts.stream().map(Part::name).toList();
	}

	/**
	 * One part: a text field or a file.
	 *
	 * @param name the part's name
	 * @param text the text of a field, or {@code null} for a file
	 * @param file the file, or {@code null} for a field
	 */
	public record Part(String name, @Nullable String text, @Nullable UploadFile file) {
	}

}
