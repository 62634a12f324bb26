package io.github.openaispring.parity;

import java.util.List;
import java.util.Map;

import io.github.openaispring.models.ComparisonFilter;
import io.github.openaispring.models.ConversationParam2;
import io.github.openaispring.models.EasyInputMessage;
import io.github.openaispring.models.FileSearchTool;
import io.github.openaispring.models.FunctionCallOutputItemParam;
import io.github.openaispring.models.FunctionTool;
import io.github.openaispring.models.FunctionToolCall;
import io.github.openaispring.models.InputFileContent;
import io.github.openaispring.models.InputImageContent;
import io.github.openaispring.models.InputTextContent;
import io.github.openaispring.models.ItemReferenceParam;
import io.github.openaispring.models.RankingOptions;
import io.github.openaispring.models.Reasoning;
import io.github.openaispring.models.ResponseCompactParams;
import io.github.openaispring.models.ResponseCreateParams;
import io.github.openaispring.models.ResponseFormatJsonObject;
import io.github.openaispring.models.ResponseInputItemListParams;
import io.github.openaispring.models.ResponseInputTokenCountParams;
import io.github.openaispring.models.ResponseRetrieveParams;
import io.github.openaispring.models.ResponseStreamOptions;
import io.github.openaispring.models.ResponseTextParam;
import io.github.openaispring.models.TextResponseFormatJsonSchema;
import io.github.openaispring.models.ToolChoiceFunction;
import io.github.openaispring.models.WebSearchApproximateLocation;
import io.github.openaispring.models.WebSearchTool;

/** The twin of {@code cases/responses.mjs}. */
final class ResponseParityCases implements ParityGroup {

	private static final Map<String, Object> STORY_SCHEMA = Map.of("type", "object", "properties",
			Map.of("title", Map.of("type", "string"), "story", Map.of("type", "string")), "required",
			List.of("title", "story"), "additionalProperties", false);

	@Override
	public String name() {
		return "responses";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("responses.create/string-input", (client) -> client.responses()
			.create(ResponseCreateParams.builder()
				.model("gpt-4.1")
				.input("Tell me a three sentence bedtime story about a unicorn.")
				.instructions("You are a storyteller.")
				.addInclude("reasoning.encrypted_content")
				.addInclude("message.output_text.logprobs")
				.reasoning(Reasoning.builder().effort("low").summary("auto").build())
				.text(ResponseTextParam.builder()
					.format(TextResponseFormatJsonSchema.builder()
						.name("story")
						.description("A story")
						.schema(STORY_SCHEMA)
						.strict(true)
						.build())
					.verbosity("medium")
					.build())
				.addFunctionTool(weatherTool())
				.addFileSearchTool(FileSearchTool.builder()
					.addVectorStoreId("vs_abc123")
					.maxNumResults(4)
					.filters(ComparisonFilter.builder().type("eq").key("author").value("ada").build())
					.rankingOptions(RankingOptions.builder().ranker("auto").scoreThreshold(0.2).build())
					.build())
				.addWebSearchTool(WebSearchTool.builder()
					.type("web_search")
					.searchContextSize("low")
					.filters(WebSearchTool.Filters.builder().addAllowedDomain("example.com").build())
					.userLocation(WebSearchApproximateLocation.builder().city("Paris").country("FR").build())
					.build())
				.toolChoice(ToolChoiceFunction.builder().name("get_weather").build())
				.parallelToolCalls(false)
				.putMetadata("project", "parity")
				.putMetadata("run", "1")
				.store(true)
				.temperature(0.7)
				.topP(0.9)
				.maxOutputTokens(500)
				.maxToolCalls(3)
				.topLogprobs(2)
				.truncation("auto")
				.serviceTier("auto")
				.previousResponseId("resp_prev123")
				.promptCacheKey("cache-1")
				.safetyIdentifier("sid-1")
				.background(false)
				.build())),
				new ParityCase("responses.create/input-items", (client) -> client.responses()
					.create(ResponseCreateParams.builder()
						.model("gpt-4.1")
						.input(List.of(EasyInputMessage.builder().role("developer").content("Answer briefly.").build(),
								EasyInputMessage.builder()
									.role("user")
									.content(List.of(
											InputTextContent.builder().text("What is in this image and this file?").build(),
											InputImageContent.builder()
												.imageUrl("https://example.com/cat.png")
												.detail("low")
												.build(),
											InputFileContent.builder().fileId("file-abc123").build()))
									.build(),
								EasyInputMessage.builder()
									.role("assistant")
									.content("Let me check the weather first.")
									.build(),
								FunctionToolCall.builder()
									.callId("call_abc123")
									.name("get_weather")
									.arguments("{\"location\":\"Paris\"}")
									.build(),
								FunctionCallOutputItemParam.builder()
									.callId("call_abc123")
									.output("{\"temperature\":21}")
									.build(),
								ItemReferenceParam.builder().id("msg_prev123").build()))
						.addFunctionTool(weatherTool())
						.toolChoice("auto")
						.conversation(ConversationParam2.builder().id("conv_abc123").build())
						.build())),
				new ParityCase("responses.create/streaming", (client) -> Drain.stream(client.responses()
					.createStreaming(ResponseCreateParams.builder()
						.model("gpt-4.1")
						.input(List.of(EasyInputMessage.builder()
							.role("user")
							.content(List.of(InputTextContent.builder().text("Say hi").build()))
							.build()))
						.text(ResponseTextParam.builder()
							.format(TextResponseFormatJsonSchema.builder()
								.name("story")
								.schema(STORY_SCHEMA)
								.strict(true)
								.build())
							.build())
						.reasoning(Reasoning.builder().effort("minimal").build())
						.streamOptions(ResponseStreamOptions.builder().includeObfuscation(false).build())
						.build()))),
				new ParityCase("responses.retrieve", (client) -> client.responses()
					.retrieve(ResponseRetrieveParams.builder()
						.responseId("resp_abc123")
						.addInclude("message.input_image.image_url")
						.build())),
				new ParityCase("responses.retrieve/streaming", (client) -> Drain.stream(client.responses()
					.retrieveStreaming(
							ResponseRetrieveParams.builder().responseId("resp_abc125").startingAfter(3).build()))),
				new ParityCase("responses.delete", (client) -> client.responses().delete("resp_abc123")),
				new ParityCase("responses.cancel", (client) -> client.responses().cancel("resp_abc123")),
				new ParityCase("responses.compact", (client) -> client.responses()
					.compact(ResponseCompactParams.builder()
						.model("gpt-4.1")
						.input(List.of(EasyInputMessage.builder().role("user").content("Tell me a story").build(),
								EasyInputMessage.builder().role("assistant").content("Once upon a time...").build()))
						.instructions("Keep the plot.")
						.promptCacheKey("cache-1")
						.build())),
				new ParityCase("responses.compact/previous-response", (client) -> client.responses()
					.compact(ResponseCompactParams.builder().model("gpt-4.1").previousResponseId("resp_abc123").build())),
				new ParityCase("responses.input_items.list/pages", (client) -> Drain.pages(client.responses()
					.inputItems()
					.list(ResponseInputItemListParams.builder()
						.responseId("resp_abc123")
						.limit(2)
						.order("asc")
						.addInclude("message.input_image.image_url")
						.build()))),
				new ParityCase("responses.input_tokens.count", (client) -> client.responses()
					.inputTokens()
					.count(ResponseInputTokenCountParams.builder()
						.model("gpt-4.1")
						.input(List.of(EasyInputMessage.builder().role("user").content("Tell me a story").build()))
						.instructions("You are a storyteller.")
						.addFunctionTool(weatherTool())
						.text(ResponseTextParam.builder().format(ResponseFormatJsonObject.builder().build()).build())
						.reasoning(Reasoning.builder().effort("high").build())
						.truncation("auto")
						.parallelToolCalls(true)
						.build())),
				new ParityCase("responses.input_tokens.count/string-input", (client) -> client.responses()
					.inputTokens()
					.count(ResponseInputTokenCountParams.builder()
						.model("gpt-4.1")
						.input("Hello")
						.conversation("conv_abc123")
						.build())));
	}

	private static FunctionTool weatherTool() {
		return FunctionTool.builder()
			.name("get_weather")
			.description("Get the current weather")
			.parameters(Map.of("type", "object", "properties", Map.of("location", Map.of("type", "string")), "required",
					List.of("location"), "additionalProperties", false))
			.strict(true)
			.build();
	}

}
