package io.github.openaispring.models;

import io.github.openaispring.core.OpenAIJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a union's variant is chosen on read: by the discriminator where the union has one, else by
 * the JSON shape, and as {@code Unknown} when nothing fits.
 */
class UnionReadingTests {

	@Test
	void discriminatorChoosesTheVariant() {
		ChatCompletionRequestMessage message = OpenAIJson.read("{\"role\":\"tool\",\"content\":\"42\",\"tool_call_id\":\"c1\"}",
				ChatCompletionRequestMessage.class);
		assertThat(message).isInstanceOf(ChatCompletionRequestToolMessage.class);
		assertThat(((ChatCompletionRequestToolMessage) message).toolCallId()).isEqualTo("c1");
	}

	@Test
	void discriminatorIsTrustedEvenWhenARequiredFieldIsMissing() {
		ChatCompletionRequestMessage message = OpenAIJson.read("{\"role\":\"user\"}", ChatCompletionRequestMessage.class);
		assertThat(message).isInstanceOf(ChatCompletionRequestUserMessage.class);
	}

	@Test
	void unknownDiscriminatorValueIsKeptWhole() {
		String json = "{\"role\":\"narrator\",\"content\":\"Once upon a time\",\"voice\":\"deep\"}";
		ChatCompletionRequestMessage message = OpenAIJson.read(json, ChatCompletionRequestMessage.class);
		assertThat(message).isInstanceOf(ChatCompletionRequestMessage.Unknown.class);
		assertThat(OpenAIJson.write(message)).isEqualTo(json);
	}

	@Test
	void shapeChoosesBetweenStringAndArray() {
		ChatCompletionRequestUserMessage text = OpenAIJson.read("{\"role\":\"user\",\"content\":\"hi\"}",
				ChatCompletionRequestUserMessage.class);
		assertThat(text.content()).isEqualTo(new ChatCompletionRequestUserMessage.Content.OfString("hi"));
		ChatCompletionRequestUserMessage parts = OpenAIJson.read(
				"{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"},"
						+ "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}]}",
				ChatCompletionRequestUserMessage.class);
		assertThat(parts.content())
			.isInstanceOf(ChatCompletionRequestUserMessage.Content.OfArrayOfChatCompletionRequestUserMessageContentParts.class);
		var list = ((ChatCompletionRequestUserMessage.Content.OfArrayOfChatCompletionRequestUserMessageContentParts) parts
			.content()).value();
		assertThat(list.get(0)).isInstanceOf(ChatCompletionRequestMessageContentPartText.class);
		assertThat(list.get(1)).isInstanceOf(ChatCompletionRequestMessageContentPartImage.class);
	}

	@Test
	void valueOfNoKnownShapeIsKeptAsUnknown() {
		ChatCompletionRequestUserMessage odd = OpenAIJson.read("{\"role\":\"user\",\"content\":42}",
				ChatCompletionRequestUserMessage.class);
		assertThat(odd.content()).isInstanceOf(ChatCompletionRequestUserMessage.Content.Unknown.class);
		assertThat(OpenAIJson.write(odd)).isEqualTo("{\"content\":42,\"role\":\"user\"}");
	}

	@Test
	void keywordAndObjectVariantsAreToldApart() {
		assertThat(OpenAIJson.read("\"auto\"", ChatCompletionToolChoiceOption.class))
			.isEqualTo(new ChatCompletionToolChoiceOption.OfKeyword(ChatCompletionToolChoiceOption.Keyword.AUTO));
		assertThat(OpenAIJson.read("{\"type\":\"function\",\"function\":{\"name\":\"f\"}}",
				ChatCompletionToolChoiceOption.class))
			.isInstanceOf(ChatCompletionNamedToolChoice.class);
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addUserMessage("hi")
			.toolChoice("required")
			.build();
		assertThat(OpenAIJson.write(params)).contains("\"tool_choice\":\"required\"");
	}

	@Test
	void numbersAreToldApartFromIntegersByShape() {
		FineTuneSupervisedHyperparameters hyperparameters = OpenAIJson.read(
				"{\"batch_size\":\"auto\",\"learning_rate_multiplier\":0.1,\"n_epochs\":3}",
				FineTuneSupervisedHyperparameters.class);
		assertThat(OpenAIJson.write(hyperparameters))
			.isEqualTo("{\"batch_size\":\"auto\",\"learning_rate_multiplier\":0.1,\"n_epochs\":3}");
		assertThat(hyperparameters.nEpochs()).isInstanceOf(FineTuneSupervisedHyperparameters.NEpochs.OfInteger.class);
		assertThat(hyperparameters.learningRateMultiplier())
			.isInstanceOf(FineTuneSupervisedHyperparameters.LearningRateMultiplier.OfNumber.class);
	}

}
