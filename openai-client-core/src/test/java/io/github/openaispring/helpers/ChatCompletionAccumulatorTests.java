package io.github.openaispring.helpers;

import java.time.Duration;
import java.util.List;

import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionMessageToolCall;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The accumulator against what the API streams: the folded completion is compared, as JSON,
 * with the completion the same request returns unstreamed.
 */
class ChatCompletionAccumulatorTests {

	private static final String HEAD = "\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
			+ "\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_1\",\"service_tier\":\"default\"";

	private static ChatCompletionChunk chunk(String choicesAndMore) {
		return OpenAIJson.read("{" + HEAD + "," + choicesAndMore + "}", ChatCompletionChunk.class);
	}

	private static ChatCompletion accumulate(List<ChatCompletionChunk> chunks) {
		ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
		for (ChatCompletionChunk chunk : chunks) {
			assertThat(accumulator.accumulate(chunk)).isSameAs(accumulator);
		}
		return accumulator.chatCompletion();
	}

	private static void assertJson(ChatCompletion completion, String expected) {
		// Both read from text, so that numbers compare by value, not by node type.
		JsonNode actual = OpenAIJson.mapper().readTree(OpenAIJson.write(completion));
		assertThat(actual).isEqualTo(OpenAIJson.mapper().readTree(expected));
	}

	private static List<ChatCompletionChunk> contentWithUsage() {
		return List.of(
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
						+ "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}],"
						+ "\"usage\":null"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":\", world\"},\"logprobs\":null,"
						+ "\"finish_reason\":null}],\"usage\":null"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null"),
				// stream_options.include_usage: a last chunk without choices, with the usage.
				chunk("\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":3,\"total_tokens\":12,"
						+ "\"prompt_tokens_details\":{\"cached_tokens\":0},"
						+ "\"completion_tokens_details\":{\"reasoning_tokens\":0}}"));
	}

	@Test
	void foldsContentIdentityAndTheUsageOfTheLastChunk() {
		ChatCompletion completion = accumulate(contentWithUsage());
		assertJson(completion, """
				{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o-2024-08-06",
				 "system_fingerprint":"fp_1","service_tier":"default",
				 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello, world","refusal":null},
				  "logprobs":null,"finish_reason":"stop"}],
				 "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12,
				  "prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}
				""");
		assertThat(completion.choices().get(0).message().content()).isEqualTo("Hello, world");
		assertThat(completion.usage().totalTokens()).isEqualTo(12);
		assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
	}

	@Test
	void foldsToolCallsWithArgumentFragmentsOverSeveralChunks() {
		// Two parallel tool calls whose argument fragments arrive interleaved.
		List<ChatCompletionChunk> chunks = List.of(
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":["
						+ "{\"index\":0,\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]},"
						+ "\"finish_reason\":null}]"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"ci\"}}]},"
						+ "\"finish_reason\":null}]"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":["
						+ "{\"index\":1,\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{\\\"zone\"}}]},"
						+ "\"finish_reason\":null}]"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"ty\\\": \\\"Par\"}}]},"
						+ "\"finish_reason\":null}]"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\":\\\"CET\\\"}\"}},"
						+ "{\"index\":0,\"function\":{\"arguments\":\"is\\\"}\"}}]},\"finish_reason\":null}]"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]"));
		ChatCompletion completion = accumulate(chunks);
		assertJson(completion, """
				{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o-2024-08-06",
				 "system_fingerprint":"fp_1","service_tier":"default",
				 "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,"tool_calls":[
				   {"id":"call_a","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\": \\"Paris\\"}"}},
				   {"id":"call_b","type":"function","function":{"name":"get_time","arguments":"{\\"zone\\":\\"CET\\"}"}}]},
				  "logprobs":null,"finish_reason":"tool_calls"}]}
				""");
		ChatCompletionMessageToolCall call = (ChatCompletionMessageToolCall) completion.choices().get(0).message().toolCalls().get(0);
		assertThat(OpenAIJson.mapper().readTree(call.function().arguments()).get("city").asString()).isEqualTo("Paris");
	}

	@Test
	void foldsRefusalsAndLogprobs() {
		String token = "{\"token\":\"%s\",\"logprob\":-0.1,\"bytes\":[1],\"top_logprobs\":[]}";
		List<ChatCompletionChunk> chunks = List.of(
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"refusal\":\"I can\"},"
						+ "\"logprobs\":{\"content\":null,\"refusal\":[" + token.formatted("I") + "," + token.formatted(" can")
						+ "]},\"finish_reason\":null}]"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"'t help.\"},"
						+ "\"logprobs\":{\"content\":null,\"refusal\":[" + token.formatted("'t help.") + "]},\"finish_reason\":\"stop\"}]"));
		ChatCompletion.Choice choice = accumulate(chunks).choices().get(0);
		assertThat(choice.message().refusal()).isEqualTo("I can't help.");
		assertThat(choice.message().content()).isNull();
		assertThat(choice.logprobs().refusal()).extracting((logprob) -> logprob.token()).containsExactly("I", " can", "'t help.");
		assertThat(choice.logprobs().content()).isEmpty();

		List<ChatCompletionChunk> content = List.of(
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[" + token.formatted("a")
						+ "],\"refusal\":null},\"finish_reason\":null}]"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"b\"},\"logprobs\":{\"content\":[" + token.formatted("b")
						+ "],\"refusal\":null},\"finish_reason\":\"length\"}]"));
		ChatCompletion completion = accumulate(content);
		assertThat(completion.choices().get(0).logprobs().content()).extracting((logprob) -> logprob.token())
			.containsExactly("a", "b");
		assertThat(OpenAIJson.toTree(completion).at("/choices/0/logprobs/refusal").isNull()).isTrue();
		assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("length");
	}

	@Test
	void foldsSeveralChoicesByIndex() {
		List<ChatCompletionChunk> chunks = List.of(
				chunk("\"choices\":[{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"B\"},\"finish_reason\":null},"
						+ "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"A\"},\"finish_reason\":null}]"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}]"),
				chunk("\"choices\":[{\"index\":1,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"length\"}]"));
		ChatCompletion completion = accumulate(chunks);
		assertThat(completion.choices()).extracting(ChatCompletion.Choice::index).containsExactly(0L, 1L);
		assertThat(completion.choices()).extracting((choice) -> choice.message().content()).containsExactly("Aa", "Bb");
	}

	@Test
	void foldsTheDeprecatedFunctionCall() {
		List<ChatCompletionChunk> chunks = List.of(
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"function_call\":{\"name\":\"f\",\"arguments\":\"\"}},"
						+ "\"finish_reason\":null}]"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"function_call\":{\"arguments\":\"{\\\"x\\\"\"}},\"finish_reason\":null}]"),
				chunk("\"choices\":[{\"index\":0,\"delta\":{\"function_call\":{\"arguments\":\":1}\"}},\"finish_reason\":\"function_call\"}]"));
		ChatCompletion completion = accumulate(chunks);
		assertThat(completion.choices().get(0).message().functionCall().name()).isEqualTo("f");
		assertThat(completion.choices().get(0).message().functionCall().arguments()).isEqualTo("{\"x\":1}");
	}

	@Test
	void takesIdentityFromTheFirstChunkThatHasIt() {
		// Azure OpenAI opens with a chunk of content-filter results, with an empty id and model.
		ChatCompletionChunk filterResults = OpenAIJson.read("""
				{"id":"","object":"","created":0,"model":"","choices":[],
				 "prompt_filter_results":[{"prompt_index":0,"content_filter_results":{}}]}
				""", ChatCompletionChunk.class);
		List<ChatCompletionChunk> chunks = new java.util.ArrayList<>(List.of(filterResults));
		chunks.addAll(contentWithUsage());
		ChatCompletion completion = accumulate(chunks);
		assertThat(completion.id()).isEqualTo("chatcmpl-1");
		assertThat(completion.model()).isEqualTo("gpt-4o-2024-08-06");
		assertThat(completion.created()).isEqualTo(1741569952L);
	}

	@Test
	void refusesAnIncompleteCompletion() {
		assertThatExceptionOfType(io.github.openaispring.errors.OpenAIException.class).isThrownBy(() -> ChatCompletionAccumulator.create().chatCompletion())
			.withMessageContaining("No chat completion chunk");
		ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
		accumulator.accumulate(contentWithUsage().get(1));
		assertThatExceptionOfType(io.github.openaispring.errors.OpenAIException.class).isThrownBy(accumulator::chatCompletion)
			.withMessageContaining("Choice 0 has no finish_reason");
	}

	@Test
	void accumulatesAFluxForEachSubscriptionOnItsOwn() {
		Mono<ChatCompletion> completion = ChatCompletionAccumulator.accumulate(Flux.fromIterable(contentWithUsage()));
		ChatCompletion first = completion.block(Duration.ofSeconds(5));
		ChatCompletion second = completion.block(Duration.ofSeconds(5));
		assertThat(first.choices().get(0).message().content()).isEqualTo("Hello, world");
		assertThat(second).isEqualTo(first);
		assertThat(first).isEqualTo(accumulate(contentWithUsage()));
	}

	@Test
	void aFailingOrEmptyFluxFails() {
		IllegalStateException failure = new IllegalStateException("stream failed");
		assertThatThrownBy(() -> ChatCompletionAccumulator
			.accumulate(Flux.fromIterable(contentWithUsage()).take(2).concatWith(Flux.error(failure)))
			.block(Duration.ofSeconds(5))).isSameAs(failure);
		assertThatThrownBy(() -> ChatCompletionAccumulator.accumulate(Flux.empty()).block(Duration.ofSeconds(5)))
			.isInstanceOf(io.github.openaispring.errors.OpenAIException.class);
	}

}
