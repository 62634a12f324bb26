package io.github.openaispring.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a generated union type. The variant is chosen by the discriminator member when the
 * union has one and the value carries it, otherwise by the JSON shape of the value. A value
 * that fits no variant, or whose discriminator names a variant this version does not know,
 * is kept whole as the union's {@code Unknown} variant: nothing is dropped and nothing is
 * thrown for data the server adds later.
 *
 * @param <T> the union type
 * @since 0.1.0
 */
public abstract class UnionDeserializer<T> extends ValueDeserializer<T> {

	private final @Nullable String discriminator;

	private final List<UnionVariant<T>> variants;

	private final Function<JsonNode, T> unknown;

	/**
	 * Create a deserializer for a union.
	 * @param discriminator the name of the member that tells the variants apart, or
	 * {@code null} if the union has none
	 * @param variants the variants, in the order of the specification
	 * @param unknown creates the variant that keeps a value no other variant fits
	 */
	protected UnionDeserializer(@Nullable String discriminator, List<UnionVariant<T>> variants,
			Function<JsonNode, T> unknown) {
		this.discriminator = discriminator;
		this.variants = variants;
		this.unknown = unknown;
	}

	@Override
	public T deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		return read(node, context);
	}

	private T read(JsonNode node, DeserializationContext context) {
		List<UnionVariant<T>> candidates = this.variants;
		boolean named = false;
		if (this.discriminator != null && node.isObject()) {
			JsonNode value = node.get(this.discriminator);
			if (value != null && value.isString()) {
				candidates = withDiscriminator(value.stringValue());
				if (candidates.isEmpty()) {
					return this.unknown.apply(node);
				}
				// The server named the variant: trust it even if a required member is missing.
				named = true;
			}
		}
		UnionVariant<T> best = null;
		int bestScore = -1;
		for (UnionVariant<T> candidate : candidates) {
			int score = candidate.score(node);
			if (named && score < 0) {
				score = 0;
			}
			if (score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return (best != null) ? best.read(node, context) : this.unknown.apply(node);
	}

	private List<UnionVariant<T>> withDiscriminator(String value) {
		List<UnionVariant<T>> result = new ArrayList<>(1);
		for (UnionVariant<T> variant : this.variants) {
			if (variant.discriminatorValues().contains(value)) {
				result.add(variant);
			}
		}
		return result;
	}

}
