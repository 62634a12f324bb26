package io.github.openaispring.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON examples of response and resource schemas, collected from the OpenAI OpenAPI
 * description.
 * <p>
 * Sources, in this order:
 * <ol>
 * <li>each operation's {@code x-oaiMeta.examples} (an object or a list of objects with
 * {@code request}/{@code response}): the {@code response} text, as an instance of the
 * {@code $ref} schema of the operation's {@code 200}/{@code 201}
 * {@code application/json} response;</li>
 * <li>{@code example} and {@code examples.*.value} of every {@code application/json}
 * response of an operation, and of {@code components/responses}, for the response's
 * {@code $ref} schema;</li>
 * <li>{@code components.schemas.X.example} and {@code components.schemas.X.x-oaiMeta.example}
 * for schema {@code X}.</li>
 * </ol>
 * Example texts are read as strict JSON first. Many are hand-written, with trailing
 * commas, {@code //} comments, unquoted names or lines that elide array elements
 * ({@code ...}, <code>{ ... }</code>); those are read again leniently, without the eliding
 * lines, and their source ends with {@value #LENIENT}. Whatever still fails, is not a JSON
 * object, is an event stream or a streaming example, or has no named schema is skipped
 * and recorded in {@link #skipped()}.
 */
public final class SpecExamples {

	/**
	 * Suffix of the source of an example that was not strict JSON.
	 */
	public static final String LENIENT = " (lenient)";

	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final JsonMapper LENIENT_MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
				JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES)
		.build();

	/**
	 * A line that only elides content: {@code ...}, {@code ....}, <code>{ ... }</code>,
	 * optionally followed by a comma and a parenthesized remark.
	 */
	private static final Pattern ELISION_LINE = Pattern
		.compile("(?m)^[ \\t]*(?:\\.{3,}|\\{[ \\t]*\\.{3,}[ \\t]*\\}|\\[[ \\t]*\\.{3,}[ \\t]*\\])[ \\t]*,?[ \\t]*(?:\\(.*\\))?[ \\t]*\\r?$\\n?");

	private static final Pattern STREAMING_TITLE = Pattern.compile("(?i)(?<!no |non-|non )stream");

	private static volatile SpecExamples shared;

	private final List<SpecExample> examples = new ArrayList<>();

	private final List<Skipped> skipped = new ArrayList<>();

	private final OpenApiSpec spec;

	private SpecExamples(OpenApiSpec spec) {
		this.spec = spec;
		collectOperationExamples();
		collectResponseExamples();
		collectSchemaExamples();
	}

	/**
	 * Return the examples of {@link OpenApiSpec#get()}, collected on first use.
	 * @return the shared examples
	 */
	public static SpecExamples get() {
		SpecExamples examples = shared;
		if (examples == null) {
			synchronized (SpecExamples.class) {
				examples = shared;
				if (examples == null) {
					examples = collect(OpenApiSpec.get());
					shared = examples;
				}
			}
		}
		return examples;
	}

	/**
	 * Collect the examples of a spec.
	 * @param spec the spec
	 * @return the examples
	 */
	public static SpecExamples collect(OpenApiSpec spec) {
		return new SpecExamples(spec);
	}

	/**
	 * Return all examples, in the order described in the class documentation.
	 * @return the examples
	 */
	public List<SpecExample> all() {
		return Collections.unmodifiableList(this.examples);
	}

	/**
	 * Return the examples of one schema.
	 * @param schemaName the schema name
	 * @return its examples, possibly none
	 */
	public List<SpecExample> forSchema(String schemaName) {
		return this.examples.stream().filter((example) -> example.schemaName().equals(schemaName)).toList();
	}

	/**
	 * Return the names of the schemas that have at least one example.
	 * @return the schema names
	 */
	public Set<String> schemaNames() {
		Set<String> names = new LinkedHashSet<>();
		this.examples.forEach((example) -> names.add(example.schemaName()));
		return Collections.unmodifiableSet(names);
	}

	/**
	 * Return the examples that were skipped, with the reason.
	 * @return the skipped examples
	 */
	public List<Skipped> skipped() {
		return Collections.unmodifiableList(this.skipped);
	}

	/**
	 * Return how many examples were skipped for each reason.
	 * @return the counts, for the reasons that occurred
	 */
	public Map<Reason, Integer> skippedByReason() {
		Map<Reason, Integer> counts = new EnumMap<>(Reason.class);
		this.skipped.forEach((skip) -> counts.merge(skip.reason(), 1, Integer::sum));
		return counts;
	}

	/**
	 * Return a one-line summary of the counts, for test output.
	 * @return the summary
	 */
	public String summary() {
		long lenient = this.examples.stream().filter((example) -> example.source().endsWith(LENIENT)).count();
		return this.examples.size() + " examples (" + lenient + " read leniently) for " + schemaNames().size()
				+ " schemas; skipped " + this.skipped.size() + " " + skippedByReason();
	}

	private void collectOperationExamples() {
		for (String operationId : this.spec.operationIds()) {
			JsonNode examples = this.spec.operation(operationId).path("x-oaiMeta").path("examples");
			Optional<String> schemaName = this.spec.responseSchemaName(operationId);
			if (examples.isObject()) {
				addOperationExample(operationId + " x-oaiMeta", examples, schemaName);
			}
			else if (examples.isArray()) {
				for (int i = 0; i < examples.size(); i++) {
					JsonNode example = examples.get(i);
					String title = example.path("title").stringValue("");
					String source = operationId + " x-oaiMeta[" + i + "]" + (title.isEmpty() ? "" : " " + title);
					addOperationExample(source, example, schemaName);
				}
			}
		}
	}

	private void addOperationExample(String source, JsonNode example, Optional<String> schemaName) {
		JsonNode response = example.path("response");
		if (!response.isString() || response.stringValue().isBlank()) {
			skip(source, Reason.EMPTY, "no response text");
			return;
		}
		String text = response.stringValue().strip();
		if (isEventStream(text)) {
			skip(source, Reason.EVENT_STREAM, firstLine(text));
			return;
		}
		if (STREAMING_TITLE.matcher(example.path("title").stringValue("")).find()) {
			skip(source, Reason.STREAMING, "streaming example: " + example.path("title").stringValue(""));
			return;
		}
		if (schemaName.isEmpty()) {
			skip(source, Reason.NO_NAMED_SCHEMA, "the 200/201 application/json response has no $ref schema");
			return;
		}
		addText(schemaName.get(), source, text);
	}

	private void collectResponseExamples() {
		for (String operationId : this.spec.operationIds()) {
			JsonNode responses = this.spec.operation(operationId).path("responses");
			for (String status : responses.propertyNames()) {
				JsonNode response = responses.get(status);
				if (!response.has("$ref")) {
					addResponseExamples(operationId + " response " + status, response);
				}
			}
		}
		JsonNode componentResponses = this.spec.root().path("components").path("responses");
		for (String name : componentResponses.propertyNames()) {
			addResponseExamples("response " + name, componentResponses.get(name));
		}
	}

	private void addResponseExamples(String source, JsonNode response) {
		JsonNode media = response.path("content").path("application/json");
		if (!media.has("example") && !media.has("examples")) {
			return;
		}
		Optional<String> schemaName = OpenApiSpec.schemaRefName(media.path("schema"));
		List<Map.Entry<String, JsonNode>> values = new ArrayList<>();
		if (media.has("example")) {
			values.add(Map.entry(source + " example", media.get("example")));
		}
		for (Map.Entry<String, JsonNode> named : media.path("examples").properties()) {
			JsonNode example = this.spec.resolveRef(named.getValue());
			values.add(Map.entry(source + " examples." + named.getKey(), example.path("value")));
		}
		for (Map.Entry<String, JsonNode> value : values) {
			if (schemaName.isEmpty()) {
				skip(value.getKey(), Reason.NO_NAMED_SCHEMA, "the response has no $ref schema");
			}
			else {
				addValue(schemaName.get(), value.getKey(), value.getValue());
			}
		}
	}

	private void collectSchemaExamples() {
		for (String name : this.spec.schemaNames()) {
			JsonNode schema = this.spec.schema(name);
			if (schema.has("example")) {
				addValue(name, "schema " + name + " example", schema.get("example"));
			}
			JsonNode metaExample = schema.path("x-oaiMeta").path("example");
			if (!metaExample.isMissingNode()) {
				addValue(name, "schema " + name + " x-oaiMeta example", metaExample);
			}
		}
	}

	/**
	 * Add an example given as a JSON value, which may be an object or a string holding
	 * JSON.
	 */
	private void addValue(String schemaName, String source, JsonNode value) {
		if (value.isObject()) {
			add(schemaName, source, value);
		}
		else if (value.isString()) {
			String text = value.stringValue().strip();
			if (text.isEmpty()) {
				skip(source, Reason.EMPTY, "empty example");
			}
			else if (isEventStream(text)) {
				skip(source, Reason.EVENT_STREAM, firstLine(text));
			}
			else if (!looksLikeJson(text)) {
				skip(source, Reason.NOT_OBJECT, "scalar example: " + firstLine(text));
			}
			else {
				addText(schemaName, source, text);
			}
		}
		else {
			skip(source, Reason.NOT_OBJECT, value.getNodeType().toString().toLowerCase(Locale.ROOT) + " example");
		}
	}

	private void addText(String schemaName, String source, String text) {
		JsonNode json;
		String actualSource = source;
		try {
			json = STRICT.readTree(text);
		}
		catch (JacksonException strictFailure) {
			try {
				json = LENIENT_MAPPER.readTree(ELISION_LINE.matcher(text).replaceAll(""));
				actualSource = source + LENIENT;
			}
			catch (JacksonException lenientFailure) {
				skip(source, Reason.NOT_JSON, firstLine(lenientFailure.getOriginalMessage()));
				return;
			}
		}
		if (!json.isObject()) {
			skip(source, Reason.NOT_OBJECT, json.getNodeType().toString().toLowerCase(Locale.ROOT) + " example");
			return;
		}
		add(schemaName, actualSource, json);
	}

	private void add(String schemaName, String source, JsonNode json) {
		this.examples.add(new SpecExample(schemaName, source, json));
	}

	private void skip(String source, Reason reason, String detail) {
		this.skipped.add(new Skipped(source, reason, detail));
	}

	private static boolean isEventStream(String text) {
		return text.startsWith("data:") || text.startsWith("event:");
	}

	private static boolean looksLikeJson(String text) {
		return text.startsWith("{") || text.startsWith("[") || text.startsWith("//") || text.startsWith("/*");
	}

	private static String firstLine(String text) {
		String line = (text != null) ? text.strip().lines().findFirst().orElse("") : "";
		return (line.length() > 120) ? line.substring(0, 120) + "..." : line;
	}

	/**
	 * Why an example was skipped.
	 */
	public enum Reason {

		/**
		 * No response text, or an empty one.
		 */
		EMPTY,

		/**
		 * A server-sent event stream ({@code data:} or {@code event:} lines).
		 */
		EVENT_STREAM,

		/**
		 * An {@code x-oaiMeta} example whose title says it streams; its response is a
		 * chunk or a sequence of chunks, not the operation's response schema.
		 */
		STREAMING,

		/**
		 * The response it belongs to has no {@code $ref} schema (inline, binary or none).
		 */
		NO_NAMED_SCHEMA,

		/**
		 * Not JSON even when read leniently (for example several concatenated objects,
		 * Python literals or missing commas).
		 */
		NOT_JSON,

		/**
		 * Valid JSON, but not an object (a scalar or an array).
		 */
		NOT_OBJECT

	}

	/**
	 * An example that was not collected.
	 *
	 * @param source where it comes from, in the same form as {@link SpecExample#source()}
	 * @param reason why it was skipped
	 * @param detail details, such as the parse error
	 */
	public record Skipped(String source, Reason reason, String detail) {

		@Override
		public String toString() {
			return this.source + ": " + this.reason + " (" + this.detail + ")";
		}

	}

}
