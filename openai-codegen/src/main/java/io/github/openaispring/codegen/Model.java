package io.github.openaispring.codegen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.palantir.javapoet.ClassName;

/**
 * The generator's model of the Java types it emits: what each schema of the specification
 * becomes once its {@code allOf}, nullability and open-enum idioms are resolved.
 */
final class Model {

	private Model() {
	}

	/** The Java type of a value. */
	sealed interface JType permits Scalar, ListOf, MapOf, Named {
	}

	/** A JSON scalar, a file, or any JSON value. */
	enum Scalar implements JType {

		STRING, INTEGER, NUMBER, BOOLEAN, ANY, FILE

	}

	/** A JSON array. */
	record ListOf(JType item) implements JType {
	}

	/** A JSON object used as a map from names to values of one type. */
	record MapOf(JType value) implements JType {
	}

	/** A generated type. */
	record Named(Def def) implements JType {
	}

	/** Where a params field goes on the wire. */
	enum Location {

		BODY, PATH, QUERY, HEADER

	}

	/** A field of an object or params type. */
	static final class Prop {

		final String jsonName;

		String javaName;

		final JType type;

		final boolean required;

		final boolean nullable;

		final String description;

		final String constValue;

		Long constInteger;

		final boolean deprecated;

		final Location location;

		Prop(String jsonName, JType type, boolean required, boolean nullable, String description, String constValue,
				boolean deprecated, Location location) {
			this.jsonName = jsonName;
			this.javaName = Names.camel(jsonName);
			this.type = type;
			this.required = required;
			this.nullable = nullable;
			this.description = description;
			this.constValue = constValue;
			this.deprecated = deprecated;
			this.location = location;
		}

	}

	/** A generated type: an object, an open enum, a union, or the params of an operation. */
	abstract static sealed class Def permits ObjectDef, EnumDef, UnionDef {

		final ClassName className;

		final String schemaName;

		String description;

		final Def owner;

		final List<Def> nested = new ArrayList<>();

		final Set<UnionDef> unions = new LinkedHashSet<>();

		Def(ClassName className, String schemaName, String description, Def owner) {
			this.className = className;
			this.schemaName = schemaName;
			this.description = description;
			this.owner = owner;
			if (owner != null) {
				owner.nested.add(this);
			}
		}

		String simpleName() {
			return this.className.simpleName();
		}

	}

	/** An object with declared fields, or the params of an operation. */
	static final class ObjectDef extends Def {

		final List<Prop> props = new ArrayList<>();

		Operation operation;

		ObjectDef(ClassName className, String schemaName, String description, Def owner) {
			super(className, schemaName, description, owner);
		}

		boolean isParams() {
			return this.operation != null;
		}

	}

	/** An open enum of strings. */
	static final class EnumDef extends Def {

		final Set<String> values = new LinkedHashSet<>();

		EnumDef(ClassName className, String schemaName, String description, Def owner) {
			super(className, schemaName, description, owner);
		}

	}

	/** A union ({@code oneOf}/{@code anyOf}) with one variant per branch. */
	static final class UnionDef extends Def {

		final List<Variant> variants = new ArrayList<>();

		String discriminator;

		UnionDef(ClassName className, String schemaName, String description, Def owner) {
			super(className, schemaName, description, owner);
		}

	}

	/**
	 * One variant of a union. Either {@code def} is a generated object or union that
	 * implements the union, or {@code wrapped} is the type a wrapper record holds.
	 */
	static final class Variant {

		final String name;

		final Def def;

		final JType wrapped;

		final String description;

		final Set<String> discriminatorValues = new LinkedHashSet<>();

		Variant(String name, Def def, JType wrapped, String description) {
			this.name = name;
			this.def = def;
			this.wrapped = wrapped;
			this.description = description;
		}

		ClassName wrapperName(UnionDef union) {
			return union.className.nestedClass(this.name);
		}

	}

	/** An operation of the API, as the generator names it. */
	record Operation(String operationId, String method, String path, String sdkCall, ObjectDef params,
			String requestSchema, String requestContentType, JType response, String responseSchema,
			List<String> responseContentTypes, JType streamEvent, boolean namedEvents, String summary, String scope) {
	}

}
