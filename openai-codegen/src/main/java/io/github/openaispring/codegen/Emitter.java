package io.github.openaispring.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
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
 * Writes the generator's model as Java sources with JavaPoet: one immutable class with a
 * builder per object and per operation's params, an open enum class per enum, and a sealed
 * interface per union.
 */
final class Emitter {

	/** Member names a field accessor must not take. */
	static final Set<String> RESERVED_MEMBERS = Set.of("builder", "toBuilder", "additionalProperties", "equals",
			"hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize", "pathParams",
			"queryParams", "headers", "build", "additionalProperty", "additionalBodyProperty",
			"additionalBodyProperties", "additionalHeader", "additionalHeaders", "additionalQueryParam",
			"additionalQueryParams", "putAdditionalProperty");

	private static final String CORE = "io.github.openaispring.core";

	private static final ClassName MODEL_SUPPORT = ClassName.get(CORE, "ModelSupport");

	private static final ClassName UPLOAD_FILE = ClassName.get(CORE, "UploadFile");

	private static final ClassName RESOURCE = ClassName.get("org.springframework.core.io", "Resource");

	private static final ClassName STRING_ENUM = ClassName.get(CORE, "StringEnum");

	private static final ClassName PARAMS = ClassName.get(CORE, "Params");

	private static final ClassName UNION_DESERIALIZER = ClassName.get(CORE, "UnionDeserializer");

	private static final ClassName UNION_VARIANT = ClassName.get(CORE, "UnionVariant");

	private static final ClassName JSON_SHAPE = ClassName.get(CORE, "JsonShape");

	private static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");

	private static final String JACKSON = "com.fasterxml.jackson.annotation";

	private static final ClassName JSON_PROPERTY = ClassName.get(JACKSON, "JsonProperty");

	private static final ClassName JSON_INCLUDE = ClassName.get(JACKSON, "JsonInclude");

	private static final ClassName JSON_AUTO_DETECT = ClassName.get(JACKSON, "JsonAutoDetect");

	private static final ClassName JSON_PROPERTY_ORDER = ClassName.get(JACKSON, "JsonPropertyOrder");

	private static final ClassName JSON_CREATOR = ClassName.get(JACKSON, "JsonCreator");

	private static final ClassName JSON_ANY_SETTER = ClassName.get(JACKSON, "JsonAnySetter");

	private static final ClassName JSON_ANY_GETTER = ClassName.get(JACKSON, "JsonAnyGetter");

	private static final ClassName JSON_IGNORE = ClassName.get(JACKSON, "JsonIgnore");

	private static final ClassName JSON_VALUE = ClassName.get(JACKSON, "JsonValue");

	private static final ClassName JSON_DESERIALIZE = ClassName.get("tools.jackson.databind.annotation",
			"JsonDeserialize");

	private static final ClassName VALUE_DESERIALIZER = ClassName.get("tools.jackson.databind", "ValueDeserializer");

	private static final ClassName JSON_NODE = ClassName.get("tools.jackson.databind", "JsonNode");

	private static final ClassName TYPE_REFERENCE = ClassName.get("tools.jackson.core.type", "TypeReference");

	private static final ClassName LIST = ClassName.get(List.class);

	private static final ClassName MAP = ClassName.get(Map.class);

	private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");

	private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

	private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");

	private static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");

	private static final ClassName STRING = ClassName.get(String.class);

	private static final ClassName OBJECT = ClassName.get(Object.class);

	private static final TypeName STRING_OBJECT_MAP = ParameterizedTypeName.get(MAP, STRING, OBJECT);

	private static final TypeName HEADER_MAP = ParameterizedTypeName.get(MAP, STRING,
			ParameterizedTypeName.get(LIST, STRING));

	private final String packageName;

	private final Config config;

	private final Set<String> shorthandsWritten = new HashSet<>();

	Emitter(String packageName, Config config) {
		this.packageName = packageName;
		this.config = config;
	}

	/** Write every type, returning the number of files written. */
	int write(List<Def> types, Path out) throws IOException {
		Files.createDirectories(out);
		int count = 0;
		for (Def def : types) {
			JavaFile file = JavaFile.builder(this.packageName, typeSpec(def))
				.skipJavaLangImports(true)
				.indent("\t")
				.addFileComment("Generated by openai-codegen from the OpenAI OpenAPI description. Do not edit.")
				.build();
			file.writeTo(out);
			count++;
		}
		List<String> unused = this.config.shorthandKeys().stream().filter((key) -> !this.shorthandsWritten.contains(key)).toList();
		if (!unused.isEmpty()) {
			throw new IllegalStateException("codegen.properties names shorthands of no generated field: " + unused);
		}
		Path packageDir = out.resolve(this.packageName.replace('.', '/'));
		Files.createDirectories(packageDir);
		Files.writeString(packageDir.resolve("package-info.java"), """
				// Generated by openai-codegen from the OpenAI OpenAPI description. Do not edit.
				/**
				 * Request and response types of the OpenAI API, generated from its OpenAPI description.
				 */
				@NullMarked
				package %s;

				import org.jspecify.annotations.NullMarked;
				""".formatted(this.packageName));
		return count + 1;
	}

	private TypeSpec typeSpec(Def def) {
		if (def instanceof ObjectDef object) {
			return objectSpec(object);
		}
		if (def instanceof EnumDef enumDef) {
			return enumSpec(enumDef);
		}
		return unionSpec((UnionDef) def);
	}

	/** The Java type of a value. */
	static TypeName typeName(JType type) {
		if (type instanceof Scalar scalar) {
			return switch (scalar) {
				case STRING -> STRING;
				case INTEGER -> ClassName.get(Long.class);
				case NUMBER -> ClassName.get(Double.class);
				case BOOLEAN -> ClassName.get(Boolean.class);
				case ANY -> OBJECT;
				case FILE -> UPLOAD_FILE;
			};
		}
		if (type instanceof ListOf list) {
			return ParameterizedTypeName.get(LIST, typeName(list.item()));
		}
		if (type instanceof MapOf map) {
			return ParameterizedTypeName.get(MAP, STRING, typeName(map.value()));
		}
		return ((Named) type).def().className;
	}

	private static TypeName nullable(TypeName type) {
		return type.annotated(AnnotationSpec.builder(NULLABLE).build());
	}

	/**
	 * The type a field is stored as: {@code null} when absent, an empty optional for JSON
	 * {@code null}, so that both are written back as they were read.
	 */
	private static TypeName storedType(Prop prop) {
		return ParameterizedTypeName.get(OPTIONAL, typeName(prop.type));
	}

	static String javadoc(String text) {
		// The spec's text is Markdown, not HTML: its <, > and & are characters to show (such as
		// <|endoftext|> or a query string), which doclint would otherwise read as malformed HTML.
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("*/", "*&#47;")
			.replace("\\", "&#92;")
			.replace("@", "&#64;")
			.strip();
	}

	/** Add Javadoc made of text from the specification (escaped here) and generated text (not escaped). */
	private static void addJavadoc(TypeSpec.Builder type, String specText, String generatedText) {
		StringBuilder doc = new StringBuilder();
		if (specText != null && !specText.isBlank()) {
			doc.append(javadoc(specText));
		}
		if (!generatedText.isEmpty()) {
			doc.append((doc.length() > 0) ? "\n\n" : "").append(generatedText);
		}
		if (doc.length() > 0) {
			type.addJavadoc("$L\n", doc.toString());
		}
	}

	// ---- objects and params -------------------------------------------------------------

	private TypeSpec objectSpec(ObjectDef def) {
		boolean params = def.isParams();
		String typeLabel = def.simpleName();
		TypeSpec.Builder type = TypeSpec.classBuilder(def.className)
			.addModifiers(Modifier.PUBLIC, Modifier.FINAL);
		if (def.owner != null) {
			type.addModifiers(Modifier.STATIC);
		}
		addJavadoc(type, def.description, (def.description == null || def.description.isBlank())
				? "The {@code " + javadoc((def.schemaName != null) ? def.schemaName : def.simpleName()) + "} "
						+ (params ? "request" : "object") + " of the OpenAI API."
				: "");
		type.addAnnotation(AnnotationSpec.builder(JSON_INCLUDE)
			.addMember("value", "$T.Include.NON_NULL", JSON_INCLUDE)
			.build());
		// Only the annotated fields are JSON: an accessor such as isScimManaged() must not be
		// taken for a property, whichever mapper writes the object.
		type.addAnnotation(AnnotationSpec.builder(JSON_AUTO_DETECT)
			.addMember("getterVisibility", "$T.Visibility.NONE", JSON_AUTO_DETECT)
			.addMember("isGetterVisibility", "$T.Visibility.NONE", JSON_AUTO_DETECT)
			.addMember("setterVisibility", "$T.Visibility.NONE", JSON_AUTO_DETECT)
			.build());
		List<Prop> body = new ArrayList<>();
		for (Prop prop : def.props) {
			if (prop.location == Location.BODY) {
				body.add(prop);
			}
		}
		if (!body.isEmpty()) {
			AnnotationSpec.Builder order = AnnotationSpec.builder(JSON_PROPERTY_ORDER);
			for (Prop prop : body) {
				order.addMember("value", "$S", prop.jsonName);
			}
			type.addAnnotation(order.build());
		}
		if (!params) {
			type.addAnnotation(AnnotationSpec.builder(JSON_DESERIALIZE)
				.addMember("using", "$T.None.class", VALUE_DESERIALIZER)
				.build());
		}
		for (UnionDef union : def.unions) {
			type.addSuperinterface(union.className);
		}
		if (params) {
			type.addSuperinterface(PARAMS);
		}
		ClassName builderName = def.className.nestedClass("Builder");
		for (Prop prop : def.props) {
			FieldSpec.Builder field = FieldSpec.builder(nullable(storedType(prop)), prop.javaName, Modifier.PRIVATE,
					Modifier.FINAL);
			if (prop.location == Location.BODY) {
				field.addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", prop.jsonName).build());
			}
			else {
				field.addAnnotation(JSON_IGNORE);
			}
			type.addField(field.build());
		}
		List<ExtraMap> extras = extraMaps(params);
		for (ExtraMap extra : extras) {
			FieldSpec.Builder field = FieldSpec.builder(extra.type, extra.field, Modifier.PRIVATE, Modifier.FINAL);
			if (!extra.json) {
				field.addAnnotation(JSON_IGNORE);
			}
			type.addField(field.build());
		}
		if (!params) {
			MethodSpec.Builder creator = MethodSpec.constructorBuilder()
				.addModifiers(Modifier.PRIVATE)
				.addAnnotation(JSON_CREATOR);
			for (Prop prop : def.props) {
				creator.addStatement("this.$N = null", prop.javaName);
			}
			creator.addStatement("this.additionalProperties = new $T<>()", LINKED_HASH_MAP);
			type.addMethod(creator.build());
		}
		MethodSpec.Builder fromBuilder = MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PRIVATE)
			.addParameter(builderName, "builder");
		for (Prop prop : def.props) {
			fromBuilder.addStatement("this.$N = builder.$N", prop.javaName, prop.javaName);
		}
		for (ExtraMap extra : extras) {
			fromBuilder.addStatement("this.$N = new $T<>(builder.$N)", extra.field, LINKED_HASH_MAP, extra.field);
		}
		type.addMethod(fromBuilder.build());
		type.addMethod(MethodSpec.methodBuilder("builder")
			.addJavadoc("Return a new builder of {@link $T}.\n@return the builder\n", def.className)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.returns(builderName)
			.addStatement("return new $T()", builderName)
			.build());
		type.addMethod(MethodSpec.methodBuilder("toBuilder")
			.addJavadoc("Return a builder that starts from the values of this object.\n@return the builder\n")
			.addModifiers(Modifier.PUBLIC)
			.returns(builderName)
			.addStatement("return new $T(this)", builderName)
			.build());
		for (Prop prop : def.props) {
			type.addMethod(accessor(def, prop));
		}
		for (ExtraMap extra : extras) {
			MethodSpec.Builder accessor = MethodSpec.methodBuilder(extra.field)
				.addJavadoc("$L\n@return the values, read-only\n", extra.doc)
				.addModifiers(Modifier.PUBLIC)
				.returns(extra.type)
				.addStatement("return $T.unmodifiableMap(this.$N)", COLLECTIONS, extra.field);
			if (extra.json) {
				accessor.addAnnotation(JSON_ANY_GETTER);
			}
			if (params && extra.field.equals("additionalBodyProperties")) {
				accessor.addAnnotation(JSON_ANY_GETTER);
			}
			type.addMethod(accessor.build());
		}
		if (!params) {
			type.addMethod(MethodSpec.methodBuilder("putAdditionalProperty")
				.addModifiers(Modifier.PRIVATE)
				.addAnnotation(JSON_ANY_SETTER)
				.addParameter(STRING, "name")
				.addParameter(nullable(OBJECT), "value")
				.addStatement("this.additionalProperties.put(name, value)")
				.build());
		}
		if (params) {
			addParamsMethods(type, def);
		}
		addValueMethods(type, def, extras);
		type.addType(builderSpec(def, builderName, extras));
		for (Def nested : def.nested) {
			type.addType(typeSpec(nested));
		}
		return type.build();
	}

	/** The maps of extra values an object carries: unknown JSON fields, or a params' escape hatches. */
	private record ExtraMap(String field, TypeName type, boolean json, String doc) {
	}

	private static List<ExtraMap> extraMaps(boolean params) {
		if (!params) {
			return List.of(new ExtraMap("additionalProperties", STRING_OBJECT_MAP, true,
					"Return the JSON fields this version of the client does not declare; they are written back as they were read."));
		}
		return List.of(
				new ExtraMap("additionalBodyProperties", STRING_OBJECT_MAP, false,
						"Return the extra fields sent in the JSON body beside the declared ones."),
				new ExtraMap("additionalHeaders", HEADER_MAP, false, "Return the extra headers sent with the request."),
				new ExtraMap("additionalQueryParams", STRING_OBJECT_MAP, false,
						"Return the extra query parameters sent with the request."));
	}

	private MethodSpec accessor(ObjectDef def, Prop prop) {
		TypeName type = typeName(prop.type);
		MethodSpec.Builder method = MethodSpec.methodBuilder(prop.javaName).addModifiers(Modifier.PUBLIC);
		String doc = prop.description.isBlank() ? "Return the {@code " + prop.jsonName + "} field."
				: javadoc(prop.description);
		boolean collection = prop.type instanceof ListOf || prop.type instanceof MapOf;
		if (collection) {
			method.returns(type)
				.addStatement("return $T.$L(this.$N)", MODEL_SUPPORT,
						(prop.type instanceof ListOf) ? "listView" : "mapView", prop.javaName);
			doc += "\n@return the value, read-only, empty when absent";
		}
		else if (prop.required && !prop.nullable) {
			TypeName returned = type.isBoxedPrimitive() ? type.unbox() : type;
			method.returns(returned)
				.addStatement("return $T.required(this.$N, $S, $S)", MODEL_SUPPORT, prop.javaName, def.simpleName(),
						prop.jsonName);
			doc += "\n@return the value\n@throws io.github.openaispring.errors.OpenAIInvalidDataException if the server left this required field out";
		}
		else {
			method.returns(nullable(type)).addStatement("return $T.orNull(this.$N)", MODEL_SUPPORT, prop.javaName);
			doc += "\n@return the value, or {@code null} when absent or JSON {@code null}";
		}
		method.addJavadoc("$L\n", doc);
		if (prop.deprecated) {
			method.addAnnotation(Deprecated.class);
		}
		return method.build();
	}

	private void addParamsMethods(TypeSpec.Builder type, ObjectDef def) {
		MethodSpec.Builder path = MethodSpec.methodBuilder("pathParams")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(ParameterizedTypeName.get(MAP, STRING, STRING))
			.addStatement("$T<$T, $T> result = new $T<>()", MAP, STRING, STRING, LINKED_HASH_MAP);
		MethodSpec.Builder query = MethodSpec.methodBuilder("queryParams")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(STRING_OBJECT_MAP)
			.addStatement("$T<$T, $T> result = new $T<>()", MAP, STRING, OBJECT, LINKED_HASH_MAP);
		MethodSpec.Builder headers = MethodSpec.methodBuilder("headers")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(HEADER_MAP)
			.addStatement("$T result = new $T<>()", HEADER_MAP, LINKED_HASH_MAP);
		for (Prop prop : def.props) {
			switch (prop.location) {
				case PATH -> path.addStatement("result.put($S, $T.pathValue(this.$N))", prop.jsonName, MODEL_SUPPORT,
						prop.javaName);
				case QUERY -> query.addStatement("$T.putQueryParam(result, $S, this.$N)", MODEL_SUPPORT, prop.jsonName,
						prop.javaName);
				case HEADER -> headers.addStatement("$T.putHeader(result, $S, this.$N)", MODEL_SUPPORT, prop.jsonName,
						prop.javaName);
				default -> {
				}
			}
		}
		query.addStatement("result.putAll(this.additionalQueryParams)");
		headers.addStatement("result.putAll(this.additionalHeaders)");
		type.addMethod(path.addStatement("return result").build());
		type.addMethod(query.addStatement("return result").build());
		type.addMethod(headers.addStatement("return result").build());
	}

	private void addValueMethods(TypeSpec.Builder type, ObjectDef def, List<ExtraMap> extras) {
		List<String> fields = new ArrayList<>();
		for (Prop prop : def.props) {
			fields.add(prop.javaName);
		}
		for (ExtraMap extra : extras) {
			fields.add(extra.field);
		}
		MethodSpec.Builder equals = MethodSpec.methodBuilder("equals")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(TypeName.BOOLEAN)
			.addParameter(nullable(OBJECT), "other")
			.beginControlFlow("if (this == other)")
			.addStatement("return true")
			.endControlFlow()
			.beginControlFlow("if (!(other instanceof $T that))", def.className)
			.addStatement("return false")
			.endControlFlow();
		CodeBlock.Builder comparison = CodeBlock.builder();
		for (int i = 0; i < fields.size(); i++) {
			comparison.add((i == 0) ? "return " : "\n\t\t&& ").add("$T.equals(this.$N, that.$N)", OBJECTS, fields.get(i),
					fields.get(i));
		}
		equals.addStatement(comparison.build());
		type.addMethod(equals.build());
		CodeBlock.Builder hash = CodeBlock.builder().add("return $T.hash(", OBJECTS);
		for (int i = 0; i < fields.size(); i++) {
			hash.add((i == 0) ? "this.$N" : ", this.$N", fields.get(i));
		}
		type.addMethod(MethodSpec.methodBuilder("hashCode")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(TypeName.INT)
			.addStatement(hash.add(")").build())
			.build());
		MethodSpec.Builder toString = MethodSpec.methodBuilder("toString")
			.addAnnotation(Override.class)
			.addModifiers(Modifier.PUBLIC)
			.returns(STRING)
			.addStatement("$T result = new $T($S)", StringBuilder.class, StringBuilder.class, def.simpleName() + "{");
		for (Prop prop : def.props) {
			toString.addStatement("$T.appendField(result, $S, this.$N)", MODEL_SUPPORT, prop.javaName, prop.javaName);
		}
		for (ExtraMap extra : extras) {
			toString.beginControlFlow("if (!this.$N.isEmpty())", extra.field)
				.addStatement("$T.appendField(result, $S, this.$N)", MODEL_SUPPORT, extra.field, extra.field)
				.endControlFlow();
		}
		type.addMethod(toString.addStatement("return result.append('}').toString()").build());
	}

	// ---- builders -------------------------------------------------------------------------

	/** Tracks builder method signatures so that overloads never clash after erasure. */
	private static final class Signatures {

		private final Map<String, Set<String>> taken = new HashMap<>();

		boolean claim(String name, TypeName... parameters) {
			StringBuilder erasure = new StringBuilder();
			for (TypeName parameter : parameters) {
				erasure.append(erase(parameter)).append(',');
			}
			return this.taken.computeIfAbsent(name, (key) -> new HashSet<>()).add(erasure.toString());
		}

		private static String erase(TypeName type) {
			TypeName plain = type.withoutAnnotations();
			if (plain instanceof ParameterizedTypeName parameterized) {
				return parameterized.rawType().canonicalName();
			}
			return plain.toString();
		}

	}

	private TypeSpec builderSpec(ObjectDef def, ClassName builderName, List<ExtraMap> extras) {
		TypeSpec.Builder builder = TypeSpec.classBuilder(builderName)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
			.addJavadoc("A builder of {@link $T}. Not thread-safe.\n", def.className);
		for (Prop prop : def.props) {
			builder.addField(FieldSpec.builder(nullable(storedType(prop)), prop.javaName, Modifier.PRIVATE).build());
		}
		for (ExtraMap extra : extras) {
			builder.addField(FieldSpec.builder(extra.type, extra.field, Modifier.PRIVATE)
				.initializer("new $T<>()", LINKED_HASH_MAP)
				.build());
		}
		MethodSpec.Builder empty = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE);
		for (Prop prop : def.props) {
			if (prop.constValue != null && prop.type == Scalar.STRING) {
				empty.addStatement("this.$N = $T.of($S)", prop.javaName, OPTIONAL, prop.constValue);
			}
			else if (prop.constInteger != null && prop.type == Scalar.INTEGER) {
				empty.addStatement("this.$N = $T.of($LL)", prop.javaName, OPTIONAL, prop.constInteger);
			}
			else if (prop.required && prop.type instanceof Named named && named.def() instanceof EnumDef enumDef
					&& enumDef.values.size() == 1) {
				empty.addStatement("this.$N = $T.of($T.of($S))", prop.javaName, OPTIONAL, enumDef.className,
						enumDef.values.iterator().next());
			}
		}
		builder.addMethod(empty.build());
		MethodSpec.Builder copy = MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PRIVATE)
			.addParameter(def.className, "source");
		for (Prop prop : def.props) {
			copy.addStatement("this.$N = source.$N", prop.javaName, prop.javaName);
		}
		for (ExtraMap extra : extras) {
			copy.addStatement("this.$N.putAll(source.$N)", extra.field, extra.field);
		}
		builder.addMethod(copy.build());
		Signatures signatures = new Signatures();
		for (Prop prop : def.props) {
			addSetters(builder, builderName, def, prop, signatures);
		}
		addEscapeHatches(builder, builderName, def.isParams());
		MethodSpec.Builder build = MethodSpec.methodBuilder("build")
			.addModifiers(Modifier.PUBLIC)
			.returns(def.className)
			.addJavadoc("Build the {@link $T}.\n@return the new object\n"
					+ "@throws io.github.openaispring.errors.OpenAIInvalidDataException if a required field was not set\n",
					def.className);
		for (Prop prop : def.props) {
			if (prop.location == Location.PATH) {
				build.addStatement("$T.checkPathParam(this.$N, $S, $S)", MODEL_SUPPORT, prop.javaName, def.simpleName(),
						prop.jsonName);
			}
			else if (prop.required && !prop.nullable) {
				build.addStatement("$T.checkSet(this.$N, $S, $S)", MODEL_SUPPORT, prop.javaName, def.simpleName(),
						prop.jsonName);
			}
		}
		builder.addMethod(build.addStatement("return new $T(this)", def.className).build());
		return builder.build();
	}

	private void addSetters(TypeSpec.Builder builder, ClassName builderName, ObjectDef def, Prop prop,
			Signatures signatures) {
		TypeName type = typeName(prop.type);
		String doc = prop.description.isBlank() ? "Set the {@code " + prop.jsonName + "} field."
				: javadoc(prop.description);
		if (prop.nullable) {
			doc += "\n<p>{@code null} sends JSON {@code null}; not calling this method leaves the field out.";
		}
		CodeBlock value;
		if (prop.type instanceof ListOf) {
			value = CodeBlock.of("($N != null) ? $T.copyList($N, $S) : null", prop.javaName, MODEL_SUPPORT,
					prop.javaName, prop.jsonName);
		}
		else if (prop.type instanceof MapOf) {
			value = CodeBlock.of("($N != null) ? $T.copyMap($N) : null", prop.javaName, MODEL_SUPPORT, prop.javaName);
		}
		else {
			value = CodeBlock.of("$N", prop.javaName);
		}
		MethodSpec.Builder primary = setter(builderName, prop.javaName, doc, prop, prop.javaName)
			.addParameter(prop.nullable ? nullable(type) : type, prop.javaName);
		if (prop.nullable) {
			primary.addStatement("this.$N = $T.ofNullable($L)", prop.javaName, OPTIONAL, value);
		}
		else {
			// A null given for a field the API never sets to null unsets the field.
			primary.addStatement("this.$N = ($N != null) ? $T.of($L) : null", prop.javaName, prop.javaName, OPTIONAL,
					value);
		}
		signatures.claim(prop.javaName, type);
		builder.addMethod(primary.addStatement("return this").build());
		for (Overload overload : forms(prop.type, CodeBlock.of("value"))) {
			String name = signatures.claim(prop.javaName, overload.parameterTypes()) ? prop.javaName
					: prop.javaName + overload.suffix;
			if (!name.equals(prop.javaName) && !signatures.claim(name, overload.parameterTypes())) {
				continue;
			}
			MethodSpec.Builder method = setter(builderName, name, doc, prop, "value").addParameter(overload.type,
					"value");
			if (overload.withFilename) {
				method.addParameter(STRING, "filename").addJavadoc("@param filename the file's name, sent with it\n");
			}
			builder.addMethod(method.addStatement("return $N($L)", prop.javaName, overload.convert).build());
		}
		if (prop.type instanceof ListOf list) {
			addElementAdders(builder, builderName, prop, list.item(), signatures);
		}
		addShorthand(builder, builderName, def, prop, signatures);
		if (prop.type instanceof MapOf map) {
			String name = "put" + Names.pascal(prop.javaName);
			if (signatures.claim(name, STRING, typeName(map.value()))) {
				builder.addMethod(MethodSpec.methodBuilder(name)
					.addModifiers(Modifier.PUBLIC)
					.returns(builderName)
					.addJavadoc("Add one entry to the {@code $L} field.\n@param key the key\n@param value the value\n@return this builder\n",
							prop.jsonName)
					.addParameter(STRING, "key")
					.addParameter(typeName(map.value()), "value")
					.addStatement("this.$N = $T.of($T.put($T.orNull(this.$N), key, value))", prop.javaName, OPTIONAL,
							MODEL_SUPPORT, MODEL_SUPPORT, prop.javaName)
					.addStatement("return this")
					.build());
			}
		}
	}

	/**
	 * The setter that takes one field of a nested object alone, when the configuration asks for
	 * it: the seed's {@code expires_after=30} is {@code expiresAfterDays(30)}, the object's other
	 * fields keeping the defaults its builder gives them.
	 */
	private void addShorthand(TypeSpec.Builder builder, ClassName builderName, ObjectDef def, Prop prop,
			Signatures signatures) {
		String nestedField = this.config.shorthand(def.simpleName(), prop.jsonName);
		if (nestedField == null) {
			return;
		}
		String key = "shorthand." + def.simpleName() + "." + prop.jsonName;
		Prop nested = (prop.type instanceof Named named && named.def() instanceof ObjectDef object) ? object.props.stream()
			.filter((candidate) -> candidate.jsonName.equals(nestedField.strip()))
			.findFirst()
			.orElse(null) : null;
		if (nested == null) {
			throw new IllegalStateException(key + ": " + prop.jsonName + " is not an object with a field " + nestedField);
		}
		// A primitive long so that expiresAfterDays(30) compiles from an int literal.
		TypeName type = (nested.type == Scalar.INTEGER) ? TypeName.LONG : typeName(nested.type);
		String name = prop.javaName + Names.pascal(nested.javaName);
		if (!signatures.claim(name, type)) {
			throw new IllegalStateException(key + ": " + name + " is already a method of " + builderName);
		}
		ClassName nestedType = ((Named) prop.type).def().className;
		builder.addMethod(setter(builderName, name,
				"Set the {@code " + prop.jsonName + "} field to an object with only its {@code " + nested.jsonName
						+ "} given, its other fields at their defaults: a shorthand for {@code " + prop.javaName + "("
						+ nestedType.simpleName() + ".builder()." + nested.javaName + "(" + nested.javaName
						+ ").build())}.",
				prop, nested.javaName)
			.addParameter(type, nested.javaName)
			.addStatement("return $N($T.builder().$N($N).build())", prop.javaName, nestedType, nested.javaName,
					nested.javaName)
			.build());
		this.shorthandsWritten.add(key);
	}

	private MethodSpec.Builder setter(ClassName builderName, String name, String doc, Prop prop, String parameter) {
		MethodSpec.Builder method = MethodSpec.methodBuilder(name)
			.addModifiers(Modifier.PUBLIC)
			.returns(builderName)
			.addJavadoc("$L\n@param $L the value\n@return this builder\n", doc, parameter);
		if (prop.deprecated) {
			method.addAnnotation(Deprecated.class);
		}
		return method;
	}

	/**
	 * Another Java type a value of some type can be given as, and how to convert it; a file's
	 * bytes or stream come with a second parameter, {@code filename}.
	 */
	private record Overload(TypeName type, String suffix, CodeBlock convert, boolean withFilename) {

		Overload(TypeName type, String suffix, CodeBlock convert) {
			this(type, suffix, convert, false);
		}

		/** The parameter types of the method: the value's, and a string for the file name. */
		TypeName[] parameterTypes() {
			return this.withFilename ? new TypeName[] { this.type, STRING } : new TypeName[] { this.type };
		}

	}

	/**
	 * The ways a file can be given ({@code Path}, a Spring {@code Resource}, {@code byte[]} or an
	 * {@code InputStream} with its file name), each made an {@code UploadFile} and then the value
	 * by {@code wrap}.
	 */
	private static List<Overload> fileForms(CodeBlock argument, java.util.function.UnaryOperator<CodeBlock> wrap,
			String suffix) {
		CodeBlock single = CodeBlock.of("$T.of($L)", UPLOAD_FILE, argument);
		CodeBlock named = CodeBlock.of("$T.of($L, filename)", UPLOAD_FILE, argument);
		return List.of(new Overload(ClassName.get(Path.class), suffix + "OfPath", wrap.apply(single)),
				new Overload(RESOURCE, suffix + "OfResource", wrap.apply(single)),
				new Overload(ArrayTypeName.of(TypeName.BYTE), suffix + "OfBytes", wrap.apply(named), true),
				new Overload(ClassName.get(java.io.InputStream.class), suffix + "OfStream", wrap.apply(named), true));
	}

	/** The other forms a value can be given in: a string for an open enum, each wrapped type of a union. */
	private List<Overload> forms(JType type, CodeBlock argument) {
		List<Overload> result = new ArrayList<>();
		if (type == Scalar.FILE) {
			result.addAll(fileForms(argument, (file) -> file, ""));
		}
		if (type == Scalar.INTEGER) {
			// So that maxTokens(150) compiles: an int literal does not box to Long.
			result.add(new Overload(TypeName.INT, "OfInt", CodeBlock.of("(long) $L", argument)));
		}
		if (type instanceof Named named && named.def() instanceof EnumDef enumDef) {
			result.add(new Overload(STRING, "OfString", CodeBlock.of("$T.of($L)", enumDef.className, argument)));
		}
		if (type instanceof Named named && named.def() instanceof UnionDef union) {
			for (Variant variant : union.variants) {
				if (variant.wrapped != null && variant.wrapped != Scalar.ANY) {
					result.add(new Overload(typeName(variant.wrapped), variant.name,
							CodeBlock.of("new $T($L)", variant.wrapperName(union), argument)));
				}
			}
			for (Variant variant : union.variants) {
				if (variant.wrapped == Scalar.FILE) {
					result.addAll(fileForms(argument,
							(file) -> CodeBlock.of("new $T($L)", variant.wrapperName(union), file), variant.name));
				}
			}
			for (Variant variant : union.variants) {
				if (variant.wrapped instanceof Named wrapped && wrapped.def() instanceof EnumDef enumDef) {
					result.add(new Overload(STRING, variant.name + "String", CodeBlock.of("new $T($T.of($L))",
							variant.wrapperName(union), enumDef.className, argument)));
				}
			}
		}
		return result;
	}

	private void addElementAdders(TypeSpec.Builder builder, ClassName builderName, Prop prop, JType item,
			Signatures signatures) {
		String adder = "add" + Names.singularPascal(prop.jsonName);
		TypeName itemType = typeName(item);
		if (!signatures.claim(adder, itemType)) {
			return;
		}
		builder.addMethod(MethodSpec.methodBuilder(adder)
			.addModifiers(Modifier.PUBLIC)
			.returns(builderName)
			.addJavadoc("Add one element to the {@code $L} field.\n@param value the element\n@return this builder\n",
					prop.jsonName)
			.addParameter(itemType, "value")
			.addStatement("this.$N = $T.of($T.append($T.orNull(this.$N), value, $S))", prop.javaName, OPTIONAL,
					MODEL_SUPPORT, MODEL_SUPPORT, prop.javaName, prop.jsonName)
			.addStatement("return this")
			.build());
		for (Overload overload : forms(item, CodeBlock.of("value"))) {
			String name = signatures.claim(adder, overload.parameterTypes()) ? adder : adder + overload.suffix;
			if (!name.equals(adder) && !signatures.claim(name, overload.parameterTypes())) {
				continue;
			}
			MethodSpec.Builder method = MethodSpec.methodBuilder(name)
				.addModifiers(Modifier.PUBLIC)
				.returns(builderName)
				.addJavadoc("Add one element to the {@code $L} field.\n@param value the element\n", prop.jsonName)
				.addParameter(overload.type, "value");
			if (overload.withFilename) {
				method.addParameter(STRING, "filename").addJavadoc("@param filename the file's name, sent with it\n");
			}
			builder.addMethod(method.addJavadoc("@return this builder\n")
				.addStatement("return $N($L)", adder, overload.convert)
				.build());
		}
		if (item instanceof Named named && named.def() instanceof UnionDef union) {
			for (Variant variant : union.variants) {
				if (variant.def instanceof ObjectDef variantDef) {
					addVariantAdders(builder, builderName, prop, adder, variant, variantDef, signatures);
				}
			}
		}
	}

	/**
	 * {@code addUserMessage(ChatCompletionRequestUserMessage)}, and when the variant has one
	 * required field besides its fixed ones, {@code addUserMessage(String content)} for each
	 * form of that field.
	 */
	private void addVariantAdders(TypeSpec.Builder builder, ClassName builderName, Prop prop, String adder,
			Variant variant, ObjectDef variantDef, Signatures signatures) {
		String name = "add" + variant.name;
		if (signatures.claim(name, variantDef.className)) {
			builder.addMethod(MethodSpec.methodBuilder(name)
				.addModifiers(Modifier.PUBLIC)
				.returns(builderName)
				.addJavadoc("Add a {@link $T} to the {@code $L} field.\n@param value the element\n@return this builder\n",
						variantDef.className, prop.jsonName)
				.addParameter(variantDef.className, "value")
				.addStatement("return $N(value)", adder)
				.build());
		}
		List<Prop> required = new ArrayList<>();
		for (Prop field : variantDef.props) {
			if (field.required && field.constValue == null) {
				required.add(field);
			}
		}
		if (required.size() != 1) {
			return;
		}
		Prop only = required.get(0);
		List<Overload> forms = new ArrayList<>();
		forms.add(new Overload(typeName(only.type), "", CodeBlock.of("value")));
		forms.addAll(forms(only.type, CodeBlock.of("value")));
		for (Overload form : forms) {
			if (form.withFilename || !signatures.claim(name, form.type)) {
				continue;
			}
			builder.addMethod(MethodSpec.methodBuilder(name)
				.addModifiers(Modifier.PUBLIC)
				.returns(builderName)
				.addJavadoc("Add a {@link $T} with the given {@code $L} to the {@code $L} field.\n@param value the {@code $L}\n@return this builder\n",
						variantDef.className, only.jsonName, prop.jsonName, only.jsonName)
				.addParameter(form.type, "value")
				.addStatement("return $N($T.builder().$N($L).build())", adder, variantDef.className, only.javaName,
						form.convert)
				.build());
		}
	}

	private void addEscapeHatches(TypeSpec.Builder builder, ClassName builderName, boolean params) {
		if (!params) {
			builder.addMethod(MethodSpec.methodBuilder("additionalProperty")
				.addModifiers(Modifier.PUBLIC)
				.returns(builderName)
				.addJavadoc("Set a JSON field this version of the client does not declare.\n@param name the field name\n@param value the value, any JSON-compatible object\n@return this builder\n")
				.addParameter(STRING, "name")
				.addParameter(nullable(OBJECT), "value")
				.addStatement("this.additionalProperties.put(name, value)")
				.addStatement("return this")
				.build());
			builder.addMethod(MethodSpec.methodBuilder("additionalProperties")
				.addModifiers(Modifier.PUBLIC)
				.returns(builderName)
				.addJavadoc("Replace all undeclared JSON fields.\n@param values the fields\n@return this builder\n")
				.addParameter(ParameterizedTypeName.get(MAP, STRING, WildcardTypeName.subtypeOf(OBJECT)), "values")
				.addStatement("this.additionalProperties.clear()")
				.addStatement("this.additionalProperties.putAll(values)")
				.addStatement("return this")
				.build());
			return;
		}
		builder.addMethod(MethodSpec.methodBuilder("additionalBodyProperty")
			.addModifiers(Modifier.PUBLIC)
			.returns(builderName)
			.addJavadoc("Send an extra field in the JSON body, for fields this version of the client does not declare.\n@param name the field name\n@param value the value, any JSON-compatible object\n@return this builder\n")
			.addParameter(STRING, "name")
			.addParameter(nullable(OBJECT), "value")
			.addStatement("this.additionalBodyProperties.put(name, value)")
			.addStatement("return this")
			.build());
		builder.addMethod(MethodSpec.methodBuilder("additionalHeader")
			.addModifiers(Modifier.PUBLIC)
			.returns(builderName)
			.addJavadoc("Send an extra header with the request; calling it again with the same name adds a value.\n@param name the header name\n@param value the value\n@return this builder\n")
			.addParameter(STRING, "name")
			.addParameter(STRING, "value")
			.addStatement("this.additionalHeaders.put(name, $T.append(this.additionalHeaders.get(name), value, name))",
					MODEL_SUPPORT)
			.addStatement("return this")
			.build());
		builder.addMethod(MethodSpec.methodBuilder("additionalQueryParam")
			.addModifiers(Modifier.PUBLIC)
			.returns(builderName)
			.addJavadoc("Send an extra query parameter with the request.\n@param name the parameter name\n@param value the value: a string, number, boolean, list or map\n@return this builder\n")
			.addParameter(STRING, "name")
			.addParameter(OBJECT, "value")
			.addStatement("this.additionalQueryParams.put(name, value)")
			.addStatement("return this")
			.build());
	}

	// ---- enums ----------------------------------------------------------------------------

	private TypeSpec enumSpec(EnumDef def) {
		TypeSpec.Builder type = TypeSpec.classBuilder(def.className)
			.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
			.superclass(STRING_ENUM);
		if (def.owner != null) {
			type.addModifiers(Modifier.STATIC);
		}
		addJavadoc(type, def.description,
				"An open enum: the constants are the values the specification lists; {@link #of(String)} accepts any other value the server sends.");
		TypeSpec.Builder known = TypeSpec.enumBuilder("Known")
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.addJavadoc("The values this version of the client knows.\n");
		CodeBlock.Builder index = CodeBlock.builder().add("$T.index(", STRING_ENUM);
		Set<String> constants = new LinkedHashSet<>();
		int i = 0;
		for (String value : def.values) {
			String constant = Names.constant(value);
			String base = constant;
			int suffix = 2;
			while (!constants.add(constant)) {
				constant = base + "_" + suffix++;
			}
			type.addField(FieldSpec.builder(def.className, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
				.addJavadoc("{@code $L}\n", javadoc(value))
				.initializer("new $T($S)", def.className, value)
				.build());
			known.addEnumConstant(constant, TypeSpec.anonymousClassBuilder("")
				.addJavadoc("{@code $L}\n", javadoc(value))
				.build());
			index.add((i++ == 0) ? "$N" : ", $N", constant);
		}
		type.addField(FieldSpec
			.builder(ParameterizedTypeName.get(MAP, STRING, def.className), "VALUES", Modifier.PRIVATE, Modifier.STATIC,
					Modifier.FINAL)
			.initializer(index.add(")").build())
			.build());
		type.addMethod(MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PRIVATE)
			.addParameter(STRING, "value")
			.addStatement("super(value)")
			.build());
		type.addMethod(MethodSpec.methodBuilder("of")
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.addAnnotation(AnnotationSpec.builder(JSON_CREATOR)
				.addMember("mode", "$T.Mode.DELEGATING", JSON_CREATOR)
				.build())
			.addJavadoc("Return the value for a string, the constant when it is a known one.\n@param value the value as sent on the wire\n@return the value\n")
			.returns(def.className)
			.addParameter(STRING, "value")
			.addStatement("$T known = VALUES.get($T.checkRequired(value, $S, $S))", def.className, MODEL_SUPPORT,
					def.simpleName(), "value")
			.addStatement("return (known != null) ? known : new $T(value)", def.className)
			.build());
		type.addMethod(MethodSpec.methodBuilder("isKnown")
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("Return whether this value is one the specification lists.\n@return whether the value is known\n")
			.returns(TypeName.BOOLEAN)
			.addStatement("return VALUES.containsKey(asString())")
			.build());
		ClassName knownName = def.className.nestedClass("Known");
		type.addMethod(MethodSpec.methodBuilder("known")
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("Return this value as a Java enum constant, for {@code switch} statements.\n@return the constant\n@throws io.github.openaispring.errors.OpenAIInvalidDataException if the value is not a known one\n")
			.returns(knownName)
			.addStatement("return $T.known($T.class, this, VALUES)", STRING_ENUM, knownName)
			.build());
		type.addType(known.build());
		return type.build();
	}

	// ---- unions ---------------------------------------------------------------------------

	private TypeSpec unionSpec(UnionDef def) {
		TypeSpec.Builder type = TypeSpec.interfaceBuilder(def.className)
			.addModifiers(Modifier.PUBLIC, Modifier.SEALED);
		if (def.owner != null) {
			type.addModifiers(Modifier.STATIC);
		}
		StringBuilder doc = new StringBuilder("One of: ");
		ClassName deserializer = def.className.nestedClass("Deserializer");
		ClassName unknown = def.className.nestedClass("Unknown");
		type.addAnnotation(AnnotationSpec.builder(JSON_DESERIALIZE).addMember("using", "$T.class", deserializer).build());
		for (UnionDef parent : def.unions) {
			type.addSuperinterface(parent.className);
		}
		CodeBlock.Builder variants = CodeBlock.builder().add("$T.of(", LIST);
		int i = 0;
		for (Variant variant : def.variants) {
			CodeBlock entry;
			if (variant.def != null) {
				type.addPermittedSubclass(variant.def.className);
				doc.append(i == 0 ? "" : ", ").append("{@link ").append(variant.def.className.canonicalName()).append('}');
				CodeBlock.Builder values = CodeBlock.builder();
				for (String value : variant.discriminatorValues) {
					values.add(", $S", value);
				}
				entry = CodeBlock.of("$T.of($T.class, $L$L)", UNION_VARIANT, variant.def.className,
						shape(new Named(variant.def), 0), values.build());
			}
			else {
				ClassName wrapper = variant.wrapperName(def);
				TypeName wrapped = typeName(variant.wrapped);
				type.addPermittedSubclass(wrapper);
				doc.append(i == 0 ? "" : ", ").append("{@link ").append(wrapper.simpleName()).append('}');
				type.addType(wrapperSpec(def, variant, wrapper, wrapped));
				String factory = Character.toLowerCase(variant.name.charAt(0)) + variant.name.substring(1);
				type.addMethod(MethodSpec.methodBuilder(factory)
					.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
					.addJavadoc("Return the {@link $T} variant.\n@param value the value\n@return the variant\n", wrapper)
					.returns(def.className)
					.addParameter(wrapped, "value")
					.addStatement("return new $T(value)", wrapper)
					.build());
				entry = CodeBlock.of("$T.wrapping(new $T<$T>() {\n}, $L, $T::new)", UNION_VARIANT, TYPE_REFERENCE, wrapped,
						shape(variant.wrapped, 0), wrapper);
			}
			variants.add((i++ == 0) ? "$L" : ",\n$L", entry);
		}
		doc.append(", or {@link Unknown} for a value this version of the client does not recognise.");
		addJavadoc(type, def.description, doc.toString());
		type.addPermittedSubclass(unknown);
		type.addType(TypeSpec.recordBuilder(unknown)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.addJavadoc("A value that fits no variant this version of the client knows, kept as the JSON the server sent.\n@param json the JSON value\n")
			.recordConstructor(MethodSpec.constructorBuilder().addParameter(JSON_NODE, "json").build())
			.addSuperinterface(def.className)
			.addMethod(MethodSpec.methodBuilder("json")
				.addModifiers(Modifier.PUBLIC)
				.addAnnotation(JSON_VALUE)
				.addJavadoc("Return the JSON value.\n@return the value\n")
				.returns(JSON_NODE)
				.addStatement("return this.json")
				.build())
			.build());
		type.addType(TypeSpec.classBuilder(deserializer)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
			.superclass(ParameterizedTypeName.get(UNION_DESERIALIZER, def.className))
			.addJavadoc("Reads a {@link $T} from JSON.\n", def.className)
			.addMethod(MethodSpec.constructorBuilder()
				.addModifiers(Modifier.PUBLIC)
				.addJavadoc("Create the deserializer; Jackson calls it.\n")
				.addStatement("super($S, $L), $T::new)", def.discriminator, variants.build(), unknown)
				.build())
			.build());
		for (Def nested : def.nested) {
			type.addType(typeSpec(nested));
		}
		return type.build();
	}

	private TypeSpec wrapperSpec(UnionDef def, Variant variant, ClassName wrapper, TypeName wrapped) {
		String doc = (variant.description.isBlank()
				? "The {@code " + variant.name + "} form of {@link " + def.simpleName() + "}."
				: javadoc(variant.description)) + "\n@param value the value";
		return TypeSpec.recordBuilder(wrapper)
			.addModifiers(Modifier.PUBLIC, Modifier.STATIC)
			.addJavadoc("$L\n", doc)
			.recordConstructor(MethodSpec.constructorBuilder().addParameter(wrapped, "value").build())
			.addSuperinterface(def.className)
			.addMethod(MethodSpec.compactConstructorBuilder()
				.addModifiers(Modifier.PUBLIC)
				.addJavadoc("Create the variant.\n@param value the value, not {@code null}\n")
				.addStatement("$T.checkRequired(value, $S, $S)", MODEL_SUPPORT, def.simpleName() + "." + variant.name,
						"value")
				.build())
			.addMethod(MethodSpec.methodBuilder("value")
				.addModifiers(Modifier.PUBLIC)
				.addAnnotation(JSON_VALUE)
				.addJavadoc("Return the value.\n@return the value\n")
				.returns(wrapped)
				.addStatement("return this.value")
				.build())
			.build();
	}

	/** Code for the {@code JsonShape} of a type, used to tell union variants apart. */
	private CodeBlock shape(JType type, int depth) {
		if (type instanceof Scalar scalar) {
			return switch (scalar) {
				case STRING, FILE -> CodeBlock.of("$T.STRING", JSON_SHAPE);
				case INTEGER -> CodeBlock.of("$T.INTEGER", JSON_SHAPE);
				case NUMBER -> CodeBlock.of("$T.NUMBER", JSON_SHAPE);
				case BOOLEAN -> CodeBlock.of("$T.BOOLEAN", JSON_SHAPE);
				case ANY -> CodeBlock.of("$T.ANY", JSON_SHAPE);
			};
		}
		if (type instanceof ListOf list) {
			return CodeBlock.of("$T.array($L)", JSON_SHAPE, shape(list.item(), depth + 1));
		}
		if (type instanceof MapOf) {
			return CodeBlock.of("$T.MAP", JSON_SHAPE);
		}
		Def def = ((Named) type).def();
		if (def instanceof EnumDef enumDef) {
			return CodeBlock.of("$T.enumeration($T.of($L))", JSON_SHAPE, Set.class, strings(enumDef.values));
		}
		if (def instanceof ObjectDef object) {
			Set<String> required = new LinkedHashSet<>();
			Set<String> known = new LinkedHashSet<>();
			for (Prop prop : object.props) {
				known.add(prop.jsonName);
				if (prop.required) {
					required.add(prop.jsonName);
				}
			}
			return CodeBlock.of("$T.object($T.of($L), $T.of($L))", JSON_SHAPE, Set.class, strings(required), Set.class,
					strings(known));
		}
		UnionDef union = (UnionDef) def;
		if (depth > 1) {
			return CodeBlock.of("$T.ANY", JSON_SHAPE);
		}
		CodeBlock.Builder shapes = CodeBlock.builder().add("$T.anyOf(", JSON_SHAPE);
		int i = 0;
		for (Variant variant : union.variants) {
			JType variantType = (variant.def != null) ? new Named(variant.def) : variant.wrapped;
			shapes.add((i++ == 0) ? "$L" : ", $L", shape(variantType, depth + 1));
		}
		return shapes.add(")").build();
	}

	private static CodeBlock strings(Set<String> values) {
		CodeBlock.Builder result = CodeBlock.builder();
		int i = 0;
		for (String value : values) {
			result.add((i++ == 0) ? "$S" : ", $S", value);
		}
		return result.build();
	}

}
