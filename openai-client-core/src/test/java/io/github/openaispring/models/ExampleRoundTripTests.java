package io.github.openaispring.models;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import io.github.openaispring.spec.RequestSchemaValidator;
import io.github.openaispring.spec.SpecExample;
import io.github.openaispring.spec.SpecExamples;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated type that has an example in the specification reads it, writes it back
 * exactly (nothing dropped, nothing added), and reads its own output to an equal value.
 */
class ExampleRoundTripTests {

	@TestFactory
	Stream<DynamicTest> everyExampleRoundTrips() {
		Map<String, String> types = Manifest.get().types();
		List<DynamicTest> tests = new ArrayList<>();
		for (SpecExample example : SpecExamples.get().all()) {
			String className = types.get(example.schemaName());
			if (className != null) {
				tests.add(DynamicTest.dynamicTest(example.toString(), () -> check(example, Manifest.load(className))));
			}
		}
		return tests.stream();
	}

	@Test
	void examplesCoverTheMainResponses() {
		Map<String, String> types = Manifest.get().types();
		long covered = SpecExamples.get().schemaNames().stream().filter(types::containsKey).count();
		System.out.printf("Examples: %d in the spec, %d skipped; %d generated types have one%n",
				SpecExamples.get().all().size(), SpecExamples.get().skipped().size(), covered);
		assertThat(SpecExamples.get().schemaNames()).contains("CreateChatCompletionResponse", "CreateEmbeddingResponse",
				"CreateCompletionResponse", "OpenAIFile", "Model", "CreateModerationResponse");
		assertThat(covered).isGreaterThan(50);
	}

	/**
	 * Round-trip an example. An example that fails only because it contradicts its own schema
	 * (a string where the schema declares a number, say) is a fault of the specification and is
	 * reported as skipped, with the contradiction; fields the schema does not declare and
	 * required fields it leaves out are not contradictions, since the model must survive both.
	 */
	private static void check(SpecExample example, Class<?> type) {
		try {
			roundTrip(example, type);
		}
		catch (AssertionError | OpenAIInvalidDataException failure) {
			boolean nothingDeclared = failure.getMessage().contains("read as declared");
			List<String> contradictions = RequestSchemaValidator.shared()
				.validateSchema(example.schemaName(), example.json())
				.stream()
				.filter((error) -> nothingDeclared || !error.contains("[unevaluatedProperties"))
				.filter((error) -> !error.contains("[required"))
				.toList();
			if (contradictions.isEmpty()) {
				throw failure;
			}
			Assumptions.abort("the example contradicts its schema: " + contradictions.get(0));
		}
	}

	private static void roundTrip(SpecExample example, Class<?> type) {
		String original = OpenAIJson.write(example.json());
		Object value = OpenAIJson.read(original, type);
		String written = OpenAIJson.write(value);
		JsonNode writtenTree = OpenAIJson.mapper().readTree(written);
		JsonNode originalTree = OpenAIJson.mapper().readTree(original);
		assertThat(writtenTree.equals(ExampleRoundTripTests::compareNumbersByValue, originalTree))
			.as("written back unchanged:%n  read    %s%n  written %s", originalTree, writtenTree)
			.isTrue();
		assertThat(OpenAIJson.read(written, type)).isEqualTo(value);
		assertThat(declaredFieldsRead(value, example.json())).as("fields of %s read as declared", type.getSimpleName())
			.isPositive();
	}

	/** Tree equality where {@code 88} and {@code 88.0} are the same number. */
	private static int compareNumbersByValue(JsonNode left, JsonNode right) {
		if (left.isNumber() && right.isNumber()) {
			return left.decimalValue().compareTo(right.decimalValue());
		}
		return left.equals(right) ? 0 : 1;
	}

	/** How many of the example's fields landed in declared fields rather than the unknown ones. */
	private static int declaredFieldsRead(Object value, JsonNode json) {
		if (value instanceof Record && value.getClass().getSimpleName().equals("Unknown")) {
			return 0;
		}
		if (!(value instanceof Record) && hasAdditionalProperties(value)) {
			Map<?, ?> additional = additionalProperties(value);
			int declared = 0;
			Iterator<String> names = json.propertyNames().iterator();
			while (names.hasNext()) {
				if (!additional.containsKey(names.next())) {
					declared++;
				}
			}
			return declared;
		}
		return (value instanceof io.github.openaispring.core.StringEnum || value instanceof Record) ? 1 : json.size();
	}

	private static boolean hasAdditionalProperties(Object value) {
		try {
			value.getClass().getMethod("additionalProperties");
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static Map<?, ?> additionalProperties(Object value) {
		try {
			return (Map<?, ?>) value.getClass().getMethod("additionalProperties").invoke(value);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
