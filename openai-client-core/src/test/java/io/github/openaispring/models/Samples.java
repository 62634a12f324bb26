package io.github.openaispring.models;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.openaispring.core.StringEnum;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.errors.OpenAIInvalidDataException;

/**
 * Builds instances of generated types with every field set, through their public builders,
 * so that tests can check what the builders write. Unions take the variant picked by the
 * seed, so that different seeds cover different variants.
 */
final class Samples {

	private static final Set<String> EXTRA_MAPS = Set.of("additionalProperties", "additionalBodyProperties",
			"additionalHeaders", "additionalQueryParams");

	private static final int FULL_DEPTH = 4;

	private static final int MAX_DEPTH = 12;

	private final int seed;

	Samples(int seed) {
		this.seed = seed;
	}

	/** Build an instance of a generated object or params type with every field set. */
	<T> T build(Class<T> type) {
		return build(type, 0);
	}

	private <T> T build(Class<T> type, int depth) {
		if (depth > MAX_DEPTH) {
			throw new IllegalStateException("Sample of " + type.getName() + " nests too deep");
		}
		try {
			Object builder = type.getMethod("builder").invoke(null);
			Class<?> builderType = builder.getClass();
			for (Field field : builderType.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || EXTRA_MAPS.contains(field.getName())) {
					continue;
				}
				field.setAccessible(true);
				if (field.get(builder) != null || depth >= FULL_DEPTH) {
					continue;
				}
				set(builder, field, depth);
			}
			Method build = builderType.getMethod("build");
			for (int attempt = 0; attempt < 100; attempt++) {
				try {
					return type.cast(build.invoke(builder));
				}
				catch (InvocationTargetException ex) {
					if (!(ex.getCause() instanceof OpenAIInvalidDataException missing)) {
						throw ex;
					}
					set(builder, requiredField(builderType, missing.getMessage()), depth);
				}
			}
			throw new IllegalStateException("Cannot build " + type.getName());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot build a sample of " + type.getName(), ex);
		}
	}

	private static Field requiredField(Class<?> builderType, String message) throws NoSuchFieldException {
		String jsonName = message.substring(message.indexOf('`') + 1, message.indexOf('`', message.indexOf('`') + 1));
		for (Field field : builderType.getDeclaredFields()) {
			String camel = camel(jsonName);
			if (field.getName().equals(camel) || field.getName().equals(camel + "_")
					|| field.getName().equals(camel + "Value")) {
				field.setAccessible(true);
				return field;
			}
		}
		throw new NoSuchFieldException(jsonName + " in " + builderType.getName() + " (" + message + ")");
	}

	private static String camel(String jsonName) {
		StringBuilder result = new StringBuilder();
		boolean upper = false;
		for (char c : jsonName.toCharArray()) {
			if (!Character.isLetterOrDigit(c)) {
				upper = result.length() > 0;
				continue;
			}
			result.append(upper ? Character.toUpperCase(c) : c);
			upper = false;
		}
		return result.toString();
	}

	private void set(Object builder, Field field, int depth) throws ReflectiveOperationException {
		Type type = field.getGenericType();
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Optional.class) {
			type = parameterized.getActualTypeArguments()[0];
		}
		Method setter = builder.getClass().getMethod(field.getName(), raw(type));
		setter.invoke(builder, sample(type, depth + 1, field.getName()));
	}

	/** A sample value of a Java type used by the generated model. */
	Object sample(Type type, int depth, String name) {
		Class<?> raw = raw(type);
		if (raw == String.class) {
			return "sample-" + name;
		}
		if (raw == Long.class) {
			return 1L;
		}
		if (raw == Double.class) {
			return 0.5;
		}
		if (raw == Boolean.class) {
			return Boolean.TRUE;
		}
		if (raw == Object.class) {
			return "any";
		}
		if (raw == UploadFile.class) {
			return UploadFile.of("sample".getBytes(StandardCharsets.UTF_8), "sample.txt");
		}
		if (raw == List.class) {
			Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
			return Collections.singletonList(sample(item, depth, name));
		}
		if (raw == Map.class) {
			Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
			return Collections.singletonMap("key", sample(value, depth, name));
		}
		if (StringEnum.class.isAssignableFrom(raw)) {
			return firstConstant(raw);
		}
		if (raw.isInterface() && raw.isSealed()) {
			return variant(raw, depth, name);
		}
		return build(raw, depth);
	}

	private Object variant(Class<?> union, int depth, String name) {
		List<Class<?>> variants = new ArrayList<>();
		for (Class<?> permitted : union.getPermittedSubclasses()) {
			if (!permitted.getSimpleName().equals("Unknown")) {
				variants.add(permitted);
			}
		}
		Class<?> chosen = variants.get(Math.floorMod(this.seed + depth, variants.size()));
		if (chosen.isRecord()) {
			RecordComponent component = chosen.getRecordComponents()[0];
			try {
				Constructor<?> constructor = chosen.getDeclaredConstructor(component.getType());
				return constructor.newInstance(sample(component.getGenericType(), depth, name));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return sample(chosen, depth, name);
	}

	private static Object firstConstant(Class<?> enumType) {
		for (Field field : enumType.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == enumType) {
				try {
					return field.get(null);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		throw new IllegalStateException("No constant in " + enumType);
	}

	private static Class<?> raw(Type type) {
		if (type instanceof Class<?> plain) {
			return plain;
		}
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		throw new IllegalArgumentException("Unexpected type " + type);
	}

}
