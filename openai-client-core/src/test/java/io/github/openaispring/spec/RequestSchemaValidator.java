package io.github.openaispring.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

	private static RequestSchemaValidator shapes;

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
		this(spec, strictOneOf, false);
	}

	/**
	 * Create a validator for the given spec.
	 * @param spec the spec
	 * @param strictOneOf {@code true} to enforce that exactly one {@code oneOf} branch matches
	 * @param shapeOnly {@code true} to check only the shape of a body (types, fields, required
	 * fields, enums) and not the range or length of its values, for bodies made of
	 * placeholder values
	 */
	public RequestSchemaValidator(OpenApiSpec spec, boolean strictOneOf, boolean shapeOnly) {
		this.spec = spec;
		this.rewriter = new StrictSchemaRewriter(strictOneOf, shapeOnly);
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
	 * Return a validator over {@link OpenApiSpec#get()} that checks only the shape of a body
	 * (see {@link #RequestSchemaValidator(OpenApiSpec, boolean, boolean)}), created on first use.
	 * @return the shared shape validator
	 */
	public static synchronized RequestSchemaValidator shapes() {
		if (shapes == null) {
			shapes = new RequestSchemaValidator(OpenApiSpec.get(), false, true);
		}
		return shapes;
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
	 * {@code $.messages[0].nope}. When the body has no other error this is exactly what
	 * the schema rejects; otherwise, inside unions ({@code anyOf}/{@code oneOf}), only the
	 * branches that match the instance best are considered (a failing {@code type} or
	 * discriminating {@code enum}/{@code const} rules a branch out, then the fewest
	 * failures on the object itself win).
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
	 * by a union branch that is not among the closest matches of its union stay in the
	 * messages but are not counted as undeclared properties.
	 */
	private List<Finding> findings(String pointer, JsonNode body) {
		List<Error> errors = schema(pointer).validate(body);
		List<List<Object>> paths = new ArrayList<>(errors.size());
		for (Error error : errors) {
			paths.add(elements(error.getEvaluationPath()));
		}
		List<Finding> findings = new ArrayList<>(errors.size());
		Scorer scorer = new Scorer(errors, paths);
		for (int i = 0; i < errors.size(); i++) {
			Error error = errors.get(i);
			if (!isUndeclaredProperty(error)) {
				findings.add(new Finding(error, false));
				continue;
			}
			List<Object> path = paths.get(i);
			List<Object> owner = path.subList(0, path.size() - 1);
			boolean ownerFailedOtherwise = false;
			for (int j = 0; j < errors.size() && !ownerFailedOtherwise; j++) {
				ownerFailedOtherwise = !paths.get(j).equals(path) && startsWith(paths.get(j), owner)
						&& errors.get(j).getInstanceLocation().startsWith(error.getInstanceLocation());
			}
			if (ownerFailedOtherwise && "unevaluatedProperties".equals(error.getKeyword())) {
				JsonNode ownerSchema = schemaAt(pointer, owner);
				if (ownerSchema != null && declared(ownerSchema).contains(error.getProperty())) {
					continue;
				}
			}
			findings.add(new Finding(error, inClosestBranches(error, path, scorer)));
		}
		return findings;
	}

	/**
	 * Count the steps into child instances between a position of an evaluation path and
	 * the keyword ending it.
	 */
	private static int instanceSteps(List<Object> path, int from) {
		int steps = 0;
		int i = from;
		while (i < path.size() - 1) {
			if (changesInstance(path.get(i))) {
				steps++;
			}
			i = nextSegment(path, i);
		}
		return steps;
	}

	private static int nextSegment(List<Object> path, int i) {
		Object segment = path.get(i);
		boolean named = isUnion(segment) || "allOf".equals(segment) || "dependentSchemas".equals(segment)
				|| "properties".equals(segment) || "patternProperties".equals(segment) || "prefixItems".equals(segment);
		return named ? i + 2 : i + 1;
	}

	private static boolean changesInstance(Object segment) {
		return !("$ref".equals(segment) || "not".equals(segment) || "if".equals(segment) || "then".equals(segment)
				|| "else".equals(segment) || isUnion(segment) || "allOf".equals(segment)
				|| "dependentSchemas".equals(segment));
	}

	/**
	 * Whether every union branch the evaluation path of an error passes through is one of
	 * the closest matches of its union for the instance at hand (see {@link Scorer}).
	 */
	private static boolean inClosestBranches(Error error, List<Object> path, Scorer scorer) {
		for (int i = 0; i + 1 < path.size(); i++) {
			if (!isUnion(path.get(i)) || !(path.get(i + 1) instanceof Integer)) {
				continue;
			}
			NodePath instance = error.getInstanceLocation();
			for (int steps = instanceSteps(path, i + 2); steps > 0 && instance != null; steps--) {
				instance = instance.getParent();
			}
			if (instance != null && !scorer.isClosest(path.subList(0, i + 1), path.get(i + 1), instance)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Check whether the rest of an evaluation path below a branch is a {@code type},
	 * {@code enum} or {@code const} failure of the branch itself (depth 0), or an
	 * {@code enum}/{@code const} failure of one of its properties (depth 1). Only
	 * {@code $ref} and {@code allOf} are looked through: a failure inside a nested union
	 * only rules out that union's branch.
	 * @return the depth, or -1 if it is not such a failure
	 */
	private static int discriminatingFailureDepth(List<Object> rest) {
		int i = skipInPlace(rest, 0);
		if (i == rest.size() - 1 && ("type".equals(rest.get(i)) || "enum".equals(rest.get(i))
				|| "const".equals(rest.get(i)))) {
			return 0;
		}
		if (i + 2 < rest.size() && "properties".equals(rest.get(i))) {
			int j = skipInPlace(rest, i + 2);
			if (j == rest.size() - 1 && ("enum".equals(rest.get(j)) || "const".equals(rest.get(j)))) {
				return 1;
			}
		}
		return -1;
	}

	private static int skipInPlace(List<Object> path, int start) {
		int i = start;
		while (i < path.size()) {
			Object segment = path.get(i);
			if ("$ref".equals(segment)) {
				i++;
			}
			else if ("allOf".equals(segment) && i + 1 < path.size() && path.get(i + 1) instanceof Integer) {
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

	/**
	 * Scores how badly the branches of a union fail for one instance, to tell the closest
	 * matches. A failing discriminator ({@code type} of the instance, {@code enum} or
	 * {@code const} of one of its properties) costs 1000, any other failure on the
	 * instance itself (such as {@code required}) costs 1; undeclared properties and
	 * failures deeper in the instance cost nothing. A nested union at the same instance
	 * costs as much as its best branch.
	 */
	private static final class Scorer {

		private final List<Error> errors;

		private final List<List<Object>> paths;

		private final Map<String, Integer> scores = new HashMap<>();

		Scorer(List<Error> errors, List<List<Object>> paths) {
			this.errors = errors;
			this.paths = paths;
		}

		boolean isClosest(List<Object> union, Object branch, NodePath instance) {
			Map<Object, Integer> branchScores = branchScores(union, instance);
			int best = branchScores.values().stream().mapToInt(Integer::intValue).min().orElse(0);
			return branchScores.getOrDefault(branch, 0) <= best;
		}

		private Map<Object, Integer> branchScores(List<Object> union, NodePath instance) {
			Map<Object, Integer> branchScores = new HashMap<>();
			for (int j = 0; j < this.errors.size(); j++) {
				List<Object> other = this.paths.get(j);
				if (other.size() > union.size() && startsWith(other, union)
						&& this.errors.get(j).getInstanceLocation().startsWith(instance)) {
					Object branch = other.get(union.size());
					branchScores.computeIfAbsent(branch,
							(key) -> score(new ArrayList<>(other.subList(0, union.size() + 1)), instance));
				}
			}
			return branchScores;
		}

		private int score(List<Object> prefix, NodePath instance) {
			String key = prefix + " " + instance;
			Integer cached = this.scores.get(key);
			if (cached != null) {
				return cached;
			}
			int score = 0;
			Set<List<Object>> nestedUnions = new LinkedHashSet<>();
			for (int j = 0; j < this.errors.size(); j++) {
				List<Object> path = this.paths.get(j);
				NodePath location = this.errors.get(j).getInstanceLocation();
				if (!startsWith(path, prefix) || !location.startsWith(instance)) {
					continue;
				}
				int nested = nestedUnion(path, prefix.size());
				if (nested >= 0) {
					nestedUnions.add(path.subList(0, nested + 1));
				}
				else if (!isUndeclaredProperty(this.errors.get(j))) {
					int depth = discriminatingFailureDepth(path.subList(prefix.size(), path.size()));
					if (depth >= 0 && instance.equals((depth == 1) ? location.getParent() : location)) {
						score += 1000;
					}
					else if (location.equals(instance)) {
						score++;
					}
				}
			}
			for (List<Object> union : nestedUnions) {
				score += branchScores(union, instance).values().stream().mapToInt(Integer::intValue).min().orElse(0);
			}
			this.scores.put(key, score);
			return score;
		}

		/**
		 * Return the position of the first union keyword after {@code from} that is
		 * applied to the same instance, or -1.
		 */
		private static int nestedUnion(List<Object> path, int from) {
			int i = from;
			while (i < path.size() - 1) {
				Object segment = path.get(i);
				if (isUnion(segment) && path.get(i + 1) instanceof Integer) {
					return i;
				}
				if (changesInstance(segment)) {
					return -1;
				}
				i = nextSegment(path, i);
			}
			return -1;
		}

	}

}
