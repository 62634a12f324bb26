package io.github.openaispring.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Read-only view of the OpenAI OpenAPI description, loaded from its JSON copy.
 * <p>
 * The location of {@code openapi.json} comes from the system property
 * {@value #SPEC_PROPERTY}; when it is absent, {@code target/openai-spec/openapi.json}
 * relative to the working directory is used. The document is parsed once per JVM and
 * shared through {@link #get()}.
 * <p>
 * Only lookups that tests need are offered: component schemas by name, operations by
 * {@code operationId} with their HTTP method and path, and the request body schema of an
 * operation for a media type.
 */
public final class OpenApiSpec {

	/**
	 * System property holding the absolute path of the JSON copy of the spec.
	 */
	public static final String SPEC_PROPERTY = "openai.spec.json";

	/**
	 * Location used when {@value #SPEC_PROPERTY} is not set, relative to the working
	 * directory.
	 */
	public static final Path DEFAULT_LOCATION = Path.of("target", "openai-spec", "openapi.json");

	/**
	 * Prefix of a reference to a component schema.
	 */
	public static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

	private static final String[] HTTP_METHODS = { "get", "put", "post", "delete", "options", "head", "patch",
			"trace" };

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static volatile OpenApiSpec shared;

	private final Path location;

	private final JsonNode root;

	private final Map<String, OperationRef> operations;

	private OpenApiSpec(Path location, JsonNode root) {
		this.location = location;
		this.root = root;
		this.operations = indexOperations(root);
	}

	/**
	 * Return the spec named by {@value #SPEC_PROPERTY} (or {@link #DEFAULT_LOCATION}),
	 * parsing it on first use.
	 * @return the shared spec
	 * @throws IllegalStateException if the file does not exist
	 */
	public static OpenApiSpec get() {
		OpenApiSpec spec = shared;
		if (spec == null) {
			synchronized (OpenApiSpec.class) {
				spec = shared;
				if (spec == null) {
					spec = load(defaultLocation());
					shared = spec;
				}
			}
		}
		return spec;
	}

	/**
	 * Parse the spec at the given location, without caching it.
	 * @param location path of a JSON copy of the spec
	 * @return the parsed spec
	 */
	public static OpenApiSpec load(Path location) {
		if (!Files.isRegularFile(location)) {
			throw new IllegalStateException("OpenAPI spec not found at " + location.toAbsolutePath()
					+ "; set -D" + SPEC_PROPERTY + "=/path/to/openapi.json");
		}
		try {
			return new OpenApiSpec(location, MAPPER.readTree(Files.readString(location)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + location, ex);
		}
	}

	/**
	 * Return the location the shared spec is read from.
	 * @return the value of {@value #SPEC_PROPERTY}, or {@link #DEFAULT_LOCATION}
	 */
	public static Path defaultLocation() {
		String property = System.getProperty(SPEC_PROPERTY);
		return (property != null && !property.isBlank()) ? Path.of(property) : DEFAULT_LOCATION;
	}

	/**
	 * Return the plain JSON mapper used to read the spec, handy for tests that build
	 * bodies.
	 * @return a default Jackson 3 JSON mapper
	 */
	public static JsonMapper jsonMapper() {
		return MAPPER;
	}

	/**
	 * Return the file this spec was read from.
	 * @return the location
	 */
	public Path location() {
		return this.location;
	}

	/**
	 * Return the whole document. Callers must not modify it.
	 * @return the root node
	 */
	public JsonNode root() {
		return this.root;
	}

	/**
	 * Return a component schema.
	 * @param componentName the name under {@code components/schemas}
	 * @return the schema node, as written in the spec
	 * @throws IllegalArgumentException if there is no such schema
	 */
	public JsonNode schema(String componentName) {
		JsonNode schema = this.root.path("components").path("schemas").get(componentName);
		if (schema == null) {
			throw new IllegalArgumentException("No schema '" + componentName + "' in " + this.location);
		}
		return schema;
	}

	/**
	 * Return whether a component schema exists.
	 * @param componentName the name under {@code components/schemas}
	 * @return {@code true} if it exists
	 */
	public boolean hasSchema(String componentName) {
		return this.root.path("components").path("schemas").has(componentName);
	}

	/**
	 * Return the names of all component schemas, in document order.
	 * @return the schema names
	 */
	public Set<String> schemaNames() {
		return names(this.root.path("components").path("schemas"));
	}

	/**
	 * Return the ids of all operations, in document order.
	 * @return the operation ids
	 */
	public Set<String> operationIds() {
		return this.operations.keySet();
	}

	/**
	 * Return an operation object.
	 * @param operationId the operation id
	 * @return the operation node
	 * @throws IllegalArgumentException if there is no such operation
	 */
	public JsonNode operation(String operationId) {
		return operationRef(operationId).node();
	}

	/**
	 * Return the HTTP method of an operation.
	 * @param operationId the operation id
	 * @return the method in upper case, for example {@code POST}
	 */
	public String method(String operationId) {
		return operationRef(operationId).method();
	}

	/**
	 * Return the path template of an operation.
	 * @param operationId the operation id
	 * @return the path, for example {@code /chat/completions}
	 */
	public String path(String operationId) {
		return operationRef(operationId).path();
	}

	/**
	 * Return the schema of an operation's request body for a media type, typically
	 * {@code application/json} or {@code multipart/form-data}.
	 * @param operationId the operation id
	 * @param mediaType the media type key under {@code requestBody.content}
	 * @return the schema as written in the spec (often a {@code $ref}), or empty if the
	 * operation takes no body of that media type
	 */
	public Optional<JsonNode> requestSchema(String operationId, String mediaType) {
		JsonNode body = resolveRef(operation(operationId).path("requestBody"));
		JsonNode schema = body.path("content").path(mediaType).get("schema");
		return Optional.ofNullable(schema);
	}

	/**
	 * Return the media types an operation accepts for its request body.
	 * @param operationId the operation id
	 * @return the media types, empty if it takes no body
	 */
	public Set<String> requestMediaTypes(String operationId) {
		JsonNode content = resolveRef(operation(operationId).path("requestBody")).path("content");
		return names(content);
	}

	/**
	 * Return the component schema name of an operation's successful JSON response: the
	 * {@code $ref} of {@code responses.200} (or {@code 201}) {@code application/json}.
	 * @param operationId the operation id
	 * @return the schema name, or empty if the response is not JSON or its schema is
	 * inline
	 */
	public Optional<String> responseSchemaName(String operationId) {
		JsonNode responses = operation(operationId).path("responses");
		for (String status : new String[] { "200", "201" }) {
			JsonNode response = resolveRef(responses.path(status));
			JsonNode schema = response.path("content").path("application/json").path("schema");
			if (!schema.isMissingNode()) {
				return schemaRefName(schema);
			}
		}
		return Optional.empty();
	}

	/**
	 * Follow a local {@code $ref} (any {@code #/...} pointer) until a node without one is
	 * reached.
	 * @param node a node that may be a reference object
	 * @return the referenced node, or the node itself
	 */
	public JsonNode resolveRef(JsonNode node) {
		JsonNode current = node;
		for (int hops = 0; hops < 32 && current.path("$ref").isString(); hops++) {
			String ref = current.path("$ref").stringValue();
			if (!ref.startsWith("#/")) {
				throw new IllegalArgumentException("Unsupported $ref " + ref);
			}
			current = this.root.at(ref.substring(1));
		}
		return current;
	}

	/**
	 * Return the component name a schema node refers to.
	 * @param schema a schema node
	 * @return the name after {@value #SCHEMA_REF_PREFIX}, or empty if the node is not
	 * such a reference
	 */
	public static Optional<String> schemaRefName(JsonNode schema) {
		JsonNode ref = schema.path("$ref");
		if (ref.isString() && ref.stringValue().startsWith(SCHEMA_REF_PREFIX)) {
			return Optional.of(ref.stringValue().substring(SCHEMA_REF_PREFIX.length()));
		}
		return Optional.empty();
	}

	private static Set<String> names(JsonNode node) {
		return node.isObject() ? Collections.unmodifiableSet(new LinkedHashSet<>(node.propertyNames()))
				: Collections.emptySet();
	}

	private OperationRef operationRef(String operationId) {
		OperationRef operation = this.operations.get(operationId);
		if (operation == null) {
			throw new IllegalArgumentException("No operation '" + operationId + "' in " + this.location);
		}
		return operation;
	}

	private static Map<String, OperationRef> indexOperations(JsonNode root) {
		Map<String, OperationRef> operations = new LinkedHashMap<>();
		JsonNode paths = root.path("paths");
		for (String path : paths.propertyNames()) {
			JsonNode pathItem = paths.get(path);
			for (String method : HTTP_METHODS) {
				JsonNode operation = pathItem.get(method);
				if (operation != null && operation.path("operationId").isString()) {
					String operationId = operation.path("operationId").stringValue();
					OperationRef previous = operations.put(operationId,
							new OperationRef(method.toUpperCase(Locale.ROOT), path, operation));
					if (previous != null) {
						throw new IllegalStateException("Duplicate operationId " + operationId);
					}
				}
			}
		}
		return Collections.unmodifiableMap(operations);
	}

	private record OperationRef(String method, String path, JsonNode node) {

	}

}
