package io.github.openaispring.core;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The JSON shape of one variant of a union, used to choose the variant of a value that
 * carries no discriminator. {@link #score(JsonNode)} says how well a JSON value fits: a
 * negative score means it does not fit at all, a higher score means a closer fit.
 *
 * @since 0.1.0
 */
public abstract class JsonShape {

	/** A JSON string. */
	public static final JsonShape STRING = new JsonShape() {
		@Override
		public int score(JsonNode node) {
			return node.isString() ? 2 : -1;
		}
	};

	/** A JSON number without a fraction. */
	public static final JsonShape INTEGER = new JsonShape() {
		@Override
		public int score(JsonNode node) {
			return node.isIntegralNumber() ? 3 : -1;
		}
	};

	/** Any JSON number. */
	public static final JsonShape NUMBER = new JsonShape() {
		@Override
		public int score(JsonNode node) {
			return node.isNumber() ? 2 : -1;
		}
	};

	/** A JSON boolean. */
	public static final JsonShape BOOLEAN = new JsonShape() {
		@Override
		public int score(JsonNode node) {
			return node.isBoolean() ? 2 : -1;
		}
	};

	/** A JSON object with any members. */
	public static final JsonShape MAP = new JsonShape() {
		@Override
		public int score(JsonNode node) {
			return node.isObject() ? 1 : -1;
		}
	};

	/** Any JSON value at all. */
	public static final JsonShape ANY = new JsonShape() {
		@Override
		public int score(JsonNode node) {
			return 0;
		}
	};

	JsonShape() {
	}

	/**
	 * Score how well a JSON value fits this shape.
	 * @param node the value
	 * @return a negative number if it does not fit, else a higher number for a closer fit
	 */
	public abstract int score(JsonNode node);

	/**
	 * A JSON string that is preferably one of some known values, as an open enum is.
	 * @param known the known values
	 * @return the shape
	 */
	public static JsonShape enumeration(Set<String> known) {
		return new JsonShape() {
			@Override
			public int score(JsonNode node) {
				if (!node.isString()) {
					return -1;
				}
				return known.contains(node.stringValue()) ? 3 : 1;
			}
		};
	}

	/**
	 * A JSON array whose elements have the given shape.
	 * @param items the shape of the elements
	 * @return the shape
	 */
	public static JsonShape array(JsonShape items) {
		return new JsonShape() {
			@Override
			public int score(JsonNode node) {
				if (!node.isArray()) {
					return -1;
				}
				if (node.isEmpty()) {
					return 1;
				}
				int itemScore = items.score(node.get(0));
				return (itemScore >= 0) ? 1 + itemScore : -1;
			}
		};
	}

	/**
	 * Any of several shapes, as a nested union is: the closest fit of any of them.
	 * @param shapes the shapes
	 * @return the shape
	 */
	public static JsonShape anyOf(JsonShape... shapes) {
		return new JsonShape() {
			@Override
			public int score(JsonNode node) {
				int best = -1;
				for (JsonShape shape : shapes) {
					best = Math.max(best, shape.score(node));
				}
				return best;
			}
		};
	}

	/**
	 * A JSON object with the given members. It fits only when every required member is
	 * present, and fits more closely the more of the value's members it declares.
	 * @param required the names of the required members
	 * @param known the names of every declared member
	 * @return the shape
	 */
	public static JsonShape object(Set<String> required, Set<String> known) {
		return new JsonShape() {
			@Override
			public int score(JsonNode node) {
				if (!node.isObject()) {
					return -1;
				}
				for (String name : required) {
					if (!node.has(name)) {
						return -1;
					}
				}
				int score = 2;
				Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
				while (fields.hasNext()) {
					score += known.contains(fields.next().getKey()) ? 4 : -1;
				}
				return Math.max(score, 0);
			}
		};
	}

}
