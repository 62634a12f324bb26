package io.github.openaispring.models;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonValue;
import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.core.Params;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.spec.OpenApiSpec;
import io.github.openaispring.spec.RequestSchemaValidator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every generated operation, params built with every field set write a body that the
 * operation's request schema in the specification accepts, with no field the schema does not
 * declare, and path and query parameters named as the specification names them. Each
 * operation is checked with three seeds, so that union fields take different variants. The
 * bodies are made of placeholder values, so the schema's value ranges and lengths
 * ({@code minimum}, {@code maxLength}, ...) are not checked; its types, fields, required
 * fields and enums are.
 */
class ParamsContractTests {

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

	/** Writes a multipart body's fields as JSON, with each file as its file name. */
	private static final JsonMapper MULTIPART_AS_JSON = OpenAIJson.mapper()
		.rebuild()
		.addMixIn(UploadFile.class, UploadFileAsName.class)
		.build();

	@TestFactory
	Stream<DynamicTest> everyOperationWritesWhatTheSpecAccepts() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Manifest.Operation operation : Manifest.get().operations()) {
			for (int seed = 0; seed < 3; seed++) {
				int variantSeed = seed;
				tests.add(DynamicTest.dynamicTest(operation + " seed " + seed, () -> check(operation, variantSeed)));
			}
		}
		return tests.stream();
	}

	private static void check(Manifest.Operation operation, int seed) {
		Params params = (Params) new Samples(seed).build(Manifest.load(operation.params()));
		assertThat(params.pathParams().keySet()).containsExactlyInAnyOrderElementsOf(pathVariables(operation.path()));
		assertThat(params.queryParams().keySet()).containsExactlyInAnyOrderElementsOf(queryParameters(operation));
		if (operation.requestContentType() == null) {
			assertThat(OpenAIJson.write(params)).isEqualTo("{}");
			return;
		}
		JsonNode body = MULTIPART_AS_JSON.valueToTree(params);
		assertThat(body.size()).as("fields written").isPositive();
		List<String> errors = RequestSchemaValidator.shapes()
			.validate(operation.operationId(), operation.requestContentType(), body);
		assertThat(errors).as("schema errors for %s", body).isEmpty();
	}

	private static Set<String> pathVariables(String path) {
		Set<String> variables = new LinkedHashSet<>();
		Matcher matcher = PATH_VARIABLE.matcher(path);
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return variables;
	}

	private static Set<String> queryParameters(Manifest.Operation operation) {
		Set<String> names = new LinkedHashSet<>();
		JsonNode root = OpenApiSpec.get().root();
		JsonNode pathItem = root.path("paths").path(operation.path());
		List<JsonNode> parameters = new ArrayList<>();
		pathItem.path("parameters").forEach(parameters::add);
		pathItem.path(operation.method().toLowerCase(java.util.Locale.ROOT)).path("parameters").forEach(parameters::add);
		for (JsonNode parameter : parameters) {
			if (parameter.has("$ref")) {
				String ref = parameter.get("$ref").asString();
				parameter = root.path("components").path("parameters").path(ref.substring(ref.lastIndexOf('/') + 1));
			}
			if ("query".equals(parameter.path("in").asString())) {
				names.add(parameter.path("name").asString());
			}
		}
		return names;
	}

	abstract static class UploadFileAsName {

		@JsonValue
		abstract String filename();

	}

}
