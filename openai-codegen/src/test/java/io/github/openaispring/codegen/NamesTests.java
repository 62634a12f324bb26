package io.github.openaispring.codegen;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTests {

	@Test
	void camelCaseFollowsJsonNames() {
		assertThat(Names.camel("max_tokens")).isEqualTo("maxTokens");
		assertThat(Names.camel("top_logprobs")).isEqualTo("topLogprobs");
		assertThat(Names.camel("default")).isEqualTo("default_");
		assertThat(Names.camel("1024x1024")).isEqualTo("v1024x1024");
		assertThat(Names.camel("ID")).isEqualTo("id");
	}

	@Test
	void pascalCaseKeepsSchemaNames() {
		assertThat(Names.pascal("CreateChatCompletionResponse")).isEqualTo("CreateChatCompletionResponse");
		assertThat(Names.pascal("response_format")).isEqualTo("ResponseFormat");
		assertThat(Names.pascal("vector_store.file")).isEqualTo("VectorStoreFile");
	}

	@Test
	void constantsAreUpperSnakeCase() {
		assertThat(Names.constant("gpt-4o-mini")).isEqualTo("GPT_4O_MINI");
		assertThat(Names.constant("in_progress")).isEqualTo("IN_PROGRESS");
		assertThat(Names.constant("1024x1024")).isEqualTo("V1024X1024");
		assertThat(Names.constant("")).isEqualTo("EMPTY");
	}

	@Test
	void singularsOfTheSpecsPlurals() {
		assertThat(Names.singularPascal("tool_calls")).isEqualTo("ToolCall");
		assertThat(Names.singularPascal("choices")).isEqualTo("Choice");
		assertThat(Names.singularPascal("entries")).isEqualTo("Entry");
		assertThat(Names.singularPascal("batches")).isEqualTo("Batch");
		assertThat(Names.singularPascal("speech")).isEqualTo("Speech");
		assertThat(Names.singularPascal("status")).isEqualTo("Status");
	}

	@Test
	void variantNamesDropTheUnionsPrefix() {
		assertThat(Names.withoutCommonPrefix("ChatCompletionRequestUserMessage", "ChatCompletionRequestMessage"))
			.isEqualTo("UserMessage");
		assertThat(Names.withoutCommonPrefix("Tool", "Tool")).isEqualTo("Tool");
	}

}
