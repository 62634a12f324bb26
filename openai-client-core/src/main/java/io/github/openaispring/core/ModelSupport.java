package io.github.openaispring.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.openaispring.errors.OpenAIInvalidDataException;
import org.jspecify.annotations.Nullable;

/**
 * Small helpers that the generated model types call, kept here so that each generated type
 * stays a plain declaration.
 *
 * @since 0.1.0
 */
public final class ModelSupport {

	private ModelSupport() {
	}

	/**
	 * Check that a builder was given a required field.
	 * @param <T> the field type
	 * @param value the value, possibly unset
	 * @param type the simple name of the type being built
	 * @param field the JSON name of the field
	 * @return the value
	 * @throws OpenAIInvalidDataException if the value is unset
	 */
	public static <T> T checkRequired(@Nullable T value, String type, String field) {
		if (value == null) {
			throw new OpenAIInvalidDataException("`" + field + "` is required, but was not set on " + type);
		}
		return value;
	}

	/**
	 * Check that a builder was given a required field, and not as JSON {@code null}.
	 * @param value the builder's field: {@code null} when unset, empty when JSON null
	 * @param type the simple name of the type being built
	 * @param field the JSON name of the field
	 * @throws OpenAIInvalidDataException if the value is unset or null
	 */
	public static void checkSet(@Nullable Optional<?> value, String type, String field) {
		if (value == null || value.isEmpty()) {
			throw new OpenAIInvalidDataException("`" + field + "` is required, but was not set on " + type);
		}
	}

	/**
	 * Check that a builder was given a path parameter that is not blank: a blank one would
	 * change which endpoint the request reaches.
	 * @param value the builder's field
	 * @param type the simple name of the type being built
	 * @param field the name of the path parameter
	 * @throws OpenAIInvalidDataException if the value is unset or blank
	 */
	public static void checkPathParam(@Nullable Optional<?> value, String type, String field) {
		checkSet(value, type, field);
		if (String.valueOf(value.get()).isBlank()) {
			throw new OpenAIInvalidDataException("`" + field + "` must not be blank on " + type);
		}
	}

	/**
	 * Return the text of a path parameter.
	 * @param value the params' field, set by a successful build
	 * @return the text
	 */
	public static String pathValue(@Nullable Optional<?> value) {
		return String.valueOf(queryValue(orNull(value)));
	}

	/**
	 * Add a query parameter when it is set, turning open enums into their strings.
	 * @param query the query parameters being collected
	 * @param name the parameter name
	 * @param value the params' field
	 */
	public static void putQueryParam(Map<String, Object> query, String name, @Nullable Optional<?> value) {
		Object plain = orNull(value);
		if (plain != null) {
			query.put(name, queryValue(plain));
		}
	}

	/**
	 * Add a header parameter when it is set.
	 * @param headers the headers being collected
	 * @param name the header name
	 * @param value the params' field: a value or a list of values
	 */
	public static void putHeader(Map<String, List<String>> headers, String name, @Nullable Optional<?> value) {
		Object plain = orNull(value);
		if (plain == null) {
			return;
		}
		List<String> values = new ArrayList<>();
		if (plain instanceof List<?> list) {
			for (Object item : list) {
				values.add(String.valueOf(queryValue(item)));
			}
		}
		else {
			values.add(String.valueOf(queryValue(plain)));
		}
		headers.put(name, values);
	}

	/**
	 * Turn a parameter's value into plain Java values: open enums become their strings.
	 * @param value the value
	 * @return the plain value
	 */
	static @Nullable Object queryValue(@Nullable Object value) {
		if (value instanceof StringEnum stringEnum) {
			return stringEnum.asString();
		}
		if (value instanceof List<?> list) {
			List<Object> result = new ArrayList<>(list.size());
			for (Object item : list) {
				result.add(queryValue(item));
			}
			return result;
		}
		return value;
	}

	/**
	 * Return a required field of a value read from JSON, failing if the server left it out
	 * or sent JSON {@code null}.
	 * @param <T> the field type
	 * @param value the field: {@code null} when absent, empty when JSON null
	 * @param type the simple name of the type that holds it
	 * @param field the JSON name of the field
	 * @return the value
	 * @throws OpenAIInvalidDataException if the value is absent or null
	 */
	public static <T> T required(@Nullable Optional<T> value, String type, String field) {
		if (value == null) {
			throw new OpenAIInvalidDataException("`" + field + "` is required in " + type + ", but was absent");
		}
		return value.orElseThrow(
				() -> new OpenAIInvalidDataException("`" + field + "` is required in " + type + ", but was null"));
	}

	/**
	 * Return the value of a field that tells JSON {@code null} apart from absence.
	 * @param <T> the field type
	 * @param value {@code null} when absent, empty when JSON {@code null}
	 * @return the value, or {@code null}
	 */
	@SuppressWarnings("OptionalAssignedToNull")
	public static <T> @Nullable T orNull(@Nullable Optional<T> value) {
		return (value != null) ? value.orElse(null) : null;
	}

	/**
	 * Return a read-only view of a list field, empty when the field is absent.
	 * @param <T> the element type
	 * @param list the list, possibly absent
	 * @return the view
	 */
	private static <T> List<T> listView(@Nullable List<T> list) {
		return (list != null) ? Collections.unmodifiableList(list) : Collections.emptyList();
	}

	/**
	 * Return a read-only view of a list field that tells JSON {@code null} apart from absence.
	 * @param <T> the element type
	 * @param list the list, possibly absent or null
	 * @return the view
	 */
	@SuppressWarnings("OptionalAssignedToNull")
	public static <T> List<T> listView(@Nullable Optional<List<T>> list) {
		return (list != null) ? listView(list.orElse(null)) : Collections.emptyList();
	}

	/**
	 * Return a read-only view of a map field, empty when the field is absent.
	 * @param <V> the value type
	 * @param map the map, possibly absent
	 * @return the view
	 */
	private static <V> Map<String, V> mapView(@Nullable Map<String, V> map) {
		return (map != null) ? Collections.unmodifiableMap(map) : Collections.emptyMap();
	}

	/**
	 * Return a read-only view of a map field that tells JSON {@code null} apart from absence.
	 * @param <V> the value type
	 * @param map the map, possibly absent or null
	 * @return the view
	 */
	@SuppressWarnings("OptionalAssignedToNull")
	public static <V> Map<String, V> mapView(@Nullable Optional<Map<String, V>> map) {
		return (map != null) ? mapView(map.orElse(null)) : Collections.emptyMap();
	}

	/**
	 * Copy a list given to a builder, rejecting null elements.
	 * @param <T> the element type
	 * @param list the list
	 * @param field the JSON name of the field, for the error message
	 * @return an unmodifiable copy
	 */
	public static <T> List<T> copyList(List<T> list, String field) {
		List<T> copy = new ArrayList<>(list.size());
		for (T item : list) {
			if (item == null) {
				throw new OpenAIInvalidDataException("`" + field + "` must not contain null elements");
			}
			copy.add(item);
		}
		return Collections.unmodifiableList(copy);
	}

	/**
	 * Copy a map given to a builder, keeping its order.
	 * @param <V> the value type
	 * @param map the map
	 * @return an unmodifiable copy
	 */
	public static <V> Map<String, V> copyMap(Map<String, V> map) {
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	/**
	 * Append a list element in a builder, turning an absent list into a new one.
	 * @param <T> the element type
	 * @param list the builder's list, possibly absent
	 * @param item the element
	 * @param field the JSON name of the field, for the error message
	 * @return the builder's new list
	 */
	public static <T> List<T> append(@Nullable List<T> list, T item, String field) {
		if (item == null) {
			throw new OpenAIInvalidDataException("`" + field + "` must not contain null elements");
		}
		List<T> result = (list != null) ? new ArrayList<>(list) : new ArrayList<>();
		result.add(item);
		return Collections.unmodifiableList(result);
	}

	/**
	 * Add a map entry in a builder, turning an absent map into a new one.
	 * @param <V> the value type
	 * @param map the builder's map, possibly absent
	 * @param key the key
	 * @param value the value
	 * @return the builder's new map
	 */
	public static <V> Map<String, V> put(@Nullable Map<String, V> map, String key, V value) {
		Map<String, V> result = (map != null) ? new LinkedHashMap<>(map) : new LinkedHashMap<>();
		result.put(key, value);
		return Collections.unmodifiableMap(result);
	}

	/**
	 * Append a piece to a {@code toString()} being built, when the value is present.
	 * @param builder the string being built
	 * @param name the field name
	 * @param value the value, possibly absent
	 */
	public static void appendField(StringBuilder builder, String name, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if (builder.charAt(builder.length() - 1) != '{') {
			builder.append(", ");
		}
		builder.append(name).append('=').append((value instanceof Optional<?> optional) ? optional.orElse(null) : value);
	}

}
