package io.github.openaispring.models;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generator's manifest ({@code target/openai-spec/manifest.json}): which operations and
 * schemas this build generated, and the Java types they became.
 */
final class Manifest {

	/** One generated operation. */
	record Operation(String operationId, String method, String path, String params, String requestSchema,
			String requestContentType, String response, String sdkCall, String streamEvent, boolean namedEvents) {

		@Override
		public String toString() {
			return this.operationId + " (" + this.method + " " + this.path + ")";
		}

	}

	private static Manifest instance;

	private final Map<String, String> types = new LinkedHashMap<>();

	private final List<Operation> operations = new ArrayList<>();

	private final String scope;

	private Manifest(JsonNode root) {
		this.scope = root.path("scope").asString();
		Iterator<Map.Entry<String, JsonNode>> entries = root.path("types").properties().iterator();
		while (entries.hasNext()) {
			Map.Entry<String, JsonNode> entry = entries.next();
			this.types.put(entry.getKey(), entry.getValue().asString());
		}
		for (JsonNode operation : root.path("operations")) {
			this.operations.add(new Operation(operation.path("operationId").asString(),
					operation.path("method").asString(), operation.path("path").asString(),
					operation.path("params").asString(), text(operation.get("requestSchema")),
					text(operation.get("requestContentType")), text(operation.get("response")),
					text(operation.get("sdkCall")), text(operation.get("streamEvent")),
					operation.path("namedEvents").asBoolean(false)));
		}
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	static synchronized Manifest get() {
		if (instance == null) {
			String location = System.getProperty("openai.manifest", "target/openai-spec/manifest.json");
			File file = Path.of(location).toFile();
			instance = new Manifest(JsonMapper.builder().build().readTree(file));
		}
		return instance;
	}

	/** The scope of this build: {@code seed} or {@code all}. */
	String scope() {
		return this.scope;
	}

	/** Schema name to the Java class generated for it. */
	Map<String, String> types() {
		return this.types;
	}

	List<Operation> operations() {
		return this.operations;
	}

	static Class<?> load(String className) {
		try {
			return Class.forName(className);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Generated class missing: " + className, ex);
		}
	}

}
