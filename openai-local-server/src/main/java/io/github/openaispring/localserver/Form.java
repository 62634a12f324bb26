package io.github.openaispring.localserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a {@code multipart/form-data} request, read the way {@link Fields} reads a JSON
 * body: the same errors for a missing or malformed field. Repeated fields are sent as
 * {@code name[]}, as the official clients send arrays.
 */
final class Form {

	private final List<Multipart.Part> parts;

	private Form(List<Multipart.Part> parts) {
		this.parts = parts;
	}

	static Form read(Exchange exchange) throws IOException {
		return new Form(Multipart.parse(exchange));
	}

	/**
	 * The first part with one of these names.
	 * @return the part, or {@code null}
	 */
	Multipart.Part part(String... names) {
		for (Multipart.Part part : this.parts) {
			for (String name : names) {
				if (name.equals(part.name())) {
					return part;
				}
			}
		}
		return null;
	}

	/**
	 * A file part.
	 * @throws ApiException 400 {@code Missing required parameter} when there is none
	 */
	Multipart.Part file(String name) {
		Multipart.Part part = part(name, name + "[]");
		if (part == null) {
			throw ApiException.missing(name);
		}
		return part;
	}

	/**
	 * The text of a field.
	 * @return the text, or {@code otherwise} when the field is absent
	 */
	String string(String name, String otherwise) {
		Multipart.Part part = part(name);
		return (part != null) ? part.text() : otherwise;
	}

	/**
	 * The texts of a repeated field, sent as {@code name[]} (or {@code name}).
	 * @return the texts, empty when absent
	 */
	List<String> strings(String name) {
		List<String> values = new ArrayList<>();
		for (Multipart.Part part : this.parts) {
			if ((name + "[]").equals(part.name()) || name.equals(part.name())) {
				values.add(part.text());
			}
		}
		return values;
	}

	/**
	 * The model.
	 * @throws ApiException 400 {@code you must provide a model parameter} when absent or blank
	 */
	String model() {
		String model = string("model", null);
		if (model == null || model.isBlank()) {
			throw ApiException.noModel();
		}
		return model.strip();
	}

	/**
	 * A required text field.
	 * @throws ApiException 400 {@code Missing required parameter} when absent or empty
	 */
	String required(String name) {
		String value = string(name, null);
		if (value == null || value.isEmpty()) {
			throw ApiException.missing(name);
		}
		return value;
	}

	/**
	 * An optional integer within bounds.
	 * @return the value, or {@code otherwise} when absent
	 */
	long integer(String name, long min, long max, long otherwise) {
		String text = string(name, null);
		if (text == null) {
			return otherwise;
		}
		long value;
		try {
			value = Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalidType(name, "an integer", "a string");
		}
		return Fields.checkRange(name, value, min, max);
	}

	/**
	 * An optional number within bounds.
	 * @return the value, or {@code otherwise} when absent
	 */
	double number(String name, double min, double max, double otherwise) {
		String text = string(name, null);
		if (text == null) {
			return otherwise;
		}
		double value;
		try {
			value = Double.parseDouble(text.strip());
		}
		catch (NumberFormatException ex) {
			throw ApiException.invalidType(name, "a number", "a string");
		}
		return Fields.checkRange(name, value, min, max);
	}

}
