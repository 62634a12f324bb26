package io.github.openaispring.spec;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.github.openaispring.spec.SpecExamples.Reason;
import io.github.openaispring.spec.SpecExamples.Skipped;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpecExamples}.
 */
class SpecExamplesTests {

	private final SpecExamples examples = SpecExamples.get();

	@Test
	void reportsCounts() {
		System.out.println("SpecExamples: " + this.examples.summary());
		this.examples.skipped().forEach((skipped) -> System.out.println("  skipped " + skipped));
		assertThat(this.examples.all()).hasSizeGreaterThanOrEqualTo(50);
	}

	@Test
	void findsEmbeddingResponseExample() {
		List<SpecExample> found = this.examples.forSchema("CreateEmbeddingResponse");
		assertThat(found).isNotEmpty();
		SpecExample example = found.get(0);
		assertThat(example.source()).startsWith("createEmbedding x-oaiMeta");
		assertThat(example.json().path("object").stringValue()).isEqualTo("list");
		// the example elides most of the vector with a "...." line; only numbers remain
		JsonNode vector = example.json().at("/data/0/embedding");
		assertThat(vector.isArray()).isTrue();
		vector.forEach((value) -> assertThat(value.isNumber()).isTrue());
	}

	@Test
	void findsChatCompletionResponseExample() {
		List<SpecExample> found = this.examples.forSchema("CreateChatCompletionResponse");
		assertThat(found).isNotEmpty()
			.anyMatch((example) -> example.source().startsWith("createChatCompletion x-oaiMeta"))
			.allMatch((example) -> "chat.completion".equals(example.json().path("object").stringValue()));
	}

	@Test
	void findsSchemaLevelExamples() {
		assertThat(this.examples.all()).anyMatch((example) -> example.source().startsWith("schema ")
				&& example.source().contains(" x-oaiMeta example"));
		assertThat(this.examples.forSchema("Response"))
			.anyMatch((example) -> example.source().equals("schema Response example"));
	}

	@Test
	void everyExampleIsAnObjectOfAKnownSchema() {
		OpenApiSpec spec = OpenApiSpec.get();
		assertThat(this.examples.all()).allSatisfy((example) -> {
			assertThat(example.json().isObject()).as(example.source()).isTrue();
			assertThat(spec.hasSchema(example.schemaName())).as(example.source()).isTrue();
		});
	}

	@Test
	void skipsEventStreamsAndStreamingExamples() {
		assertThat(this.examples.skipped()).extracting(Skipped::reason).contains(Reason.EVENT_STREAM, Reason.STREAMING);
		assertThat(this.examples.all()).noneMatch((example) -> example.source().contains("Streaming"));
		assertThat(this.examples.skipped())
			.anyMatch((skipped) -> skipped.source().startsWith("createChatCompletion x-oaiMeta")
					&& skipped.reason() == Reason.STREAMING);
	}

	@Test
	void skipsExamplesWithoutNamedResponseSchema() {
		assertThat(this.examples.skipped())
			.anyMatch((skipped) -> skipped.source().startsWith("createTranscription x-oaiMeta")
					&& skipped.reason() == Reason.NO_NAMED_SCHEMA);
	}

	@Test
	void reportsHowManyExamplesMatchTheirSchemaStrictly() {
		RequestSchemaValidator validator = RequestSchemaValidator.shared();
		Map<String, Integer> undeclared = new TreeMap<>();
		int valid = 0;
		for (SpecExample example : this.examples.all()) {
			if (validator.validateSchema(example.schemaName(), example.json()).isEmpty()) {
				valid++;
			}
			validator.undeclaredSchemaProperties(example.schemaName(), example.json())
				.forEach((path) -> undeclared.merge(example.schemaName(), 1, Integer::sum));
		}
		System.out.println("SpecExamples: " + valid + " of " + this.examples.all().size()
				+ " examples are valid against their schema (strict); undeclared properties per schema: " + undeclared);
		assertThat(valid).isGreaterThan(this.examples.all().size() / 2);
	}

	@Test
	void countsSkipsByReason() {
		int total = this.examples.skippedByReason().values().stream().mapToInt(Integer::intValue).sum();
		assertThat(total).isEqualTo(this.examples.skipped().size());
	}

}
