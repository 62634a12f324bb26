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

	/**
	 * The name of the service classes of an SDK resource path ({@code <Name>Service} and
	 * {@code <Name>ServiceAsync}): the subject of its params unless the table names it.
	 */
	String serviceName(String resourcePath) {
		String name = this.properties.getProperty("service." + resourcePath);
		return (name != null) ? name : subject(resourcePath);
	}

	/**
	 * The event schema of an operation that streams when its params say {@code "stream": true}
	 * though its response declares no {@code text/event-stream}, and whether its events are
	 * told apart by their SSE event name ({@code "named"}); {@code null} when it does not stream
	 * that way.
	 */
	String[] streamEvent(String sdkCall) {
		String value = this.properties.getProperty("stream." + sdkCall);
		return (value != null) ? value.strip().split("\\s+") : null;
	}

	/** Body fields an operation sends when the params leave them out, by JSON name. */
	java.util.Map<String, String> bodyDefaults(String sdkCall) {
		java.util.Map<String, String> defaults = new java.util.TreeMap<>();
		String prefix = "default." + sdkCall + ".";
		for (String key : this.properties.stringPropertyNames()) {
			if (key.startsWith(prefix)) {
				defaults.put(key.substring(prefix.length()), this.properties.getProperty(key));
			}
		}
		return defaults;
	}

	/**
	 * The headers every call of an operation sends that the spec does not declare, by name:
	 * the entries {@code header.<sdk resource path>.<Header-Name>=<value>} of the resource the
	 * call belongs to and of the resources above it ({@code header.beta.threads.OpenAI-Beta}
	 * covers {@code beta.threads.runs.create}).
	 */
	java.util.Map<String, String> headers(String sdkCall) {
		java.util.Map<String, String> headers = new java.util.TreeMap<>();
		for (String key : this.properties.stringPropertyNames()) {
			if (key.startsWith("header.")) {
				String entry = key.substring("header.".length());
				String resourcePath = entry.substring(0, entry.lastIndexOf('.'));
				if (sdkCall.startsWith(resourcePath + ".")) {
					headers.put(entry.substring(resourcePath.length() + 1), this.properties.getProperty(key).strip());
				}
			}
		}
		return headers;
	}

	/**
	 * The {@code Accept} header an operation sends, streamed or not, where the official SDKs send
	 * one of their own ({@code accept.<sdk call>}); {@code null} for the default.
	 */
	String accept(String sdkCall) {
		return stripped("accept." + sdkCall);
	}

	/**
	 * The field of a list response that holds the cursor of the next page
	 * ({@code cursor.<sdk call>=last_id}); {@code null} when the cursor is the last item's id.
	 */
	String cursor(String sdkCall) {
		return stripped("cursor." + sdkCall);
	}

	private String stripped(String key) {
		String value = this.properties.getProperty(key);
		return (value != null) ? value.strip() : null;
	}

	/** Whether an operation's response is a file rather than the JSON its description says. */
	boolean binary(String sdkCall) {
		return Boolean.parseBoolean(this.properties.getProperty("binary." + sdkCall, "false"));
	}

	/**
	 * The request media type an operation is generated for when the spec offers several;
	 * {@code application/json} unless the table says {@code form.<sdk call>=multipart/form-data}.
	 */
	List<String> requestMediaTypes(String sdkCall) {
		String preferred = (sdkCall != null) ? this.properties.getProperty("form." + sdkCall) : null;
		List<String> result = new ArrayList<>(List.of("application/json", "multipart/form-data"));
		if (preferred != null) {
			result.remove(preferred.strip());
			result.add(0, preferred.strip());
		}
		return result;
	}

	/** Whether an operation also gets a {@code <name>Text} form reading the body as text (text, srt, vtt). */
	boolean textForm(String sdkCall) {
		return Boolean.parseBoolean(this.properties.getProperty("text." + sdkCall, "false"));
	}

	/**
	 * The body fields the streamed form of an operation sends, by JSON name:
	 * {@code "stream": true} unless the table says {@code streamfields.<sdk call>=name=value,...}.
	 */
	java.util.Map<String, String> streamFields(String sdkCall) {
		java.util.Map<String, String> result = new java.util.LinkedHashMap<>();
		String value = this.properties.getProperty("streamfields." + sdkCall, "stream=true");
		for (String field : value.split(",")) {
			String[] pair = field.strip().split("=", 2);
			result.put(pair[0], pair[1]);
		}
		return result;
	}

	/**
	 * The hand-written interface a service of an SDK resource path implements, for its helpers
	 * ({@code extensions.async.files}, {@code extensions.blocking.files}); {@code null} for none.
	 */
	String extensions(String mode, String resourcePath) {
		return this.properties.getProperty("extensions." + mode + "." + resourcePath);
	}

	/**
	 * The field of a nested object that a builder also takes alone, as a shorthand for that
	 * object with only this field set ({@code shorthand.VectorStoreCreateParams.expires_after=days}
	 * gives {@code expiresAfterDays(30)}); {@code null} for none.
	 */
	String shorthand(String javaTypeName, String jsonField) {
		return this.properties.getProperty("shorthand." + javaTypeName + "." + jsonField);
	}

	/** The keys of the shorthand entries, so that one naming no field fails the build. */
	List<String> shorthandKeys() {
		return this.properties.stringPropertyNames().stream().filter((key) -> key.startsWith("shorthand.")).sorted().toList();
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
