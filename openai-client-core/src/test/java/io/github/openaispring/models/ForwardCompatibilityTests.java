package io.github.openaispring.models;

import io.github.openaispring.core.OpenAIJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response from a newer server: fields, enum values and union variants this version of the
 * client has never seen parse, are kept, and are written back unchanged.
 */
class ForwardCompatibilityTests {

	private static final String NEWER_CHAT_COMPLETION = """
			{
			  "id": "chatcmpl-123",
			  "object": "chat.completion",
			  "created": 1741569952,
			  "model": "gpt-5.9",
			  "brand_new_field": {"nested": [1, 2, {"deep": true}]},
			  "choices": [
			    {
			      "index": 0,
			      "finish_reason": "thought_too_hard",
			      "logprobs": null,
			      "message": {
			        "role": "assistant",
			        "content": null,
			        "refusal": null,
			        "tool_calls": [
			          {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}},
			          {"id": "call_2", "type": "teleport", "destination": {"x": 1}}
			        ]
			      }
			    }
			  ],
			  "usage": {"prompt_tokens": 9, "completion_tokens": 12, "total_tokens": 21, "quantum_tokens": 3}
			}
			""";

	@Test
	void newerResponseParsesAndKeepsWhatItDoesNotKnow() {
		ChatCompletion completion = OpenAIJson.read(NEWER_CHAT_COMPLETION, ChatCompletion.class);
		assertThat(completion.id()).isEqualTo("chatcmpl-123");
		assertThat(completion.created()).isEqualTo(1741569952L);
		assertThat(completion.additionalProperties()).containsKey("brand_new_field");
		assertThat(completion.usage().additionalProperties()).containsEntry("quantum_tokens", 3);
		ChatCompletion.Choice choice = completion.choices().get(0);
		assertThat(choice.finishReason().isKnown()).isFalse();
		assertThat(choice.finishReason().asString()).isEqualTo("thought_too_hard");
		assertThat(choice.finishReason()).isNotEqualTo(ChatCompletion.Choice.FinishReason.STOP);
		assertThat(choice.message().content()).isNull();
		assertThat(choice.message().toolCalls()).hasSize(2);
		assertThat(choice.message().toolCalls().get(0)).isInstanceOf(ChatCompletionMessageToolCall.class);
		assertThat(((ChatCompletionMessageToolCall) choice.message().toolCalls().get(0)).function().name())
			.isEqualTo("get_weather");
		assertThat(choice.message().toolCalls().get(1)).isInstanceOf(ChatCompletionMessageToolCallItem.Unknown.class);
		JsonNode unknownCall = ((ChatCompletionMessageToolCallItem.Unknown) choice.message().toolCalls().get(1)).json();
		assertThat(unknownCall.get("destination").get("x").asInt()).isEqualTo(1);
	}

	@Test
	void newerResponseIsWrittenBackUnchanged() {
		ChatCompletion completion = OpenAIJson.read(NEWER_CHAT_COMPLETION, ChatCompletion.class);
		JsonNode original = OpenAIJson.mapper().readTree(NEWER_CHAT_COMPLETION);
		assertThat(OpenAIJson.mapper().readTree(OpenAIJson.write(completion))).isEqualTo(original);
		assertThat(OpenAIJson.read(OpenAIJson.write(completion), ChatCompletion.class)).isEqualTo(completion);
	}

	@Test
	void unknownEnumValueCanBeAskedForAsStringButNotAsKnownConstant() {
		ChatCompletion.Choice.FinishReason reason = ChatCompletion.Choice.FinishReason.of("thought_too_hard");
		assertThat(reason.toString()).isEqualTo("thought_too_hard");
		assertThat(ChatCompletion.Choice.FinishReason.of("stop")).isSameAs(ChatCompletion.Choice.FinishReason.STOP);
		assertThat(ChatCompletion.Choice.FinishReason.STOP.known())
			.isEqualTo(ChatCompletion.Choice.FinishReason.Known.STOP);
		org.assertj.core.api.Assertions.assertThatExceptionOfType(
				io.github.openaispring.errors.OpenAIInvalidDataException.class)
			.isThrownBy(reason::known)
			.withMessageContaining("thought_too_hard");
	}

	@Test
	void explicitNullAndAbsentAreToldApart() {
		ChatCompletionResponseMessage withNull = OpenAIJson.read("{\"role\":\"assistant\",\"content\":null}",
				ChatCompletionResponseMessage.class);
		ChatCompletionResponseMessage absent = OpenAIJson.read("{\"role\":\"assistant\"}",
				ChatCompletionResponseMessage.class);
		assertThat(withNull.content()).isNull();
		assertThat(absent.content()).isNull();
		assertThat(OpenAIJson.write(withNull)).isEqualTo("{\"content\":null,\"role\":\"assistant\"}");
		assertThat(OpenAIJson.write(absent)).isEqualTo("{\"role\":\"assistant\"}");
		assertThat(withNull).isNotEqualTo(absent);
	}

}
