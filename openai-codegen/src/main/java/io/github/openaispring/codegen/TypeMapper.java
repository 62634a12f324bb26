package io.github.openaispring.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import io.github.openaispring.codegen.Model.Def;
import io.github.openaispring.codegen.Model.EnumDef;
import io.github.openaispring.codegen.Model.JType;
import io.github.openaispring.codegen.Model.ListOf;
import io.github.openaispring.codegen.Model.Location;
import io.github.openaispring.codegen.Model.MapOf;
import io.github.openaispring.codegen.Model.Named;
import io.github.openaispring.codegen.Model.ObjectDef;
import io.github.openaispring.codegen.Model.Prop;
import io.github.openaispring.codegen.Model.Scalar;
import io.github.openaispring.codegen.Model.UnionDef;
import io.github.openaispring.codegen.Model.Variant;

/**
 * Maps the specification's schemas to the generator's model. This is where the idioms of the
 * OpenAI specification are read: {@code anyOf [X, null]} and {@code nullable: true} are a
 * nullable X, {@code anyOf [string, enum]} is an open enum, {@code allOf} is a merge of
 * fields, and what remains of {@code oneOf}/{@code anyOf} is a union.
 */
final class TypeMapper {

	private static final List<String> IMPLICIT_DISCRIMINATORS = List.of("type", "object", "role", "event");

	private static final Set<String> RESERVED_NESTED = Set.of("Builder", "Unknown", "Deserializer", "String", "List",
			"Map", "Optional", "Object", "Long", "Double", "Boolean", "Integer", "Set", "Collections", "Objects",
			"Override", "Nullable", "Deprecated", "JsonNode", "Path", "UploadFile", "ModelSupport", "Params");

	/** A resolved type and whether JSON {@code null} is allowed for it. */
	record Resolved(JType type, boolean nullable) {
	}

	private final JsonNode schemas;

	private final Config config;

	private final String packageName;

	private final Map<String, Resolved> named = new HashMap<>();

	private final Set<String> resolving = new HashSet<>();

	private final Map<String, Def> topLevel = new LinkedHashMap<>();

	private final Set<String> schemaTypeNames = new HashSet<>();

	TypeMapper(JsonNode schemas, Config config, String packageName) {
		this.schemas = schemas;
		this.config = config;
		this.packageName = packageName;
		schemas.fieldNames().forEachRemaining((name) -> this.schemaTypeNames.add(config.typeName(name)));
	}

	Map<String, Def> topLevel() {
		return this.topLevel;
	}

	/** The name of the schema a {@code $ref} points at. */
	static String refName(JsonNode schema) {
		String ref = schema.path("$ref").asText();
		return ref.substring(ref.lastIndexOf('/') + 1);
	}

	JsonNode schema(String name) {
		JsonNode schema = this.schemas.get(name);
		if (schema == null) {
			throw new IllegalStateException("No schema named " + name);
		}
		return schema;
	}

	/** Resolve a named schema of components/schemas. */
	Resolved resolveNamed(String name) {
		Resolved cached = this.named.get(name);
		if (cached != null) {
			return cached;
		}
		if (!this.resolving.add(name)) {
			return new Resolved(Scalar.ANY, true);
		}
		try {
			Resolved resolved = resolve(schema(name), null, this.config.typeName(name), name);
			this.named.put(name, resolved);
			return resolved;
		}
		finally {
			this.resolving.remove(name);
		}
	}

	/**
	 * Resolve a schema.
	 * @param schema the schema
	 * @param owner the type that nests any type created for it, or null for a top-level type
	 * @param hint the name of a type created for it
	 * @param schemaName the schema's name when it is a named schema, else null
	 */
	Resolved resolve(JsonNode schema, Def owner, String hint, String schemaName) {
		if (schema == null || schema.isMissingNode() || schema.isBoolean()) {
			return new Resolved(Scalar.ANY, true);
		}
		boolean nullable = schema.path("nullable").asBoolean(false);
		if (schema.has("$ref")) {
			Resolved target = resolveNamed(refName(schema));
			return new Resolved(target.type(), nullable || target.nullable());
		}
		JsonNode type = schema.get("type");
		if (type != null && type.isArray()) {
			List<String> types = new ArrayList<>();
			for (JsonNode each : type) {
				if ("null".equals(each.asText())) {
					nullable = true;
				}
				else {
					types.add(each.asText());
				}
			}
			if (types.size() == 1) {
				com.fasterxml.jackson.databind.node.ObjectNode copy = schema.deepCopy();
				copy.put("type", types.get(0));
				Resolved resolved = resolve(copy, owner, hint, schemaName);
				return new Resolved(resolved.type(), true);
			}
		}
		if ((schema.has("oneOf") || schema.has("anyOf")) && !schema.has("properties")) {
			List<JsonNode> branches = new ArrayList<>();
			for (JsonNode branch : schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf")) {
				if (isNull(branch)) {
					nullable = true;
				}
				else {
					branches.add(branch);
				}
			}
			if (branches.isEmpty()) {
				return new Resolved(Scalar.ANY, true);
			}
			if (branches.size() == 1) {
				Resolved resolved = resolve(withDescription(branches.get(0), schema), owner, hint, schemaName);
				return new Resolved(resolved.type(), nullable || resolved.nullable());
			}
			JType openEnum = openEnum(branches, owner, hint, schemaName, description(schema));
			if (openEnum != null) {
				return new Resolved(openEnum, nullable);
			}
			return new Resolved(new Named(union(schema, branches, owner, hint, schemaName)), nullable);
		}
		if (schema.has("allOf") && !schema.has("properties")) {
			List<JsonNode> parts = new ArrayList<>();
			for (JsonNode part : schema.get("allOf")) {
				if (isNull(part) || part.path("nullable").asBoolean(false) && isAnnotationOnly(part)) {
					nullable = true;
				}
				else if (!isAnnotationOnly(part)) {
					parts.add(part);
				}
			}
			if (parts.size() == 1) {
				Resolved resolved = resolve(withDescription(parts.get(0), schema), owner, hint, schemaName);
				return new Resolved(resolved.type(), nullable || resolved.nullable());
			}
		}
		if (schema.has("enum")) {
			Set<String> values = new LinkedHashSet<>();
			boolean strings = true;
			for (JsonNode value : schema.get("enum")) {
				if (value.isNull()) {
					nullable = true;
				}
				else if (value.isTextual()) {
					values.add(value.asText());
				}
				else {
					strings = false;
				}
			}
			if (!strings) {
				return new Resolved(scalar(schema), nullable);
			}
			if (values.isEmpty()) {
				return new Resolved(Scalar.STRING, nullable);
			}
			EnumDef def = new EnumDef(className(owner, hint, schemaName), schemaName, description(schema), owner);
			def.values.addAll(values);
			register(def, schemaName);
			return new Resolved(new Named(def), nullable);
		}
		if (schema.has("const")) {
			return new Resolved(Scalar.STRING, nullable);
		}
		String typeName = schema.path("type").asText("");
		if (schema.has("properties") || schema.has("allOf")) {
			Map<String, JsonNode> properties = new LinkedHashMap<>();
			Set<String> required = new LinkedHashSet<>();
			collectProperties(schema, properties, required, new HashSet<>());
			if (!properties.isEmpty()) {
				ObjectDef def = new ObjectDef(className(owner, hint, schemaName), schemaName, description(schema), owner);
				register(def, schemaName);
				addProperties(def, properties, required, Location.BODY);
				return new Resolved(new Named(def), nullable);
			}
			typeName = "object";
		}
		switch (typeName) {
			case "object" -> {
				JsonNode additional = schema.get("additionalProperties");
				if (additional != null && additional.isObject() && !additional.isEmpty()) {
					Resolved value = resolve(additional, owner, hint + "Value", null);
					return new Resolved(new MapOf(value.type()), nullable);
				}
				return new Resolved(new MapOf(Scalar.ANY), nullable);
			}
			case "array" -> {
				Resolved item = resolve(schema.get("items"), owner, Names.singularPascal(hint), null);
				return new Resolved(new ListOf(item.type()), nullable);
			}
			default -> {
				return new Resolved(scalar(schema), nullable);
			}
		}
	}

	private static Scalar scalar(JsonNode schema) {
		return switch (schema.path("type").asText("")) {
			case "string" -> "binary".equals(schema.path("format").asText()) ? Scalar.FILE : Scalar.STRING;
			case "integer" -> Scalar.INTEGER;
			case "number" -> Scalar.NUMBER;
			case "boolean" -> Scalar.BOOLEAN;
			default -> Scalar.ANY;
		};
	}

	private static boolean isNullable(JsonNode schema) {
		if (schema.path("nullable").asBoolean(false)) {
			return true;
		}
		for (String keyword : List.of("anyOf", "oneOf", "allOf")) {
			for (JsonNode branch : schema.path(keyword)) {
				if (isNull(branch) || branch.path("nullable").asBoolean(false)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isNull(JsonNode schema) {
		if ("null".equals(schema.path("type").asText())) {
			return true;
		}
		JsonNode values = schema.get("enum");
		return values != null && values.size() == 1 && values.get(0).isNull();
	}

	private static boolean isAnnotationOnly(JsonNode schema) {
		Iterator<String> names = schema.fieldNames();
		while (names.hasNext()) {
			String name = names.next();
			if (!name.equals("description") && !name.equals("title") && !name.equals("example") && !name.equals("nullable")
					&& !name.equals("default") && !name.equals("deprecated") && !name.startsWith("x-")) {
				return false;
			}
		}
		return true;
	}

	private static JsonNode withDescription(JsonNode branch, JsonNode outer) {
		if (!outer.has("description") || branch.has("description") || branch.has("$ref")) {
			return branch;
		}
		com.fasterxml.jackson.databind.node.ObjectNode copy = branch.deepCopy();
		copy.set("description", outer.get("description"));
		return copy;
	}

	static String description(JsonNode schema) {
		String description = schema.path("description").asText("");
		if (description.isEmpty()) {
			description = schema.path("title").asText("");
		}
		return description.strip();
	}

	/** An open enum when every branch is a string, at least one with listed values. */
	private JType openEnum(List<JsonNode> branches, Def owner, String hint, String schemaName, String description) {
		Set<String> values = new LinkedHashSet<>();
		EnumDef namedEnum = null;
		for (JsonNode branch : branches) {
			if (branch.has("$ref")) {
				Resolved target = resolveNamed(refName(branch));
				if (target.type() instanceof Named named && named.def() instanceof EnumDef enumDef) {
					namedEnum = (namedEnum != null) ? namedEnum : enumDef;
					values.addAll(enumDef.values);
					continue;
				}
				if (target.type() == Scalar.STRING) {
					continue;
				}
				return null;
			}
			boolean string = "string".equals(branch.path("type").asText("string")) && !branch.has("properties")
					&& !branch.has("oneOf") && !branch.has("anyOf") && !branch.has("allOf") && !branch.has("items")
					&& !"binary".equals(branch.path("format").asText());
			if (!string) {
				return null;
			}
			for (JsonNode value : branch.path("enum")) {
				if (value.isTextual()) {
					values.add(value.asText());
				}
			}
		}
		if (values.isEmpty()) {
			return Scalar.STRING;
		}
		if (namedEnum != null && namedEnum.values.containsAll(values)) {
			return new Named(namedEnum);
		}
		EnumDef def = new EnumDef(className(owner, hint, schemaName), schemaName, description, owner);
		def.values.addAll(values);
		register(def, schemaName);
		return new Named(def);
	}

	private UnionDef union(JsonNode schema, List<JsonNode> branches, Def owner, String hint, String schemaName) {
		UnionDef union = new UnionDef(className(owner, hint, schemaName), schemaName, description(schema), owner);
		register(union, schemaName);
		Set<String> names = new HashSet<>();
		int index = 0;
		for (JsonNode branch : branches) {
			index++;
			Variant variant;
			if (branch.has("$ref")) {
				Resolved target = resolveNamed(refName(branch));
				variant = variant(union, target.type(), description(schema(refName(branch))), names);
			}
			else if (isObjectLike(branch)) {
				String name = unique(inlineVariantName(branch, index), names, union);
				Resolved target = resolve(branch, union, name, null);
				variant = variant(union, target.type(), description(branch), names);
			}
			else {
				// An inline enum beside objects lists keywords, such as tool_choice's "auto".
				String branchHint = branch.has("enum") ? "Keyword" : hint + "Item";
				Resolved target = resolve(branch, union, branchHint, null);
				variant = variant(union, target.type(), description(branch), names);
			}
			union.variants.add(variant);
		}
		discriminate(union, schema);
		return union;
	}

	private Variant variant(UnionDef union, JType type, String description, Set<String> names) {
		if (type instanceof Named named && !(named.def() instanceof EnumDef)) {
			Def def = named.def();
			def.unions.add(union);
			return new Variant(Names.withoutCommonPrefix(def.simpleName(), union.simpleName()), def, null, description);
		}
		String name = unique("Of" + typeWord(type, false), names, union);
		return new Variant(name, null, type, description);
	}

	private static boolean isObjectLike(JsonNode branch) {
		return branch.has("properties") || branch.has("allOf") || ("object".equals(branch.path("type").asText())
				&& !branch.has("additionalProperties") && branch.has("properties"));
	}

	private String inlineVariantName(JsonNode branch, int index) {
		JsonNode properties = branch.path("properties");
		for (String discriminator : IMPLICIT_DISCRIMINATORS) {
			JsonNode property = properties.path(discriminator);
			String value = constValue(property);
			if (value != null) {
				return Names.pascal(value);
			}
		}
		String title = branch.path("title").asText("");
		if (!title.isEmpty() && title.length() < 60) {
			return Names.pascal(title);
		}
		return "Variant" + index;
	}

	/** The single integer an inline integer {@code enum} allows, such as an audio sample rate. */
	private static Long constInteger(JsonNode property) {
		JsonNode values = property.get("enum");
		if (values != null && values.size() == 1 && values.get(0).isIntegralNumber()) {
			return values.get(0).asLong();
		}
		return null;
	}

	/**
	 * The single value a property is fixed to, from an inline {@code const} or one-value
	 * {@code enum}, looking through a nullable wrapper ({@code anyOf [X, null]}). A reference to
	 * a named one-value enum is not a constant: it is an enum that may grow.
	 */
	String constValue(JsonNode property) {
		if (property.has("$ref")) {
			return null;
		}
		if (property.has("const") && property.get("const").isTextual()) {
			return property.get("const").asText();
		}
		JsonNode values = property.get("enum");
		if (values != null) {
			List<String> texts = new ArrayList<>();
			for (JsonNode value : values) {
				if (value.isTextual()) {
					texts.add(value.asText());
				}
			}
			return (texts.size() == 1) ? texts.get(0) : null;
		}
		for (String keyword : List.of("anyOf", "oneOf", "allOf")) {
			if (property.has(keyword)) {
				String found = null;
				for (JsonNode branch : property.get(keyword)) {
					if (isNull(branch) || isAnnotationOnly(branch)) {
						continue;
					}
					if (found != null) {
						return null;
					}
					found = constValue(branch);
					if (found == null) {
						return null;
					}
				}
				return found;
			}
		}
		return null;
	}

	/** A word naming a type, for wrapper variants: {@code OfString}, {@code OfArrayOfStrings}. */
	static String typeWord(JType type, boolean plural) {
		String word;
		if (type instanceof Scalar scalar) {
			word = switch (scalar) {
				case STRING -> "String";
				case INTEGER -> "Integer";
				case NUMBER -> "Number";
				case BOOLEAN -> "Boolean";
				case FILE -> "File";
				case ANY -> "Json";
			};
		}
		else if (type instanceof ListOf list) {
			return (plural ? "ArraysOf" : "ArrayOf") + typeWord(list.item(), true);
		}
		else if (type instanceof MapOf) {
			word = "Map";
		}
		else {
			word = ((Named) type).def().simpleName();
		}
		return plural ? word + "s" : word;
	}

	private void discriminate(UnionDef union, JsonNode schema) {
		List<String> candidates = new ArrayList<>();
		String explicit = schema.path("discriminator").path("propertyName").asText("");
		if (!explicit.isEmpty()) {
			candidates.add(explicit);
		}
		candidates.addAll(IMPLICIT_DISCRIMINATORS);
		boolean anyObject = union.variants.stream().anyMatch((variant) -> variant.def != null);
		if (!anyObject) {
			return;
		}
		for (String candidate : candidates) {
			Map<Variant, Set<String>> values = new LinkedHashMap<>();
			boolean complete = true;
			for (Variant variant : union.variants) {
				if (variant.def == null) {
					continue;
				}
				Set<String> found = discriminatorValues(variant.def, candidate, new HashSet<>());
				if (found == null || found.isEmpty()) {
					complete = false;
					break;
				}
				values.put(variant, found);
			}
			if (complete) {
				union.discriminator = candidate;
				values.forEach((variant, found) -> variant.discriminatorValues.addAll(found));
				return;
			}
		}
	}

	private Set<String> discriminatorValues(Def def, String property, Set<Def> seen) {
		if (!seen.add(def)) {
			return null;
		}
		if (def instanceof ObjectDef object) {
			for (Prop prop : object.props) {
				if (prop.jsonName.equals(property)) {
					if (prop.constValue != null) {
						return Set.of(prop.constValue);
					}
					if (prop.type instanceof Named named && named.def() instanceof EnumDef enumDef) {
						return enumDef.values;
					}
					return null;
				}
			}
			return null;
		}
		if (def instanceof UnionDef nested) {
			Set<String> all = new LinkedHashSet<>();
			for (Variant variant : nested.variants) {
				if (variant.def == null) {
					return null;
				}
				Set<String> found = discriminatorValues(variant.def, property, seen);
				if (found == null) {
					return null;
				}
				all.addAll(found);
			}
			return all;
		}
		return null;
	}

	/** Collect the properties of an object schema, merging {@code allOf} parts and references. */
	void collectProperties(JsonNode schema, Map<String, JsonNode> properties, Set<String> required,
			Set<String> seen) {
		if (schema.has("$ref")) {
			String name = refName(schema);
			if (seen.add(name)) {
				collectProperties(schema(name), properties, required, seen);
			}
			return;
		}
		for (JsonNode part : schema.path("allOf")) {
			collectProperties(part, properties, required, seen);
		}
		Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
		while (fields.hasNext()) {
			Map.Entry<String, JsonNode> field = fields.next();
			properties.put(field.getKey(), field.getValue());
		}
		for (JsonNode name : schema.path("required")) {
			required.add(name.asText());
		}
	}

	/** Add resolved properties to an object or params type. */
	void addProperties(ObjectDef def, Map<String, JsonNode> properties, Set<String> required, Location location) {
		for (Map.Entry<String, JsonNode> entry : properties.entrySet()) {
			String name = entry.getKey();
			JsonNode property = entry.getValue();
			String constValue = constValue(property);
			Long constInteger = constInteger(property);
			Resolved resolved = (constValue != null) ? new Resolved(Scalar.STRING, isNullable(property))
					: resolve(property, def, nestedHint(def, name), null);
			String description = description(property);
			if (description.isEmpty() && property.has("$ref")) {
				description = description(schema(refName(property)));
			}
			Prop prop = new Prop(name, resolved.type(), required.contains(name), resolved.nullable(), description,
					constValue, property.path("deprecated").asBoolean(false), location);
			prop.constInteger = constInteger;
			addProp(def, prop);
		}
	}

	void addProp(ObjectDef def, Prop prop) {
		Set<String> taken = new HashSet<>();
		for (Prop existing : def.props) {
			taken.add(existing.javaName);
		}
		String base = prop.javaName;
		int suffix = 2;
		while (taken.contains(prop.javaName) || Emitter.RESERVED_MEMBERS.contains(prop.javaName)) {
			prop.javaName = base + ((suffix == 2 && !taken.contains(base + "Value")) ? "Value" : suffix);
			suffix++;
		}
		def.props.add(prop);
	}

	private String nestedHint(Def owner, String propertyName) {
		return Names.pascal(propertyName);
	}

	/** Choose the class name of a new type, unique among its siblings. */
	ClassName className(Def owner, String hint, String schemaName) {
		if (owner == null) {
			String name = (schemaName != null) ? this.config.typeName(schemaName) : hint;
			if (schemaName == null) {
				// An inline type never takes a name a schema has, whatever order they are reached in.
				if (this.schemaTypeNames.contains(name)) {
					name = name + "Item";
				}
				String base = name;
				int suffix = 2;
				while (this.topLevel.containsKey(name) || this.schemaTypeNames.contains(name)) {
					name = base + suffix++;
				}
			}
			return ClassName.get(this.packageName, name);
		}
		Set<String> taken = new HashSet<>();
		for (Def sibling : owner.nested) {
			taken.add(sibling.simpleName());
		}
		return owner.className.nestedClass(unique(hint, taken, owner));
	}

	private static String unique(String hint, Set<String> taken, Def owner) {
		Set<String> enclosing = new HashSet<>();
		for (Def each = owner; each != null; each = each.owner) {
			enclosing.add(each.simpleName());
		}
		String name = hint;
		if (RESERVED_NESTED.contains(name) || enclosing.contains(name)) {
			name = name + "Value";
		}
		String base = name;
		int suffix = 2;
		while (taken.contains(name) || enclosing.contains(name)) {
			name = base + suffix++;
		}
		taken.add(name);
		return name;
	}

	/** Register a top-level type, failing on a clash between two names from the specification. */
	void register(Def def, String schemaName) {
		if (def.owner != null) {
			return;
		}
		Def existing = this.topLevel.putIfAbsent(def.simpleName(), def);
		if (existing != null && existing != def) {
			throw new IllegalStateException("Two types would be named " + def.simpleName() + ": schema "
					+ existing.schemaName + " and " + ((schemaName != null) ? "schema " + schemaName : "an inline type")
					+ "; add a rename to codegen.properties");
		}
	}

}
