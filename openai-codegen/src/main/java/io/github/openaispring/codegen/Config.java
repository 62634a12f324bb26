package io.github.openaispring.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The generator's configuration: the rename table for types and the subjects of params names
 * ({@code codegen.properties}).
 */
final class Config {

	private final Properties properties = new Properties();

	Config() {
		try (InputStream in = Config.class.getResourceAsStream("codegen.properties")) {
			this.properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The Java name of a schema: its own name unless the rename table says otherwise. */
	String typeName(String schemaName) {
		String renamed = this.properties.getProperty("type." + schemaName);
		return (renamed != null) ? renamed : Names.pascal(schemaName);
	}

	/** The subject of the params of an SDK resource path, such as {@code chat.completions}. */
	String subject(String resourcePath) {
		String subject = this.properties.getProperty("subject." + resourcePath);
		if (subject != null) {
			return subject;
		}
		String last = resourcePath.substring(resourcePath.lastIndexOf('.') + 1);
		return Names.singularPascal(last);
	}

	/** Whether the configuration names the subject of an SDK resource path. */
	boolean hasSubject(String resourcePath) {
		return this.properties.containsKey("subject." + resourcePath);
	}

	/** Schemas generated even when no operation in scope reaches them. */
	List<String> extraSchemas() {
		List<String> result = new ArrayList<>();
		for (String name : this.properties.getProperty("extra.schemas", "").split(",")) {
			if (!name.isBlank()) {
				result.add(name.strip());
			}
		}
		return result;
	}

}
