package io.github.openaispring.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates request bodies against the request schema an operation declares in the
 * OpenAI OpenAPI description, strictly: besides the usual JSON Schema 2020-12 checks, any
 * object property the schema does not declare is an error.
 * <p>
 * The spec's component schemas are rewritten once by {@link StrictSchemaRewriter}
 * (OpenAPI {@code nullable}, undeclared properties closed with
 * {@code unevaluatedProperties: false}) into a single in-memory schema document that the
 * networknt validator loads under {@value #DOCUMENT_IRI}; every operation's request schema
 * is part of that document, so {@code $ref: "#/components/schemas/X"} resolves as in the
 * spec. Compiled schemas are cached per operation and media type.
 * <p>
 * Error messages start with the JSON path of the offending value; an undeclared property
 * is reported by the {@code unevaluatedProperties} (or the spec's own
 * {@code additionalProperties}) keyword and the message names the property. Use
 * {@link #undeclaredProperties(String, String, JsonNode)} to get just those.
 * <p>
 * {@link #validateSchema(String, JsonNode)} applies the same checks to an instance of a
 * component schema, such as a response example.
 * <p>
 * Instances are thread safe.
 */
public final class RequestSchemaValidator {

	/**
	 * Media type of JSON request bodies.
	 */
	public static final String APPLICATION_JSON = "application/json";

	/**
	 * Media type of multipart request bodies; validate a JSON object holding the parts
	 * (files as strings).
	 */
	public static final String MULTIPART_FORM_DATA = "multipart/form-data";

	/**
	 * Retrieval IRI of the rewritten schema document; never fetched over the network.
	 */
	static final String DOCUMENT_IRI = "https://openai-spring.test/openapi-schemas.json";

	/**
	 * Top-level member of the rewritten document holding the rewritten request schemas,
	 * keyed by operation id and then media type.
	 */
	static final String OPERATIONS = "x-request-schemas";

	/**
	 * Base of the retrieval IRIs of the compiled root schemas, each a {@code $ref} into the
	 * document.
	 */
	private static final String ROOTS_IRI = "https://openai-spring.test/roots/";

	private static volatile RequestSchemaValidator shared;

	private final OpenApiSpec spec;

	private final StrictSchemaRewriter rewriter;

	private final ObjectNode document;

	private final SchemaRegistry registry;

	private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

	private final AtomicInteger roots = new AtomicInteger();

	private final Map<JsonNode, Set<String>> declared = Collections.synchronizedMap(new IdentityHashMap<>());

	/**
	 * Create a validator for the given spec that treats {@code oneOf} as {@code anyOf}.
	 * Building it rewrites the whole spec (well under a second); prefer {@link #shared()}.
	 * @param spec the spec
	 */
	public RequestSchemaValidator(OpenApiSpec spec) {
		this(spec, false);
	}

	/**
	 * Create a validator for the given spec.
	 * @param spec the spec
	 * @param strictOneOf {@code true} to enforce that exactly one {@code oneOf} branch
	 * matches; several {@code oneOf}s in the spec have overlapping branches, so documented
	 * requests fail that check
	 */
	public RequestSchemaValidator(OpenApiSpec spec, boolean strictOneOf) {
		this.spec = spec;
		this.rewriter = new StrictSchemaRewriter(strictOneOf);
		this.document = this.rewriter.document(spec.root());
		ObjectNode operations = this.document.putObject(OPERATIONS);
		for (String operationId : spec.operationIds()) {
			for (String mediaType : spec.requestMediaTypes(operationId)) {
				spec.requestSchema(operationId, mediaType)
					.ifPresent((schema) -> operations.withObjectProperty(operationId)
						.set(mediaType, this.rewriter.rewrite(schema, false)));
			}
		}
		byte[] content = OpenApiSpec.jsonMapper().writeValueAsBytes(this.document);
		this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(builder) -> builder
					.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build())
					.schemas((iri) -> DOCUMENT_IRI.equals(iri) ? new String(content, StandardCharsets.UTF_8) : null));
	}

	/**
	 * Return a validator over {@link OpenApiSpec#get()} that treats {@code oneOf} as
	 * {@code anyOf}, created on first use.
	 * @return the shared validator
	 */
	public static RequestSchemaValidator shared() {
		RequestSchemaValidator validator = shared;
		if (validator == null) {
			synchronized (RequestSchemaValidator.class) {
				validator = shared;
				if (validator == null) {
					validator = new RequestSchemaValidator(OpenApiSpec.get());
					shared = validator;
				}
			}
		}
		return validator;
	}

	/**
	 * Validate a JSON request body.
	 * @param operationId the operation id
	 * @param body the body
	 * @return the errors, empty if the body is valid
	 * @see #validate(String, String, JsonNode)
	 */
	public List<String> validate(String operationId, JsonNode body) {
		return validate(operationId, APPLICATION_JSON, body);
	}

	/**
	 * Validate a request body against the operation's request schema for the media type.
	 * @param operationId the operation id
	 * @param mediaType {@value #APPLICATION_JSON} or {@value #MULTIPART_FORM_DATA} (any
	 * media type the operation declares a schema for works)
	 * @param body the body; for multipart, an object with one member per part
	 * @return human-readable errors, each starting with the JSON path of the offending
	 * value, empty if the body is valid
	 * @throws IllegalArgumentException if the operation has no request schema for the
	 * media type
	 */
	public List<String> validate(String operationId, String mediaType, JsonNode body) {
		return messages(findings(requestPointer(operationId, mediaType), body));
	}

	/**
	 * Validate an instance, such as a response example, against a component schema, with
	 * the same strictness as request bodies.
	 * @param componentName the name under {@code components/schemas}
	 * @param instance the instance
	 * @return human-readable errors, empty if the instance is valid
	 * @throws IllegalArgumentException if there is no such schema
	 */
	public List<String> validateSchema(String componentName, JsonNode instance) {
		return messages(findings(componentPointer(componentName), instance));
	}

	/**
	 * Return the undeclared properties in an instance of a component schema.
	 * @param componentName the name under {@code components/schemas}
	 * @param instance the instance
	 * @return the JSON paths of the properties rejected as not declared by the schema
	 * @see #undeclaredProperties(String, String, JsonNode)
	 */
	public Set<String> undeclaredSchemaProperties(String componentName, JsonNode instance) {
		return undeclared(findings(componentPointer(componentName), instance));
	}

	/**
	 * Return the undeclared properties in a request body, as JSON paths such as
	 * {@code $.messages[0].nope}.
	 * @param operationId the operation id
	 * @param mediaType the media type
	 * @param body the body
	 * @return the paths of the properties rejected as not declared by the schema
	 */
	public Set<String> undeclaredProperties(String operationId, String mediaType, JsonNode body) {
		return undeclared(findings(requestPointer(operationId, mediaType), body));
	}

	/**
	 * Return the rewritten schema used for an operation's body, for debugging. Its
	 * {@code $ref}s point into {@link #document()}.
	 * @param operationId the operation id
	 * @param mediaType the media type
	 * @return the rewritten schema
	 */
	public JsonNode effectiveSchema(String operationId, String mediaType) {
		return this.document.at(requestPointer(operationId, mediaType));
	}

	/**
	 * Return the whole rewritten schema document, for debugging. Callers must not modify
	 * it.
	 * @return the document
	 */
	public JsonNode document() {
		return this.document;
	}

	/**
	 * Compile (or fetch from the cache) the schema for an operation's body. Validation
	 * compiles on demand; call this to front-load the cost or to check that the schema
	 * compiles.
	 * @param operationId the operation id
	 * @param mediaType the media type
	 */
	public void compile(String operationId, String mediaType) {
		schema(requestPointer(operationId, mediaType));
	}

	/**
	 * Return the spec this validator was built from.
	 * @return the spec
	 */
	public OpenApiSpec spec() {
		return this.spec;
	}

	/**
	 * Validate and sort the errors out.
	 * <p>
	 * JSON Schema drops the annotations of a failing sub-schema, so when part of an object
	 * fails, the {@code unevaluatedProperties} of the schema that owns it also reports
	 * properties it does declare; such echoes are dropped. Undeclared properties reported
	 * inside a union branch that does not apply (its discriminating {@code enum} or
	 * {@code const}, or its {@code type}, fails) stay in the messages but are not counted as
	 * undeclared properties.
	 */
	private List<Finding> findings(String pointer, JsonNode body) {
		List<Error> errors = schema(pointer).validate(body);
		List<List<Object>> paths = new ArrayList<>(errors.size());
		for (Error error : errors) {
			paths.add(elements(error.getEvaluationPath()));
		}
		List<Finding> findings = new ArrayList<>(errors.size());
		for (int i = 0; i < errors.size(); i++) {
			Error error = errors.get(i);
			if (!isUndeclaredProperty(error)) {
				findings.add(new Finding(error, false));
				continue;
			}
			List<Object> path = paths.get(i);
			List<Object> owner = path.subList(0, path.size() - 1);
			boolean ownerFailedOtherwise = false;
			for (List<Object> other : paths) {
				ownerFailedOtherwise |= !other.equals(path) && startsWith(other, owner);
			}
			if (ownerFailedOtherwise && "unevaluatedProperties".equals(error.getKeyword())) {
				JsonNode ownerSchema = schemaAt(pointer, owner);
				if (ownerSchema != null && declared(ownerSchema).contains(error.getProperty())) {
					continue;
				}
			}
			boolean undeclared = !inInapplicableBranch(path, paths);
			if (undeclared && ownerFailedOtherwise) {
				JsonNode instanceSchema = schemaAt(pointer, path.subList(0, instanceStart(path)));
				undeclared = instanceSchema == null || !declared(instanceSchema).contains(error.getProperty());
			}
			findings.add(new Finding(error, undeclared));
		}
		return findings;
	}

	/**
	 * Return the length of the evaluation path prefix that leads to the first schema
	 * applied at the same instance location as the keyword ending the path.
	 */
	private static int instanceStart(List<Object> path) {
		int start = 0;
		int i = 0;
		while (i < path.size() - 1) {
			Object segment = path.get(i);
			if ("$ref".equals(segment) || "not".equals(segment) || "if".equals(segment) || "then".equals(segment)
					|| "else".equals(segment)) {
				i++;
			}
			else if (isUnion(segment) || "allOf".equals(segment) || "dependentSchemas".equals(segment)) {
				i += 2;
			}
			else if ("properties".equals(segment) || "patternProperties".equals(segment)
					|| "prefixItems".equals(segment)) {
				i += 2;
				start = i;
			}
			else {
				i++;
				start = i;
			}
		}
		return Math.min(start, path.size());
	}

	/**
	 * Whether an evaluation path passes through a union branch that fails its
	 * discriminating check.
	 */
	private static boolean inInapplicableBranch(List<Object> path, List<List<Object>> all) {
		for (int i = 0; i + 1 < path.size(); i++) {
			if (isUnion(path.get(i)) && path.get(i + 1) instanceof Integer) {
				List<Object> branch = path.subList(0, i + 2);
				for (List<Object> other : all) {
					if (startsWith(other, branch) && isDiscriminatingFailure(other.subList(branch.size(), other.size()))) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Whether the rest of an evaluation path below a branch is a {@code type} failure of
	 * the branch itself, or an {@code enum}/{@code const} failure of one of its
	 * properties.
	 */
	private static boolean isDiscriminatingFailure(List<Object> rest) {
		int i = skipInPlace(rest, 0);
		if (i == rest.size() - 1) {
			return "type".equals(rest.get(i)) || "enum".equals(rest.get(i)) || "const".equals(rest.get(i));
		}
		if (i + 2 < rest.size() && "properties".equals(rest.get(i))) {
			int j = skipInPlace(rest, i + 2);
			return j == rest.size() - 1 && ("enum".equals(rest.get(j)) || "const".equals(rest.get(j)));
		}
		return false;
	}

	private static int skipInPlace(List<Object> path, int start) {
		int i = start;
		while (i < path.size()) {
			Object segment = path.get(i);
			if ("$ref".equals(segment)) {
				i++;
			}
			else if ((isUnion(segment) || "allOf".equals(segment)) && i + 1 < path.size()
					&& path.get(i + 1) instanceof Integer) {
				i += 2;
			}
			else {
				return i;
			}
		}
		return i;
	}

	private static boolean isUnion(Object segment) {
		return "anyOf".equals(segment) || "oneOf".equals(segment);
	}

	private static boolean startsWith(List<Object> path, List<Object> prefix) {
		return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
	}

	private static List<Object> elements(NodePath path) {
		List<Object> elements = new ArrayList<>(path.getNameCount());
		for (int i = 0; i < path.getNameCount(); i++) {
			elements.add(path.getElement(i));
		}
		return elements;
	}

	private static boolean isUndeclaredProperty(Error error) {
		return "unevaluatedProperties".equals(error.getKeyword()) || "additionalProperties".equals(error.getKeyword());
	}

	/**
	 * Follow an evaluation path through the rewritten document.
	 * @return the schema at the end of the path, or {@code null} if the path cannot be
	 * followed
	 */
	private JsonNode schemaAt(String pointer, List<Object> path) {
		if (path.isEmpty()) {
			return this.document.at(pointer);
		}
		if (!"$ref".equals(path.get(0))) {
			return null;
		}
		JsonNode node = this.document.at(pointer);
		for (int i = 1; i < path.size() && node != null; i++) {
			Object segment = path.get(i);
			if (!(segment instanceof String keyword)) {
				return null;
			}
			switch (keyword) {
				case "$ref" -> node = resolve(node.path("$ref").stringValue(""));
				case "allOf", "anyOf", "oneOf", "dependentSchemas", "properties", "patternProperties",
						"prefixItems" ->
					node = child(node.get(keyword), path, ++i);
				case "not", "if", "then", "else", "items", "additionalProperties", "unevaluatedProperties",
						"contains", "propertyNames", "unevaluatedItems" ->
					node = node.get(keyword);
				default -> {
					return null;
				}
			}
		}
		return node;
	}

	private static JsonNode child(JsonNode container, List<Object> path, int index) {
		if (container == null || index >= path.size()) {
			return null;
		}
		Object segment = path.get(index);
		return (segment instanceof Integer position) ? container.get(position) : container.get(String.valueOf(segment));
	}

	private JsonNode resolve(String ref) {
		String pointer = ref.startsWith(DOCUMENT_IRI + "#") ? ref.substring(DOCUMENT_IRI.length() + 1)
				: ref.startsWith("#") ? ref.substring(1) : null;
		if (pointer == null) {
			return null;
		}
		JsonNode target = this.document.at(pointer);
		return target.isMissingNode() ? null : target;
	}

	/**
	 * Return the names of the properties a schema declares, itself or through its
	 * in-place sub-schemas (including every branch of a union).
	 */
	private Set<String> declared(JsonNode schema) {
		return this.declared.computeIfAbsent(schema, (key) -> {
			Set<String> names = new HashSet<>();
			collectDeclared(key, names, Collections.newSetFromMap(new IdentityHashMap<>()));
			return names;
		});
	}

	private void collectDeclared(JsonNode schema, Set<String> names, Set<JsonNode> visited) {
		if (schema == null || !schema.isObject() || !visited.add(schema)) {
			return;
		}
		names.addAll(schema.path("properties").propertyNames());
		if (schema.path("$ref").isString()) {
			collectDeclared(resolve(schema.path("$ref").stringValue()), names, visited);
		}
		for (String keyword : new String[] { "allOf", "anyOf", "oneOf" }) {
			for (JsonNode part : schema.path(keyword)) {
				collectDeclared(part, names, visited);
			}
		}
		for (String keyword : new String[] { "if", "then", "else" }) {
			collectDeclared(schema.get(keyword), names, visited);
		}
		for (JsonNode part : schema.path("dependentSchemas")) {
			collectDeclared(part, names, visited);
		}
	}

	private String requestPointer(String operationId, String mediaType) {
		this.spec.operation(operationId);
		String pointer = "/" + OPERATIONS + "/" + escape(operationId) + "/" + escape(mediaType);
		if (this.document.at(pointer).isMissingNode()) {
			throw new IllegalArgumentException(
					"Operation '" + operationId + "' has no " + mediaType + " request body schema");
		}
		return pointer;
	}

	private String componentPointer(String componentName) {
		this.spec.schema(componentName);
		return "/components/schemas/" + escape(componentName);
	}

	private Schema schema(String pointer) {
		return this.compiled.computeIfAbsent(pointer, this::compileSchema);
	}

	/**
	 * Compile a root schema that refers to the given place in the rewritten document.
	 */
	private Schema compileSchema(String pointer) {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		root.put("$schema", StrictSchemaRewriter.DIALECT);
		root.put("$ref", DOCUMENT_IRI + "#" + pointer);
		Schema schema = this.registry.getSchema(SchemaLocation.of(ROOTS_IRI + this.roots.incrementAndGet()), root);
		schema.initializeValidators();
		return schema;
	}

	private static List<String> messages(List<Finding> findings) {
		List<String> messages = new ArrayList<>(findings.size());
		for (Finding finding : findings) {
			messages.add(describe(finding.error()));
		}
		return messages;
	}

	private static Set<String> undeclared(List<Finding> findings) {
		Set<String> paths = new LinkedHashSet<>();
		for (Finding finding : findings) {
			if (finding.undeclared()) {
				paths.add(propertyPath(finding.error()));
			}
		}
		return paths;
	}

	private static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}

	private static String describe(Error error) {
		StringBuilder message = new StringBuilder(error.toString());
		message.append(" [").append(error.getKeyword());
		if (error.getSchemaLocation() != null && error.getSchemaLocation().getFragment() != null) {
			message.append(" at ").append(error.getSchemaLocation().getFragment());
		}
		return message.append(']').toString();
	}

	private static String propertyPath(Error error) {
		NodePath location = error.getInstanceLocation();
		String property = error.getProperty();
		if (property == null) {
			return location.toString();
		}
		return location.append(property).toString();
	}

	private record Finding(Error error, boolean undeclared) {

	}

}
