package io.github.openaispring.models;

import java.util.List;

import io.github.openaispring.core.OpenAIJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the generated builders write: the JSON the server receives.
 */
class BuilderTests {

	@Test
	void chatCompletionFromTheSeed() {
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("gpt-4")
			.addSystemMessage("You are a helpful assistant.")
			.addUserMessage("Explain quantum computing in simple terms")
			.temperature(0.7)
			.build();
		assertThat(OpenAIJson.mapper().readTree(OpenAIJson.write(params))).isEqualTo(OpenAIJson.mapper().readTree("""
				{"messages":[{"content":"You are a helpful assistant.","role":"system"},
				 {"content":"Explain quantum computing in simple terms","role":"user"}],
				 "model":"gpt-4","temperature":0.7}
				"""));
		assertThat(params.messages().get(1)).isInstanceOf(ChatCompletionRequestUserMessage.class);
		assertThat(params.model()).isEqualTo(ChatModel.of("gpt-4"));
		assertThat(params.pathParams()).isEmpty();
		assertThat(params.queryParams()).isEmpty();
	}

	@Test
	void completionFromTheSeedTakesIntLiterals() {
		CompletionCreateParams params = CompletionCreateParams.builder()
			.model("gpt-3.5-turbo-instruct")
			.prompt("Write a short poem about programming")
			.maxTokens(150)
			.temperature(0.7)
			.build();
		assertThat(params.maxTokens()).isEqualTo(150L);
		assertThat(OpenAIJson.mapper().readTree(OpenAIJson.write(params))).isEqualTo(OpenAIJson.mapper()
			.readTree("{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"Write a short poem about programming\","
					+ "\"max_tokens\":150,\"temperature\":0.7}"));
	}

	@Test
	void unsetFieldsAreLeftOutAndNullIsSentWhenAsked() {
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model(ChatModel.GPT_4O)
			.addUserMessage("hi")
			.temperature(null)
			.build();
		assertThat(OpenAIJson.write(params))
			.isEqualTo("{\"temperature\":null,\"messages\":[{\"content\":\"hi\",\"role\":\"user\"}],\"model\":\"gpt-4o\"}");
	}

	@Test
	void unionOverloadsWriteEachForm() {
		assertThat(OpenAIJson.write(EmbeddingCreateParams.builder().model("m").input("one").build()))
			.isEqualTo("{\"input\":\"one\",\"model\":\"m\"}");
		assertThat(OpenAIJson.write(EmbeddingCreateParams.builder().model("m").input(List.of("a", "b")).build()))
			.isEqualTo("{\"input\":[\"a\",\"b\"],\"model\":\"m\"}");
		assertThat(OpenAIJson
			.write(EmbeddingCreateParams.builder().model("m").inputOfArrayOfIntegers(List.of(1L, 2L)).build()))
			.isEqualTo("{\"input\":[1,2],\"model\":\"m\"}");
		assertThat(OpenAIJson.write(EmbeddingCreateParams.builder()
			.model("m")
			.inputOfArrayOfArraysOfIntegers(List.of(List.of(1L), List.of(2L, 3L)))
			.build())).isEqualTo("{\"input\":[[1],[2,3]],\"model\":\"m\"}");
	}

	@Test
	void escapeHatchesReachTheWire() {
		FileListParams params = FileListParams.builder()
			.purpose("fine-tune")
			.limit(5L)
			.additionalQueryParam("extra", "yes")
			.additionalHeader("X-Trace", "a")
			.additionalHeader("X-Trace", "b")
			.build();
		assertThat(params.queryParams()).containsExactly(java.util.Map.entry("purpose", "fine-tune"),
				java.util.Map.entry("limit", 5L), java.util.Map.entry("extra", "yes"));
		assertThat(params.headers()).containsEntry("X-Trace", List.of("a", "b"));
		assertThat(OpenAIJson.write(params)).isEqualTo("{}");
		ChatCompletionCreateParams chat = ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addUserMessage("hi")
			.additionalBodyProperty("reasoning_mode", "deep")
			.build();
		assertThat(OpenAIJson.write(chat)).endsWith(",\"reasoning_mode\":\"deep\"}");
	}

	@Test
	void pathParametersAreNotInTheBody() {
		ChatCompletionUpdateParams params = ChatCompletionUpdateParams.builder()
			.completionId("chatcmpl-1")
			.putMetadata("team", "a")
			.build();
		assertThat(params.pathParams()).containsExactly(java.util.Map.entry("completion_id", "chatcmpl-1"));
		assertThat(OpenAIJson.write(params)).isEqualTo("{\"metadata\":{\"team\":\"a\"}}");
	}

	@Test
	void toBuilderCopiesAndLeavesTheOriginalUnchanged() {
		ChatCompletionCreateParams original = ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addUserMessage("hi")
			.build();
		ChatCompletionCreateParams changed = original.toBuilder().addUserMessage("again").maxCompletionTokens(5L).build();
		assertThat(original.messages()).hasSize(1);
		assertThat(changed.messages()).hasSize(2);
		assertThat(original.toBuilder().build()).isEqualTo(original).hasSameHashCodeAs(original);
		assertThat(changed).isNotEqualTo(original);
		assertThat(changed.toString()).startsWith("ChatCompletionCreateParams{").contains("maxCompletionTokens=5");
	}

	@Test
	void constantFieldsArePrefilled() {
		ChatCompletionTool tool = ChatCompletionTool.builder()
			.function(FunctionObject.builder().name("get_weather").build())
			.build();
		assertThat(OpenAIJson.write(tool)).isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}");
	}

}
