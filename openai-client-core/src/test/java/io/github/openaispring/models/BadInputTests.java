package io.github.openaispring.models;

import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Input that does not fit the API's shape gives an {@link OpenAIInvalidDataException} that
 * names the field or the offset, never a {@link NullPointerException}.
 */
class BadInputTests {

	@Test
	void buildWithoutRequiredFieldNamesTheField() {
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> ChatCompletionCreateParams.builder().addUserMessage("hi").build())
			.withMessage("`model` is required, but was not set on ChatCompletionCreateParams");
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> EmbeddingCreateParams.builder().model("text-embedding-3-small").build())
			.withMessageContaining("`input`");
	}

	@Test
	void blankPathParameterIsRejected() {
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> FileRetrieveParams.builder().fileId(" ").build())
			.withMessageContaining("`file_id` must not be blank");
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> FileRetrieveParams.builder().build())
			.withMessageContaining("`file_id` is required");
	}

	@Test
	void requiredFieldMissingFromResponseIsReportedWhenRead() {
		ChatCompletion completion = OpenAIJson.read("{\"object\":\"chat.completion\",\"choices\":[]}",
				ChatCompletion.class);
		assertThat(completion.choices()).isEmpty();
		assertThatExceptionOfType(OpenAIInvalidDataException.class).isThrownBy(completion::id)
			.withMessage("`id` is required in ChatCompletion, but was absent");
		assertThatExceptionOfType(OpenAIInvalidDataException.class).isThrownBy(completion::created)
			.withMessageContaining("`created`");
	}

	@Test
	void wrongJsonTypeNamesTheFieldPath() {
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> OpenAIJson.read("{\"id\":\"x\",\"choices\":[{\"index\":\"first\"}]}", ChatCompletion.class))
			.withMessageContaining("at field $.choices[0].index")
			.withMessageContaining("ChatCompletion");
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> OpenAIJson.read("{\"id\":\"x\",\"created\":true}", ChatCompletion.class))
			.withMessageContaining("at field $.created");
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> OpenAIJson.read("{\"id\":\"x\",\"choices\":{}}", ChatCompletion.class))
			.withMessageContaining("at field $.choices");
	}

	@Test
	void stringIsNotSilentlyCoercedToNumber() {
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> OpenAIJson.read("{\"id\":\"x\",\"created\":\"1741569952\"}", ChatCompletion.class))
			.withMessageContaining("at field $.created");
	}

	@Test
	void truncatedJsonNamesTheOffset() {
		String truncated = "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assis";
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> OpenAIJson.read(truncated, ChatCompletion.class))
			.withMessageContaining("at offset")
			.withMessageContaining("Unexpected end-of-input");
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> OpenAIJson.read(truncated.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					ChatCompletion.class))
			.withMessageContaining("at offset");
	}

	@Test
	void notJsonAtAllIsReportedWithoutQuotingTheInput() {
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> OpenAIJson.read("<html><body>502 Bad Gateway sk-secret</body></html>", ChatCompletion.class))
			.withMessageContaining("at offset")
			.withMessageNotContaining("sk-secret");
	}

	@Test
	void nullListElementsAndNullEnumValuesAreRejectedByBuilders() {
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> ChatCompletionCreateParams.builder().messages(java.util.Arrays.asList((ChatCompletionRequestMessage) null)))
			.withMessageContaining("`messages` must not contain null elements");
		assertThatExceptionOfType(OpenAIInvalidDataException.class).isThrownBy(() -> ChatModel.of(null))
			.withMessageContaining("ChatModel");
	}

}
