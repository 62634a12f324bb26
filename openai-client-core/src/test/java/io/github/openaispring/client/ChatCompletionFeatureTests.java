package io.github.openaispring.client;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.ChatCompletionMessageToolCall;
import io.github.openaispring.models.ChatCompletionRequestMessageContentPartAudio;
import io.github.openaispring.models.ChatCompletionRequestMessageContentPartImage;
import io.github.openaispring.models.ChatCompletionRequestMessageContentPartText;
import io.github.openaispring.models.ChatCompletionResponseMessage;
import io.github.openaispring.models.ChatCompletionTokenLogprob;
import io.github.openaispring.models.FunctionObject;
import io.github.openaispring.models.ResponseFormatJsonObject;
import io.github.openaispring.models.ResponseFormatJsonSchema;
import io.github.openaispring.models.ResponseFormatText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request features of {@code POST /chat/completions}: tools, response formats, audio
 * output, content parts and log probabilities, each sent as the API expects and read back.
 */
@WireMockTest
class ChatCompletionFeatureTests {

	private static final String PLAIN = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"{\\"answer\\":42}","refusal":null,
			 "annotations":[]},"logprobs":null,"finish_reason":"stop"}],
			 "usage":{"prompt_tokens":9,"completion_tokens":5,"total_tokens":14}}
			""";

	private OpenAI client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private ChatCompletion create(boolean async, ChatCompletionCreateParams params) {
		return Calls.call(async, () -> this.client.chat().completions().create(params),
				() -> this.client.async().chat().completions().create(params));
	}

	private static void verifyBody(String json) {
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withRequestBody(equalToJson(json)));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void functionToolIsSentAndToolCallsAreRead(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions").willReturn(okJson("""
				{"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"gpt-4o",
				 "choices":[{"index":0,"finish_reason":"tool_calls","logprobs":null,
				  "message":{"role":"assistant","content":null,"refusal":null,"tool_calls":[
				   {"id":"call_abc","type":"function",
				    "function":{"name":"get_weather","arguments":"{\\"location\\":\\"Paris\\"}"}}]}}],
				 "usage":{"prompt_tokens":80,"completion_tokens":17,"total_tokens":97}}
				""")));
		this.client = Calls.client(wireMock);
		Map<String, Object> schema = Map.of("type", "object", "properties",
				Map.of("location", Map.of("type", "string", "description", "The city"), "unit",
						Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
				"required", List.of("location"), "additionalProperties", false);
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addUserMessage("What is the weather in Paris?")
			.addChatCompletionTool(FunctionObject.builder()
				.name("get_weather")
				.description("Get the current weather")
				.parameters(schema)
				.strict(true)
				.build())
			.toolChoice("auto")
			.parallelToolCalls(false)
			.build();
		ChatCompletion completion = create(async, params);
		ChatCompletion.Choice choice = completion.choices().get(0);
		assertThat(choice.finishReason().asString()).isEqualTo("tool_calls");
		assertThat(choice.message().content()).isNull();
		assertThat(choice.message().toolCalls()).singleElement()
			.isInstanceOfSatisfying(ChatCompletionMessageToolCall.class, (call) -> {
				assertThat(call.id()).isEqualTo("call_abc");
				assertThat(call.type()).isEqualTo("function");
				assertThat(call.function().name()).isEqualTo("get_weather");
				assertThat(call.function().arguments()).isEqualTo("{\"location\":\"Paris\"}");
			});
		verifyBody("""
				{"model":"gpt-4o","messages":[{"role":"user","content":"What is the weather in Paris?"}],
				 "tools":[{"type":"function","function":{"name":"get_weather","description":"Get the current weather",
				  "strict":true,"parameters":{"type":"object","required":["location"],"additionalProperties":false,
				   "properties":{"location":{"type":"string","description":"The city"},
				    "unit":{"type":"string","enum":["celsius","fahrenheit"]}}}}}],
				 "tool_choice":"auto","parallel_tool_calls":false}
				""");
	}

	@ParameterizedTest
	@CsvSource({ "false,text", "true,text", "false,json_object", "true,json_object", "false,json_schema",
			"true,json_schema" })
	void responseFormatIsSent(boolean async, String type, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions").willReturn(okJson(PLAIN)));
		this.client = Calls.client(wireMock);
		ChatCompletionCreateParams.Builder builder = ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addUserMessage("Answer");
		String format = switch (type) {
			case "text" -> {
				builder.responseFormat(ResponseFormatText.builder().build());
				yield "{\"type\":\"text\"}";
			}
			case "json_object" -> {
				builder.responseFormat(ResponseFormatJsonObject.builder().build());
				yield "{\"type\":\"json_object\"}";
			}
			default -> {
				builder.responseFormat(ResponseFormatJsonSchema.builder()
					.jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
						.name("answer")
						.description("The answer")
						.schema(Map.of("type", "object", "properties", Map.of("answer", Map.of("type", "integer")),
								"required", List.of("answer"), "additionalProperties", false))
						.strict(true)
						.build())
					.build());
				yield """
						{"type":"json_schema","json_schema":{"name":"answer","description":"The answer","strict":true,
						 "schema":{"type":"object","properties":{"answer":{"type":"integer"}},"required":["answer"],
						  "additionalProperties":false}}}
						""";
			}
		};
		ChatCompletion completion = create(async, builder.build());
		assertThat(completion.choices().get(0).message().content()).isEqualTo("{\"answer\":42}");
		verifyBody("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Answer\"}],"
				+ "\"response_format\":" + format + "}");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void audioOutputIsAskedForAndRead(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions").willReturn(okJson("""
				{"id":"chatcmpl-3","object":"chat.completion","created":1,"model":"gpt-4o-audio-preview",
				 "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
				  "message":{"role":"assistant","content":null,"refusal":null,
				   "audio":{"id":"audio_1","expires_at":1729018505,"data":"UklGRg==","transcript":"Yes."}}}],
				 "usage":{"prompt_tokens":17,"completion_tokens":88,"total_tokens":105,
				  "completion_tokens_details":{"audio_tokens":78,"reasoning_tokens":0}}}
				""")));
		this.client = Calls.client(wireMock);
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("gpt-4o-audio-preview")
			.addModality("text")
			.addModality("audio")
			.audio(ChatCompletionCreateParams.Audio.builder().voice("alloy").format("wav").build())
			.addUserMessage(List.of(ChatCompletionRequestMessageContentPartText.builder().text("Is it?").build(),
					ChatCompletionRequestMessageContentPartAudio.builder()
						.inputAudio(ChatCompletionRequestMessageContentPartAudio.InputAudio.builder()
							.data("UklGRiQ=")
							.format("mp3")
							.build())
						.build()))
			.build();
		ChatCompletion completion = create(async, params);
		ChatCompletionResponseMessage.Audio audio = completion.choices().get(0).message().audio();
		assertThat(audio).isNotNull();
		assertThat(audio.id()).isEqualTo("audio_1");
		assertThat(audio.expiresAt()).isEqualTo(1729018505L);
		assertThat(audio.data()).isEqualTo("UklGRg==");
		assertThat(audio.transcript()).isEqualTo("Yes.");
		assertThat(completion.usage().completionTokensDetails().audioTokens()).isEqualTo(78);
		verifyBody("""
				{"model":"gpt-4o-audio-preview","modalities":["text","audio"],"audio":{"voice":"alloy","format":"wav"},
				 "messages":[{"role":"user","content":[{"type":"text","text":"Is it?"},
				  {"type":"input_audio","input_audio":{"data":"UklGRiQ=","format":"mp3"}}]}]}
				""");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void imageContentPartsAreSent(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions").willReturn(okJson(PLAIN)));
		this.client = Calls.client(wireMock);
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addUserMessage(List.of(
					ChatCompletionRequestMessageContentPartText.builder().text("What is in this image?").build(),
					ChatCompletionRequestMessageContentPartImage.builder()
						.imageUrl(ChatCompletionRequestMessageContentPartImage.ImageUrl.builder()
							.url("https://example.com/cat.png")
							.detail("high")
							.build())
						.build()))
			.maxCompletionTokens(300L)
			.build();
		ChatCompletion completion = create(async, params);
		assertThat(completion.choices().get(0).message().role()).isEqualTo("assistant");
		verifyBody("""
				{"model":"gpt-4o","max_completion_tokens":300,"messages":[{"role":"user","content":[
				 {"type":"text","text":"What is in this image?"},
				 {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"high"}}]}]}
				""");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void logprobsAreAskedForAndRead(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions").willReturn(okJson("""
				{"id":"chatcmpl-4","object":"chat.completion","created":1,"model":"gpt-4o",
				 "choices":[{"index":0,"finish_reason":"stop",
				  "message":{"role":"assistant","content":"Hi","refusal":null},
				  "logprobs":{"content":[{"token":"Hi","logprob":-0.31725305,"bytes":[72,105],
				    "top_logprobs":[{"token":"Hi","logprob":-0.31725305,"bytes":[72,105]},
				                    {"token":"Hello","logprob":-1.3190403,"bytes":[72,101,108,108,111]}]}],
				   "refusal":null}}],
				 "usage":{"prompt_tokens":9,"completion_tokens":1,"total_tokens":10}}
				""")));
		this.client = Calls.client(wireMock);
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addUserMessage("Hello!")
			.logprobs(true)
			.topLogprobs(2L)
			.build();
		ChatCompletion completion = create(async, params);
		ChatCompletion.Choice.Logprobs logprobs = completion.choices().get(0).logprobs();
		assertThat(logprobs).isNotNull();
		assertThat(logprobs.refusal()).isEmpty();
		assertThat(logprobs.content()).singleElement().satisfies((token) -> {
			assertThat(token.token()).isEqualTo("Hi");
			assertThat(token.logprob()).isEqualTo(-0.31725305);
			assertThat(token.bytes()).containsExactly(72L, 105L);
			assertThat(token.topLogprobs()).extracting(ChatCompletionTokenLogprob.TopLogprob::token)
				.containsExactly("Hi", "Hello");
			assertThat(token.topLogprobs().get(1).logprob()).isEqualTo(-1.3190403);
			assertThat(token.topLogprobs().get(1).bytes()).containsExactly(72L, 101L, 108L, 108L, 111L);
		});
		verifyBody("""
				{"model":"gpt-4o","messages":[{"role":"user","content":"Hello!"}],"logprobs":true,"top_logprobs":2}
				""");
	}

}
