package io.github.openaispring.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RequestSchemaValidator}.
 */
class RequestSchemaValidatorTests {

	private static final String JSON = RequestSchemaValidator.APPLICATION_JSON;

	private static final String MULTIPART = RequestSchemaValidator.MULTIPART_FORM_DATA;

	private final RequestSchemaValidator validator = RequestSchemaValidator.shared();

	@Test
	void validEmbeddingRequestPasses() {
		assertThat(validate("createEmbedding", JSON, "{\"model\":\"text-embedding-3-small\",\"input\":\"hi\"}"))
			.isEmpty();
	}

	@Test
	void undeclaredEmbeddingPropertyFailsNamingIt() {
		String body = "{\"model\":\"x\",\"input\":\"hi\",\"bogus\":1}";
		assertThat(validate("createEmbedding", JSON, body)).isNotEmpty().anyMatch((error) -> error.contains("bogus"));
		assertThat(this.validator.undeclaredProperties("createEmbedding", JSON, json(body))).containsExactly("$.bogus");
	}

	@Test
	void missingRequiredPropertyFails() {
		assertThat(validate("createEmbedding", JSON, "{\"input\":\"hi\"}")).isNotEmpty()
			.anyMatch((error) -> error.contains("model") && error.contains("required"));
	}

	@Test
	void wrongTypeFails() {
		assertThat(validate("createEmbedding", JSON, "{\"model\":\"x\",\"input\":\"hi\",\"dimensions\":\"many\"}"))
			.isNotEmpty()
			.anyMatch((error) -> error.startsWith("$.dimensions"));
		assertThat(validate("createEmbedding", JSON, "\"not an object\"")).isNotEmpty();
	}

	@Test
	void validChatCompletionRequestPasses() {
		assertThat(validate("createChatCompletion", JSON,
				"{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
			.isEmpty();
	}

	@Test
	void undeclaredPropertyInMessageFailsNamingIt() {
		String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"nope\":true}]}";
		assertThat(validate("createChatCompletion", JSON, body)).isNotEmpty().anyMatch((error) -> error.contains("nope"));
		assertThat(this.validator.undeclaredProperties("createChatCompletion", JSON, json(body)))
			.containsExactly("$.messages[0].nope");
	}

	@Test
	void undeclaredTopLevelPropertyOfAllOfCompositionFails() {
		// CreateChatCompletionRequest is allOf [CreateModelResponseProperties, {properties}]
		String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"zzz\":1}";
		assertThat(this.validator.undeclaredProperties("createChatCompletion", JSON, json(body)))
			.containsExactly("$.zzz");
	}

	@Test
	void propertiesFromEveryAllOfPartAreAccepted() {
		// temperature and top_logprobs come from the allOf parts, messages from the owner
		String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
				+ "\"temperature\":0.5,\"top_logprobs\":2,\"metadata\":{\"any\":\"thing\"}}";
		assertThat(validate("createChatCompletion", JSON, body)).isEmpty();
	}

	@Test
	void invalidNestedValueDoesNotReportItsOwnerAsUndeclared() {
		String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":42}]}";
		List<String> errors = validate("createChatCompletion", JSON, body);
		assertThat(errors).isNotEmpty().noneMatch((error) -> error.contains("'messages'") || error.contains("'model'"));
		assertThat(this.validator.undeclaredProperties("createChatCompletion", JSON, json(body))).isEmpty();
	}

	@Test
	void nullTemperatureIsAllowedWhereTheSpecSaysSo() {
		// ModelResponseProperties.temperature is anyOf [number, null]
		assertThat(this.validator.spec().schema("ModelResponseProperties").at("/properties/temperature/anyOf/1/type")
			.stringValue()).isEqualTo("null");
		assertThat(validate("createChatCompletion", JSON,
				"{\"model\":\"gpt-4o\",\"temperature\":null,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
			.isEmpty();
	}

	@Test
	void openApi30NullableIsHonoured() {
		// CreateRunRequest.temperature is {type: number, nullable: true};
		// truncation_strategy is allOf [{$ref: TruncationObject}, {nullable: true}]
		assertThat(validate("createRun", JSON,
				"{\"assistant_id\":\"asst_1\",\"temperature\":null,\"truncation_strategy\":null}"))
			.isEmpty();
		assertThat(validate("createRun", JSON, "{\"assistant_id\":\"asst_1\",\"assistant\":null}")).isNotEmpty();
		assertThat(validate("createRun", JSON, "{\"assistant_id\":null}")).isNotEmpty();
	}

	@Test
	void validMultipartTranscriptionPasses() {
		assertThat(validate("createTranscription", MULTIPART,
				"{\"file\":\"speech.mp3\",\"model\":\"whisper-1\",\"language\":\"en\",\"temperature\":0}"))
			.isEmpty();
	}

	@Test
	void validMultipartFilePasses() {
		assertThat(validate("createFile", MULTIPART, "{\"file\":\"data.jsonl\",\"purpose\":\"fine-tune\"}")).isEmpty();
		assertThat(validate("createFile", MULTIPART, "{\"file\":\"data.jsonl\",\"purpose\":\"fine-tune\",\"x\":1}"))
			.anyMatch((error) -> error.contains("'x'"));
	}

	@Test
	void unknownOperationOrMediaTypeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> validate("createFile", JSON, "{}"))
			.withMessageContaining("createFile");
		assertThatIllegalArgumentException().isThrownBy(() -> validate("noSuchOperation", JSON, "{}"));
	}

	@Test
	void strictOneOfRejectsBodiesMatchingOverlappingBranches() {
		// EasyInputMessage and InputMessage (both branches of InputItem) accept this item
		String body = "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}]}";
		RequestSchemaValidator strict = new RequestSchemaValidator(this.validator.spec(), true);
		assertThat(strict.validate("createResponse", JSON, json(body))).anyMatch((error) -> error.contains("oneOf"));
		assertThat(this.validator.validate("createResponse", JSON, json(body))).isEmpty();
	}

	@Test
	void undeclaredPropertyIsReportedForTheClosestUnionBranch() {
		// Tool is a union; FileSearchTool matches by type and does not declare "name",
		// which FunctionTool does
		String body = "{\"model\":\"gpt-4o\",\"tools\":[{\"type\":\"file_search\",\"vector_store_ids\":[\"vs_1\"],\"name\":\"n\"}]}";
		assertThat(validate("createResponse", JSON, body)).anyMatch((error) -> error.contains("'name'"));
		assertThat(this.validator.undeclaredProperties("createResponse", JSON, json(body)))
			.containsExactly("$.tools[0].name");
	}

	@Test
	void undeclaredPropertyIsReportedEvenIfTheObjectHasOtherErrors() {
		// FunctionTool requires "strict" too
		String body = "{\"model\":\"gpt-4o\",\"tools\":[{\"type\":\"function\",\"name\":\"f\",\"parameters\":{},\"extra\":1}]}";
		assertThat(this.validator.undeclaredProperties("createResponse", JSON, json(body)))
			.containsExactly("$.tools[0].extra");
	}

	@Test
	void undeclaredPropertiesAreReportedPerArrayItem() {
		String body = "{\"model\":\"gpt-4o\",\"input\":[{\"type\":\"message\",\"role\":\"user\",\"content\":\"x\",\"bar\":2},"
				+ "{\"type\":\"function_call_output\",\"call_id\":\"c\",\"output\":\"o\",\"baz\":1}]}";
		assertThat(this.validator.undeclaredProperties("createResponse", JSON, json(body)))
			.containsExactly("$.input[0].bar", "$.input[1].baz");
	}

	@Test
	void otherBranchesDoNotReportDeclaredPropertiesAsUndeclared() {
		// InputImageContent requires "detail"; the other content branches do not declare
		// image_url, but they are not the closest match
		String body = "{\"model\":\"gpt-4o\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_image\",\"image_url\":\"https://x\"}]}]}";
		assertThat(validate("createResponse", JSON, body)).anyMatch((error) -> error.contains("'detail'"));
		assertThat(this.validator.undeclaredProperties("createResponse", JSON, json(body))).isEmpty();
	}

	@Test
	void validatesInstancesOfComponentSchemas() {
		String embedding = "{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,0.2]}";
		assertThat(this.validator.validateSchema("Embedding", json(embedding))).isEmpty();
		String extra = "{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1],\"norm\":1}";
		assertThat(this.validator.undeclaredSchemaProperties("Embedding", json(extra))).containsExactly("$.norm");
		assertThatIllegalArgumentException().isThrownBy(() -> this.validator.validateSchema("NoSuchSchema", json("{}")));
	}

	@Test
	void compilesAndValidatesEveryRequestSchemaQuickly() {
		OpenApiSpec spec = this.validator.spec();
		long start = System.nanoTime();
		RequestSchemaValidator fresh = new RequestSchemaValidator(spec);
		Map<String, Integer> errorCounts = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		for (String operationId : spec.operationIds()) {
			for (String mediaType : spec.requestMediaTypes(operationId)) {
				if (mediaType.equals(JSON) || mediaType.equals(MULTIPART)) {
					try {
						errorCounts.put(operationId + " " + mediaType,
								fresh.validate(operationId, mediaType, json("{}")).size());
					}
					catch (RuntimeException ex) {
						failures.add(operationId + " " + mediaType + ": " + ex);
					}
				}
			}
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.println("RequestSchemaValidator: rewrote the spec, compiled and validated " + errorCounts.size()
				+ " operation request schemas in " + millis + " ms");
		assertThat(failures).isEmpty();
		assertThat(errorCounts).hasSizeGreaterThan(100);
		assertThat(millis).isLessThan(10_000);
	}

	private List<String> validate(String operationId, String mediaType, String body) {
		return this.validator.validate(operationId, mediaType, json(body));
	}

	private static JsonNode json(String text) {
		return OpenApiSpec.jsonMapper().readTree(text);
	}

}
