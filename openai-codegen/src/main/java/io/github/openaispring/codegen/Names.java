package io.github.openaispring.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns names from the specification into Java names.
 */
final class Names {

	private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
			"catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
			"final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
			"long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
			"strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
			"volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");

	private Names() {
	}

	/** Split a name into words at underscores, dashes, dots, spaces and case changes. */
	static List<String> words(String name) {
		List<String> words = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!Character.isLetterOrDigit(c)) {
				flush(words, current);
				continue;
			}
			if (current.length() > 0) {
				char previous = current.charAt(current.length() - 1);
				boolean lowerToUpper = Character.isUpperCase(c) && !Character.isUpperCase(previous);
				boolean acronymEnd = Character.isUpperCase(c) && Character.isUpperCase(previous)
						&& i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
				if (lowerToUpper || acronymEnd) {
					flush(words, current);
				}
			}
			current.append(c);
		}
		flush(words, current);
		return words;
	}

	private static void flush(List<String> words, StringBuilder current) {
		if (current.length() > 0) {
			words.add(current.toString());
			current.setLength(0);
		}
	}

	/** {@code max_tokens} to {@code MaxTokens}. Names that already are PascalCase keep their case. */
	static String pascal(String name) {
		StringBuilder result = new StringBuilder();
		for (String word : words(name)) {
			result.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
		}
		if (result.length() == 0) {
			return "Value";
		}
		if (Character.isDigit(result.charAt(0))) {
			result.insert(0, 'V');
		}
		return result.toString();
	}

	/** {@code max_tokens} to {@code maxTokens}, escaping keywords. */
	static String camel(String name) {
		List<String> words = words(name);
		if (words.isEmpty()) {
			return "value";
		}
		StringBuilder result = new StringBuilder(words.get(0).toLowerCase(Locale.ROOT));
		for (String word : words.subList(1, words.size())) {
			result.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
		}
		if (Character.isDigit(result.charAt(0))) {
			result.insert(0, 'v');
		}
		String camel = result.toString();
		return KEYWORDS.contains(camel) ? camel + "_" : camel;
	}

	/** {@code IN_PROGRESS}-style constant name for an enum value. */
	static String constant(String value) {
		StringBuilder result = new StringBuilder();
		for (String word : words(value)) {
			if (result.length() > 0) {
				result.append('_');
			}
			result.append(word.toUpperCase(Locale.ROOT));
		}
		if (result.length() == 0) {
			return "EMPTY";
		}
		if (Character.isDigit(result.charAt(0))) {
			result.insert(0, 'V');
		}
		return result.toString();
	}

	/** An English singular of a plural noun, good enough for the specification's names. */
	static String singular(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.endsWith("ies") && word.length() > 4) {
			return word.substring(0, word.length() - 3) + (Character.isUpperCase(word.charAt(word.length() - 1)) ? "Y" : "y");
		}
		if (lower.endsWith("sses") || lower.endsWith("xes") || lower.endsWith("ches") || lower.endsWith("shes")) {
			return word.substring(0, word.length() - 2);
		}
		if (lower.endsWith("ss") || lower.endsWith("us") || lower.endsWith("is") || lower.endsWith("data")
				|| lower.endsWith("speech")) {
			return word;
		}
		if (lower.endsWith("s") && word.length() > 1) {
			return word.substring(0, word.length() - 1);
		}
		return word;
	}

	/** Singular of the last word of a name: {@code tool_calls} to {@code ToolCall}. */
	static String singularPascal(String name) {
		List<String> words = words(name);
		if (words.isEmpty()) {
			return "Item";
		}
		words.set(words.size() - 1, singular(words.get(words.size() - 1)));
		return pascal(String.join("_", words));
	}

	/** The words that {@code name} has beyond those it shares at the front with {@code prefixOf}. */
	static String withoutCommonPrefix(String name, String prefixOf) {
		List<String> words = words(name);
		List<String> other = words(prefixOf);
		int common = 0;
		while (common < words.size() - 1 && common < other.size() && words.get(common).equals(other.get(common))) {
			common++;
		}
		return pascal(String.join("_", words.subList(common, words.size())));
	}

}
