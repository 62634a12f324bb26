package io.github.openaispring.core.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import io.github.openaispring.core.StringEnum;
import org.jspecify.annotations.Nullable;

/**
 * Formats query parameters the way OpenAI's API reads them: a list (or array) as repeated
 * {@code key[]=a&key[]=b}, a map as {@code key[sub]=v}, booleans as {@code true}/{@code false}.
 * A list whose name already ends in {@code []}, as some of the specification's parameters are
 * named ({@code include[]}), is not given a second pair. Names and values are percent-encoded.
 *
 * @since 0.1.0
 */
public final class QueryString {

	private QueryString() {
	}

	/**
	 * Format query parameters, leaving out {@code null} values.
	 * @param params the parameters, in the order they are sent
	 * @return the query string without a leading {@code ?}, possibly empty
	 */
	public static String format(Map<String, ? extends @Nullable Object> params) {
		StringBuilder query = new StringBuilder();
		for (Map.Entry<String, ? extends @Nullable Object> entry : params.entrySet()) {
			append(query, entry.getKey(), entry.getValue());
		}
		return query.toString();
	}

	private static void append(StringBuilder query, String name, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				append(query, name + "[" + entry.getKey() + "]", entry.getValue());
			}
			return;
		}
		String listName = name.endsWith("[]") ? name : name + "[]";
		if (value instanceof Collection<?> collection) {
			for (Object item : collection) {
				append(query, listName, item);
			}
			return;
		}
		if (value.getClass().isArray()) {
			for (int i = 0; i < java.lang.reflect.Array.getLength(value); i++) {
				append(query, listName, java.lang.reflect.Array.get(value, i));
			}
			return;
		}
		String text = (value instanceof StringEnum stringEnum) ? stringEnum.asString() : String.valueOf(value);
		if (query.length() > 0) {
			query.append('&');
		}
		query.append(encode(name)).append('=').append(encode(text));
	}

	private static String encode(String text) {
		// Brackets are encoded too (metadata%5Bkey%5D), as the official SDKs send them: RFC 3986
		// does not allow them unencoded in a query; '*' as they encode it (Python's quote).
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
	}

}
