package io.github.openaispring.localserver;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The component schemas of the official OpenAPI description ({@code spec/openapi.yaml}), as
 * JSON Schema 2020-12 that a response can be validated against. OpenAPI's
 * {@code nullable: true} becomes {@code anyOf: [..., {type: null}]}; nothing else is changed,
 * so undeclared properties are allowed, as the spec allows them.
 */
final class SpecSchemas {

	private static final String DOCUMENT = "https://openai-local-server.test/openapi.json";

	private static SpecSchemas shared;

	private final SchemaRegistry registry;

	private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

	private SpecSchemas(Path spec) {
		JsonNode root = readYaml(spec);
		ObjectNode document = JsonNodeFactory.instance.objectNode();
		document.putObject("components").set("schemas", nullable(root.at("/components/schemas")));
		String content = Http.JSON.writeValueAsString(document);
		this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder.schemas((iri) -> DOCUMENT.equals(iri) ? content : null));
	}

	private static JsonNode readYaml(Path spec) {
		LoaderOptions options = new LoaderOptions();
		options.setCodePointLimit(Integer.MAX_VALUE);
		try (Reader reader = Files.newBufferedReader(spec, StandardCharsets.UTF_8)) {
			Object tree = new Yaml(options).load(reader);
			return Http.JSON.valueToTree(tree);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static synchronized SpecSchemas get() {
		if (shared == null) {
			String location = System.getProperty("openai.spec", "../spec/openapi.yaml");
			shared = new SpecSchemas(Path.of(location));
		}
		return shared;
	}

	/**
	 * Validate a value against a component schema.
	 * @param name the schema's name, such as {@code CreateChatCompletionResponse}
	 * @param value the value
	 * @return the errors, empty when the value is valid
	 */
	List<String> validate(String name, JsonNode value) {
		Schema schema = this.compiled.computeIfAbsent(name, (key) -> {
			ObjectNode ref = JsonNodeFactory.instance.objectNode();
			ref.put("$schema", "https://json-schema.org/draft/2020-12/schema");
			ref.put("$ref", DOCUMENT + "#/components/schemas/" + key);
			Schema compiled = this.registry.getSchema(SchemaLocation.of("https://openai-local-server.test/" + key), ref);
			compiled.initializeValidators();
			return compiled;
		});
		List<String> messages = new ArrayList<>();
		for (Error error : schema.validate(value)) {
			messages.add(error.toString());
		}
		return messages;
	}

	private static JsonNode nullable(JsonNode node) {
		if (node.isArray()) {
			ArrayNode copy = JsonNodeFactory.instance.arrayNode();
			node.forEach((item) -> copy.add(nullable(item)));
			return copy;
		}
		if (!node.isObject()) {
			return node;
		}
		ObjectNode copy = JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (!property.getKey().equals("nullable")) {
				copy.set(property.getKey(), nullable(property.getValue()));
			}
		}
		if (node.path("nullable").asBoolean(false)) {
			ObjectNode anyOf = JsonNodeFactory.instance.objectNode();
			anyOf.putArray("anyOf").add(copy).add(JsonNodeFactory.instance.objectNode().put("type", "null"));
			return anyOf;
		}
		return copy;
	}

}
