package io.github.openaispring.core;

import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;

/**
 * One variant of a generated union type: how to recognise it in JSON and how to read it.
 *
 * @param <T> the union type
 * @since 0.1.0
 */
public final class UnionVariant<T> {

	private final Set<String> discriminatorValues;

	private final JsonShape shape;

	private final Function<DeserializationContext, JavaType> javaType;

	private final Function<@Nullable Object, ? extends T> wrapper;

	private UnionVariant(Set<String> discriminatorValues, JsonShape shape,
			Function<DeserializationContext, JavaType> javaType, Function<@Nullable Object, ? extends T> wrapper) {
		this.discriminatorValues = discriminatorValues;
		this.shape = shape;
		this.javaType = javaType;
		this.wrapper = wrapper;
	}

	/**
	 * A variant that is itself a generated type implementing the union (an object or a
	 * nested union).
	 * @param <T> the union type
	 * @param type the variant's class
	 * @param shape its JSON shape
	 * @param discriminatorValues the values of the union's discriminator that select it
	 * @return the variant
	 */
	@SuppressWarnings("unchecked")
	public static <T> UnionVariant<T> of(Class<? extends T> type, JsonShape shape, String... discriminatorValues) {
		return new UnionVariant<>(Set.of(discriminatorValues), shape, (context) -> context.constructType(type),
				(value) -> (T) value);
	}

	/**
	 * A variant that wraps a value of another type, such as a string or a list.
	 * @param <T> the union type
	 * @param <V> the wrapped type
	 * @param type the wrapped type
	 * @param shape its JSON shape
	 * @param wrapper creates the variant from the wrapped value
	 * @return the variant
	 */
	@SuppressWarnings("unchecked")
	public static <T, V> UnionVariant<T> wrapping(TypeReference<V> type, JsonShape shape,
			Function<V, ? extends T> wrapper) {
		return new UnionVariant<>(Set.of(), shape, (context) -> context.getTypeFactory().constructType(type),
				(value) -> wrapper.apply((V) value));
	}

	Set<String> discriminatorValues() {
		return this.discriminatorValues;
	}

	int score(JsonNode node) {
		return this.shape.score(node);
	}

	T read(JsonNode node, DeserializationContext context) {
		Object value = context.readTreeAsValue(node, this.javaType.apply(context));
		return this.wrapper.apply(value);
	}

}
