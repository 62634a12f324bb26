package io.github.openaispring.localserver;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reading the request fields the server uses, failing the way the real API does. */
final class Fields {

	private Fields() {
	}

	static boolean present(JsonNode body, String name) {
		JsonNode node = body.get(name);
		return node != null && !node.isNull();
	}

	static String model(JsonNode body) {
		if (!present(body, "model")) {
			throw ApiException.noModel();
		}
		JsonNode model = body.get("model");
		if (!model.isString()) {
			throw ApiException.invalidType("model", "a string", kind(model));
		}
		if (model.stringValue().isBlank()) {
			throw ApiException.noModel();
		}
		return model.stringValue();
	}

	static JsonNode required(JsonNode body, String name) {
		if (!present(body, name)) {
			throw ApiException.missing(name);
		}
		return body.get(name);
	}

	static boolean bool(JsonNode body, String name, boolean otherwise) {
		if (!present(body, name)) {
			return otherwise;
		}
		JsonNode node = body.get(name);
		if (!node.isBoolean()) {
			throw ApiException.invalidType(name, "a boolean", kind(node));
		}
		return node.booleanValue();
	}

	/**
	 * An optional integer within bounds.
	 * @return the value, or {@code otherwise} when absent or null
	 */
	static long integer(JsonNode body, String name, long min, long max, long otherwise) {
		if (!present(body, name)) {
			return otherwise;
		}
		JsonNode node = body.get(name);
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			throw ApiException.invalidType(name, "an integer", kind(node));
		}
		return checkRange(name, node.longValue(), min, max);
	}

	static long checkRange(String name, long value, long min, long max) {
		if (value < min) {
			throw ApiException.invalidRequest("Invalid '" + name + "': integer below minimum value. Expected a value >= "
					+ min + ", but got " + value + " instead.", name, "integer_below_min_value");
		}
		if (value > max) {
			throw ApiException.invalidRequest("Invalid '" + name + "': integer above maximum value. Expected a value <= "
					+ max + ", but got " + value + " instead.", name, "integer_above_max_value");
		}
		return value;
	}

	/**
	 * An optional number within bounds.
	 * @return the value, or {@code otherwise} when absent or null
	 */
	static double number(JsonNode body, String name, double min, double max, double otherwise) {
		if (!present(body, name)) {
			return otherwise;
		}
		JsonNode node = body.get(name);
		if (!node.isNumber()) {
			throw ApiException.invalidType(name, "a number", kind(node));
		}
		return checkRange(name, node.doubleValue(), min, max);
	}

	static double checkRange(String name, double value, double min, double max) {
		if (value < min) {
			throw ApiException.invalidRequest("Invalid '" + name + "': decimal below minimum value. Expected a value >= "
					+ min + ", but got " + value + " instead.", name, "decimal_below_min_value");
		}
		if (value > max) {
			throw ApiException.invalidRequest("Invalid '" + name + "': decimal above maximum value. Expected a value <= "
					+ max + ", but got " + value + " instead.", name, "decimal_above_max_value");
		}
		return value;
	}

	/**
	 * An optional string that must be one of a few values.
	 * @return the value, or {@code otherwise} when absent or null
	 */
	static String oneOf(String name, String value, List<String> supported) {
		if (value != null && !supported.contains(value)) {
			throw ApiException.invalidRequest("Invalid value: '" + value + "'. Supported values are: "
					+ options(supported) + ".", name, "invalid_value");
		}
		return value;
	}

	/** {@code 'a' and 'b'}, {@code 'a', 'b', and 'c'}, as the real API lists them. */
	private static String options(List<String> supported) {
		List<String> quoted = supported.stream().map((option) -> "'" + option + "'").toList();
		if (quoted.size() <= 2) {
			return String.join(" and ", quoted);
		}
		return String.join(", ", quoted.subList(0, quoted.size() - 1)) + ", and " + quoted.get(quoted.size() - 1);
	}

	static String string(JsonNode body, String name, String otherwise) {
		if (!present(body, name)) {
			return otherwise;
		}
		JsonNode node = body.get(name);
		if (!node.isString()) {
			throw ApiException.invalidType(name, "a string", kind(node));
		}
		return node.stringValue();
	}

	/** How the real API names a JSON value's type in its messages. */
	static String kind(JsonNode node) {
		if (node.isString()) {
			return "a string";
		}
		if (node.isIntegralNumber()) {
			return "an integer";
		}
		if (node.isNumber()) {
			return "a decimal";
		}
		if (node.isBoolean()) {
			return "a boolean";
		}
		if (node.isArray()) {
			return "an array";
		}
		if (node.isObject()) {
			return "an object";
		}
		return "null";
	}

}
