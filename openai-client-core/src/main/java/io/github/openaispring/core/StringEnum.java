package io.github.openaispring.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.openaispring.errors.OpenAIInvalidDataException;

/**
 * Base of the generated open enums: a string value that the specification lists a few known
 * values for, but that the server may extend at any time. A known value is a constant of the
 * subclass; an unknown one still parses, compares, and writes back unchanged.
 *
 * @since 0.1.0
 */
public abstract class StringEnum {

	private final String value;

	/**
	 * Create a value.
	 * @param value the value as sent on the wire
	 */
	protected StringEnum(String value) {
		this.value = ModelSupport.checkRequired(value, getClass().getSimpleName(), "value");
	}

	/**
	 * Index the constants of a subclass by their values.
	 * @param <E> the subclass
	 * @param constants the constants
	 * @return the index
	 */
	@SafeVarargs
	protected static <E extends StringEnum> Map<String, E> index(E... constants) {
		Map<String, E> index = new LinkedHashMap<>();
		for (E constant : constants) {
			index.put(constant.asString(), constant);
		}
		return Collections.unmodifiableMap(index);
	}

	/**
	 * Return the Java enum constant of a known value.
	 * @param <K> the Java enum of the known values, declared in the same order as the constants
	 * @param <E> the subclass
	 * @param type the Java enum
	 * @param value the value
	 * @param index the index of the known values
	 * @return the Java enum constant
	 * @throws OpenAIInvalidDataException if the value is not a known one
	 */
	protected static <K extends Enum<K>, E extends StringEnum> K known(Class<K> type, E value, Map<String, E> index) {
		int position = 0;
		for (String known : index.keySet()) {
			if (known.equals(value.asString())) {
				return type.getEnumConstants()[position];
			}
			position++;
		}
		throw new OpenAIInvalidDataException("Unknown " + value.getClass().getSimpleName() + " value '" + value
				+ "'; this version of the client knows " + index.keySet());
	}

	/**
	 * Return the value as sent on the wire.
	 * @return the value
	 */
	@JsonValue
	public final String asString() {
		return this.value;
	}

	@Override
	public final boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		return other != null && other.getClass() == getClass() && this.value.equals(((StringEnum) other).value);
	}

	@Override
	public final int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public final String toString() {
		return this.value;
	}

}
