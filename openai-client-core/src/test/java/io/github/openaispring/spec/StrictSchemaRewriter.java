package io.github.openaispring.spec;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites OpenAPI 3.1 schemas into plain JSON Schema 2020-12 that rejects undeclared
 * object properties.
 * <p>
 * Rules:
 * <ul>
 * <li>OpenAPI 3.0 style {@code nullable: true} becomes {@code anyOf: [schema, {type:
 * null}]}; an {@code allOf} part that only says {@code nullable: true} makes the owner
 * nullable. {@code nullable: false} is dropped.</li>
 * <li>A schema that <em>owns</em> object members ({@code properties} or {@code allOf})
 * and declares neither {@code additionalProperties}, {@code unevaluatedProperties} nor
 * {@code patternProperties} is closed with {@code unevaluatedProperties: false}. Its
 * in-place sub-schemas ({@code allOf}, {@code anyOf}, {@code oneOf}, {@code $ref},
 * {@code not}, {@code if}/{@code then}/{@code else}, {@code dependentSchemas}) are left
 * open, so the properties they evaluate count for the owner.</li>
 * <li>A pure union ({@code anyOf}/{@code oneOf} without own properties) closes each
 * branch instead, which keeps {@code oneOf} branches distinguishable.</li>
 * <li>Each component schema therefore exists twice: closed, at its usual place, and open,
 * under {@value #OPEN_SCHEMAS}; {@code $ref}s in open positions point at the open
 * copy.</li>
 * <li>An object schema that declares nothing about its members (plain {@code type:
 * object}) gets {@code additionalProperties: true}, so a closed owner that composes it
 * still accepts anything there.</li>
 * <li>OpenAPI 3.0 style boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} become
 * the 2020-12 numeric form (taking the value of {@code minimum}/{@code maximum}).</li>
 * <li>Optionally, {@code oneOf} becomes {@code anyOf}: the spec has {@code oneOf}s whose
 * branches overlap (a valid instance matches two of them), which would reject valid
 * bodies.</li>
 * <li>Documentation keywords ({@code description}, {@code example}, {@code examples},
 * {@code x-*}) are dropped; other unknown keywords such as {@code discriminator} are kept
 * and treated as annotations by the validator.</li>
 * </ul>
 */
final class StrictSchemaRewriter {

	/**
	 * Top-level member of the rewritten document that holds the open copies of the
	 * component schemas.
	 */
	static final String OPEN_SCHEMAS = "x-open-schemas";

	static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Keywords that constrain a value's range or length rather than its shape. */
	private static final java.util.Set<String> VALUE_CONSTRAINTS = java.util.Set.of("minimum", "maximum",
			"exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "minItems",
			"maxItems", "uniqueItems", "minProperties", "maxProperties", "not");

	private final boolean strictOneOf;

	private final boolean shapeOnly;

	/**
	 * Create a rewriter.
	 * @param strictOneOf {@code false} to turn every {@code oneOf} into {@code anyOf}
	 */
	StrictSchemaRewriter(boolean strictOneOf) {
		this(strictOneOf, false);
	}

	/**
	 * Create a rewriter.
	 * @param strictOneOf {@code false} to turn every {@code oneOf} into {@code anyOf}
	 * @param shapeOnly {@code true} to drop the keywords that constrain a value's range or
	 * length ({@code minimum}, {@code maxLength}, {@code pattern}, {@code not}, ...), keeping
	 * those that fix its shape: types, fields, required fields and enums
	 */
	StrictSchemaRewriter(boolean strictOneOf, boolean shapeOnly) {
		this.strictOneOf = strictOneOf;
		this.shapeOnly = shapeOnly;
	}

	/**
	 * Build a schema document holding every component schema of the spec twice: closed
	 * under {@code components/schemas} and open under {@value #OPEN_SCHEMAS}. Local
	 * {@code $ref}s keep working against this document.
	 * @param specRoot the OpenAPI document
	 * @return a new JSON Schema 2020-12 document
	 */
	ObjectNode document(JsonNode specRoot) {
		ObjectNode document = NODES.objectNode();
		document.put("$schema", DIALECT);
		ObjectNode closed = document.putObject("components").putObject("schemas");
		ObjectNode open = document.putObject(OPEN_SCHEMAS);
		for (Map.Entry<String, JsonNode> entry : specRoot.path("components").path("schemas").properties()) {
			closed.set(entry.getKey(), rewrite(entry.getValue(), false));
			open.set(entry.getKey(), rewrite(entry.getValue(), true));
		}
		return document;
	}

	/**
	 * Rewrite one schema.
	 * @param schema the schema as written in the spec
	 * @param open {@code true} when the schema is evaluated in place by an owner that
	 * closes the object itself (an {@code allOf} part, for example)
	 * @return a new, rewritten schema
	 */
	JsonNode rewrite(JsonNode schema, boolean open) {
		if (!schema.isObject()) {
			return schema.deepCopy();
		}
		boolean nullable = schema.path("nullable").asBoolean(false);
		boolean owns = schema.has("properties") || schema.has("allOf");
		boolean close = !open && owns && !schema.has("additionalProperties")
				&& !schema.has("unevaluatedProperties") && !schema.has("patternProperties");
		boolean inPlaceOpen = open || owns;
		ObjectNode result = NODES.objectNode();
		for (Map.Entry<String, JsonNode> entry : schema.properties()) {
			String keyword = entry.getKey();
			JsonNode value = entry.getValue();
			if (this.shapeOnly && VALUE_CONSTRAINTS.contains(keyword)) {
				continue;
			}
			switch (keyword) {
				case "nullable", "description", "example", "examples" -> {
				}
				case "$ref" -> result.put(keyword, rewriteRef(value.stringValue(), inPlaceOpen));
				case "properties", "patternProperties", "$defs", "definitions" -> {
					ObjectNode members = result.putObject(keyword);
					for (Map.Entry<String, JsonNode> member : value.properties()) {
						members.set(member.getKey(), rewrite(member.getValue(), false));
					}
				}
				case "additionalProperties", "unevaluatedProperties", "propertyNames", "items", "contains",
						"unevaluatedItems", "additionalItems" ->
					result.set(keyword, rewrite(value, false));
				case "prefixItems" -> result.set(keyword, rewriteAll(value, false));
				case "allOf" -> {
					ArrayNode parts = NODES.arrayNode();
					for (JsonNode part : value) {
						if (isNullableMarker(part)) {
							nullable = true;
						}
						else {
							parts.add(rewrite(part, true));
						}
					}
					if (!parts.isEmpty()) {
						result.set(keyword, parts);
					}
				}
				case "anyOf" -> result.set(keyword, rewriteAll(value, inPlaceOpen));
				case "oneOf" -> result.set(this.strictOneOf ? keyword : "anyOf", rewriteAll(value, inPlaceOpen));
				case "exclusiveMinimum", "exclusiveMaximum" -> {
					if (value.isBoolean()) {
						String bound = keyword.equals("exclusiveMinimum") ? "minimum" : "maximum";
						if (value.booleanValue() && schema.path(bound).isNumber()) {
							result.set(keyword, schema.get(bound).deepCopy());
						}
					}
					else {
						result.set(keyword, value.deepCopy());
					}
				}
				case "minimum", "maximum" -> {
					String exclusive = keyword.equals("minimum") ? "exclusiveMinimum" : "exclusiveMaximum";
					if (!schema.path(exclusive).booleanValue(false)) {
						result.set(keyword, value.deepCopy());
					}
				}
				case "not", "if", "then", "else" -> result.set(keyword, rewrite(value, true));
				case "dependentSchemas" -> {
					ObjectNode members = result.putObject(keyword);
					for (Map.Entry<String, JsonNode> member : value.properties()) {
						members.set(member.getKey(), rewrite(member.getValue(), true));
					}
				}
				default -> {
					if (!keyword.startsWith("x-")) {
						result.set(keyword, value.deepCopy());
					}
				}
			}
		}
		if (close) {
			result.put("unevaluatedProperties", false);
		}
		else if (isFreeFormObject(schema)) {
			result.put("additionalProperties", true);
		}
		if (nullable) {
			ObjectNode wrapper = NODES.objectNode();
			ArrayNode anyOf = wrapper.putArray("anyOf");
			anyOf.add(result);
			anyOf.addObject().put("type", "null");
			return wrapper;
		}
		return result;
	}

	private ArrayNode rewriteAll(JsonNode schemas, boolean open) {
		ArrayNode result = NODES.arrayNode();
		for (JsonNode schema : schemas) {
			result.add(rewrite(schema, open));
		}
		return result;
	}

	private static String rewriteRef(String ref, boolean open) {
		if (open && ref.startsWith(OpenApiSpec.SCHEMA_REF_PREFIX)) {
			return "#/" + OPEN_SCHEMAS + "/" + ref.substring(OpenApiSpec.SCHEMA_REF_PREFIX.length());
		}
		return ref;
	}

	/**
	 * Whether an {@code allOf} part only carries {@code nullable: true} (the OpenAPI 3.0
	 * idiom {@code allOf: [{$ref: X}, {nullable: true}]}).
	 */
	private static boolean isNullableMarker(JsonNode part) {
		if (!part.path("nullable").asBoolean(false)) {
			return false;
		}
		for (String keyword : part.propertyNames()) {
			if (!keyword.equals("nullable") && !keyword.equals("description") && !keyword.equals("title")
					&& !keyword.startsWith("x-")) {
				return false;
			}
		}
		return true;
	}

	private static boolean isFreeFormObject(JsonNode schema) {
		JsonNode type = schema.path("type");
		boolean object = "object".equals(type.stringValue(null));
		if (type.isArray()) {
			for (JsonNode t : type) {
				object |= "object".equals(t.stringValue(null));
			}
		}
		return object && !schema.has("properties") && !schema.has("patternProperties")
				&& !schema.has("additionalProperties") && !schema.has("unevaluatedProperties")
				&& !schema.has("allOf") && !schema.has("anyOf") && !schema.has("oneOf") && !schema.has("$ref");
	}

}
