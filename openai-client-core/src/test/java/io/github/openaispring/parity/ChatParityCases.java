package io.github.openaispring.parity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.client.StreamResponse;
import io.github.openaispring.client.StreamingResponse;
import io.github.openaispring.models.ChatCompletionAllowedTools;
import io.github.openaispring.models.ChatCompletionAllowedToolsChoice;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.ChatCompletionListParams;
import io.github.openaispring.models.ChatCompletionMessageListParams;
import io.github.openaispring.models.ChatCompletionMessageToolCall;
import io.github.openaispring.models.ChatCompletionNamedToolChoice;
import io.github.openaispring.models.ChatCompletionRequestAssistantMessage;
import io.github.openaispring.models.ChatCompletionRequestDeveloperMessage;
import io.github.openaispring.models.ChatCompletionRequestMessageContentPartAudio;
import io.github.openaispring.models.ChatCompletionRequestMessageContentPartFile;
import io.github.openaispring.models.ChatCompletionRequestMessageContentPartImage;
import io.github.openaispring.models.ChatCompletionRequestMessageContentPartText;
import io.github.openaispring.models.ChatCompletionRequestToolMessage;
import io.github.openaispring.models.ChatCompletionRequestUserMessage;
import io.github.openaispring.models.ChatCompletionStreamOptions;
import io.github.openaispring.models.ChatCompletionUpdateParams;
import io.github.openaispring.models.CustomToolChatCompletions;
import io.github.openaispring.models.FunctionObject;
import io.github.openaispring.models.PredictionContent;
import io.github.openaispring.models.ResponseFormatJsonObject;
import io.github.openaispring.models.ResponseFormatJsonSchema;
import io.github.openaispring.models.WebSearchLocation;

/** The twin of {@code cases/chat.mjs}. */
final class ChatParityCases implements ParityGroup {

	private static final Map<String, Object> WEATHER_SCHEMA = Map.of("type", "object", "properties",
			Map.of("location", Map.of("type", "string", "description", "The city"), "unit",
					Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
			"required", List.of("location", "unit"), "additionalProperties", false);

	private static final Map<String, Object> ANSWER_SCHEMA = Map.of("type", "object", "properties",
			Map.of("answer", Map.of("type", "integer")), "required", List.of("answer"), "additionalProperties", false);

	@Override
	public String name() {
		return "chat";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("chat.completions.create/messages", (client) -> client.chat()
			.completions()
			.create(ChatCompletionCreateParams.builder()
				.model("gpt-4o")
				.addDeveloperMessage(ChatCompletionRequestDeveloperMessage.builder()
					.content(List.of(text("Answer briefly.")))
					.name("dev")
					.build())
				.addSystemMessage("You are a helpful assistant.")
				.addUserMessage(ChatCompletionRequestUserMessage.builder()
					.name("ada")
					.content(List.of(text("What is in these?"),
							ChatCompletionRequestMessageContentPartImage.builder()
								.imageUrl(ChatCompletionRequestMessageContentPartImage.ImageUrl.builder()
									.url("https://example.com/cat.png")
									.detail("low")
									.build())
								.build(),
							ChatCompletionRequestMessageContentPartAudio.builder()
								.inputAudio(ChatCompletionRequestMessageContentPartAudio.InputAudio.builder()
									.data("UklGRiQ=")
									.format("wav")
									.build())
								.build(),
							ChatCompletionRequestMessageContentPartFile.builder()
								.file(ChatCompletionRequestMessageContentPartFile.File.builder().fileId("file-abc123").build())
								.build(),
							ChatCompletionRequestMessageContentPartFile.builder()
								.file(ChatCompletionRequestMessageContentPartFile.File.builder()
									.filename("notes.pdf")
									.fileData("data:application/pdf;base64,JVBERi0=")
									.build())
								.build()))
					.build())
				.addAssistantMessage(ChatCompletionRequestAssistantMessage.builder()
					.content((ChatCompletionRequestAssistantMessage.Content) null)
					.addCall(ChatCompletionMessageToolCall.builder()
						.id("call_1")
						.function(ChatCompletionMessageToolCall.Function.builder()
							.name("get_weather")
							.arguments("{\"location\":\"Paris\"}")
							.build())
						.build())
					.build())
				.addToolMessage(ChatCompletionRequestToolMessage.builder()
					.toolCallId("call_1")
					.content(List.of(text("{\"temperature\":21}")))
					.build())
				.addAssistantMessage(ChatCompletionRequestAssistantMessage.builder()
					.content(List.of(text("It is 21 degrees.")))
					.refusal(null)
					.build())
				.addUserMessage("Thanks")
				.temperature(0.2)
				.topP(1.0)
				.n(1)
				.seed(7)
				.stop("END")
				.maxCompletionTokens(300)
				.logprobs(true)
				.topLogprobs(2)
				.putMetadata("project", "parity")
				.putMetadata("run", "1")
				.store(true)
				.user("user-1234")
				.reasoningEffort("low")
				.serviceTier("auto")
				.verbosity("low")
				.promptCacheKey("cache-1")
				.safetyIdentifier("sid-1")
				.putLogitBias("1734", -100L)
				.webSearchOptions(ChatCompletionCreateParams.WebSearchOptions.builder()
					.searchContextSize("low")
					.userLocation(ChatCompletionCreateParams.WebSearchOptions.UserLocation.builder()
						.approximate(WebSearchLocation.builder().city("Paris").country("FR").build())
						.build())
					.build())
				.build())),
				new ParityCase("chat.completions.create/tools", (client) -> client.chat()
					.completions()
					.create(ChatCompletionCreateParams.builder()
						.model("gpt-4o")
						.addUserMessage("What is the weather in Paris?")
						.addChatCompletionTool(FunctionObject.builder()
							.name("get_weather")
							.description("Get the current weather")
							.parameters(WEATHER_SCHEMA)
							.strict(true)
							.build())
						.addChatCompletionTool(FunctionObject.builder().name("get_time").build())
						.addCustomToolChatCompletions(CustomToolChatCompletions.Custom.builder()
							.name("sql")
							.description("Run SQL")
							.format(CustomToolChatCompletions.Custom.Format.Grammar.builder()
								.grammar(CustomToolChatCompletions.Custom.Format.Grammar.GrammarValue.builder()
									.syntax("lark")
									.definition("start: \"SELECT\"")
									.build())
								.build())
							.build())
						.toolChoice(ChatCompletionNamedToolChoice.builder()
							.function(ChatCompletionNamedToolChoice.Function.builder().name("get_weather").build())
							.build())
						.parallelToolCalls(false)
						.build())),
				new ParityCase("chat.completions.create/tool-choice-allowed-tools", (client) -> client.chat()
					.completions()
					.create(ChatCompletionCreateParams.builder()
						.model("gpt-4o")
						.addUserMessage("Hi")
						.addChatCompletionTool(FunctionObject.builder()
							.name("get_time")
							.parameters(Map.of("type", "object", "properties", Map.of()))
							.build())
						.toolChoice(ChatCompletionAllowedToolsChoice.builder()
							.allowedTools(ChatCompletionAllowedTools.builder()
								.mode("auto")
								.addTool(Map.of("type", "function", "function", Map.of("name", "get_time")))
								.build())
							.build())
						.build())),
				new ParityCase("chat.completions.create/response-format-json-schema", (client) -> client.chat()
					.completions()
					.create(ChatCompletionCreateParams.builder()
						.model("gpt-4o")
						.addUserMessage("Answer")
						.responseFormat(ResponseFormatJsonSchema.builder()
							.jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
								.name("answer")
								.description("The answer")
								.strict(true)
								.schema(ANSWER_SCHEMA)
								.build())
							.build())
						.build())),
				new ParityCase("chat.completions.create/response-format-json-object", (client) -> client.chat()
					.completions()
					.create(ChatCompletionCreateParams.builder()
						.model("gpt-4o")
						.addUserMessage("Answer in JSON")
						.responseFormat(ResponseFormatJsonObject.builder().build())
						.frequencyPenalty(0.0)
						.presencePenalty(0.5)
						.build())),
				new ParityCase("chat.completions.create/audio-output", (client) -> client.chat()
					.completions()
					.create(ChatCompletionCreateParams.builder()
						.model("gpt-4o-audio-preview")
						.addModality("text")
						.addModality("audio")
						.audio(ChatCompletionCreateParams.Audio.builder().voice("alloy").format("wav").build())
						.addUserMessage("Is it?")
						.prediction(PredictionContent.builder().content(List.of(text("Yes"))).build())
						.build())),
				new ParityCase("chat.completions.create/streaming", (client) -> Drain.stream(client.chat()
					.completions()
					.createStreaming(ChatCompletionCreateParams.builder()
						.model("gpt-4o")
						.addSystemMessage("Use the tools.")
						.addUserMessage(List.of(text("Weather in Paris?")))
						.addChatCompletionTool(FunctionObject.builder()
							.name("get_weather")
							.parameters(WEATHER_SCHEMA)
							.strict(true)
							.build())
						.toolChoice("required")
						.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
						.build()))),
				new ParityCase("chat.completions.create/streaming-response-format", (client) -> Drain.stream(client
					.chat()
					.completions()
					.createStreaming(ChatCompletionCreateParams.builder()
						.model("gpt-4o")
						.addUserMessage("Answer")
						.responseFormat(ResponseFormatJsonSchema.builder()
							.jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
								.name("answer")
								.strict(true)
								.schema(ANSWER_SCHEMA)
								.build())
							.build())
						.build()))),
				new ParityCase("chat.completions.create/request-options", (client) -> client.chat()
					.completions()
					.create(ChatCompletionCreateParams.builder()
						.model("gpt-4o")
						.addUserMessage("Hi")
						.additionalBodyProperty("extra_field", "extra")
						.build(),
							RequestOptions.builder()
								.header("X-Custom-Header", "custom")
								.queryParam("trace", "on")
								.extraBody("other_extra", Map.of("nested", List.of(1, 2)))
								.idempotencyKey("idem-123")
								.timeout(Duration.ofSeconds(20))
								.build())),
				new ParityCase("chat.completions.create/raw-response", (client) -> client.withRawResponse()
					.chat()
					.completions()
					.create(ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build())
					.parse()),
				new ParityCase("chat.completions.create/streaming-raw-view", (client) -> {
					try (StreamingResponse<StreamResponse<ChatCompletionChunk>> response = client.withStreamingResponse()
						.chat()
						.completions()
						.createStreaming(ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build())) {
						Drain.stream(response.parse());
					}
				}),
				new ParityCase("chat.completions.list/pages", (client) -> Drain.pages(client.chat()
					.completions()
					.list(ChatCompletionListParams.builder()
						.model("gpt-4o")
						.putMetadata("project", "parity")
						.order("asc")
						.limit(2)
						.build()))),
				new ParityCase("chat.completions.list/escaped-query", (client) -> Drain.pages(client.chat()
					.completions()
					.list(ChatCompletionListParams.builder()
						.putMetadata("team", "a b+c&d=é/?")
						.after("chatcmpl a+b")
						.build()))),
				new ParityCase("chat.completions.retrieve",
						(client) -> client.chat().completions().retrieve("chatcmpl-abc123")),
				new ParityCase("chat.completions.update", (client) -> client.chat()
					.completions()
					.update(ChatCompletionUpdateParams.builder()
						.completionId("chatcmpl-abc123")
						.putMetadata("project", "parity")
						.putMetadata("reviewed", "yes")
						.build())),
				new ParityCase("chat.completions.delete", (client) -> client.chat().completions().delete("chatcmpl-abc123")),
				new ParityCase("chat.completions.messages.list/pages", (client) -> Drain.pages(client.chat()
					.completions()
					.messages()
					.list(ChatCompletionMessageListParams.builder()
						.completionId("chatcmpl-abc123")
						.limit(2)
						.order("desc")
						.build()))));
	}

	private static ChatCompletionRequestMessageContentPartText text(String text) {
		return ChatCompletionRequestMessageContentPartText.builder().text(text).build();
	}

}
