package io.github.openaispring.parity;

import java.util.List;
import java.util.Map;

import io.github.openaispring.models.AssistantCreateParams;
import io.github.openaispring.models.AssistantListParams;
import io.github.openaispring.models.AssistantToolsCode;
import io.github.openaispring.models.AssistantToolsFileSearch;
import io.github.openaispring.models.AssistantToolsFileSearchTypeOnly;
import io.github.openaispring.models.AssistantUpdateParams;
import io.github.openaispring.models.AssistantsNamedToolChoice;
import io.github.openaispring.models.CreateMessageRequest;
import io.github.openaispring.models.CreateThreadRequest;
import io.github.openaispring.models.FileSearchRankingOptions;
import io.github.openaispring.models.FunctionObject;
import io.github.openaispring.models.MessageContentImageFileObject;
import io.github.openaispring.models.MessageContentImageUrlObject;
import io.github.openaispring.models.MessageRequestContentTextObject;
import io.github.openaispring.models.ResponseFormatJsonObject;
import io.github.openaispring.models.ResponseFormatJsonSchema;
import io.github.openaispring.models.ResponseFormatText;
import io.github.openaispring.models.ThreadCreateAndRunParams;
import io.github.openaispring.models.ThreadCreateParams;
import io.github.openaispring.models.ThreadMessageCreateParams;
import io.github.openaispring.models.ThreadMessageListParams;
import io.github.openaispring.models.ThreadMessageUpdateParams;
import io.github.openaispring.models.ThreadRunCreateParams;
import io.github.openaispring.models.ThreadRunListParams;
import io.github.openaispring.models.ThreadRunStepListParams;
import io.github.openaispring.models.ThreadRunStepRetrieveParams;
import io.github.openaispring.models.ThreadRunSubmitToolOutputsParams;
import io.github.openaispring.models.ThreadRunUpdateParams;
import io.github.openaispring.models.ThreadUpdateParams;
import io.github.openaispring.models.TruncationObject;

/** The twin of {@code cases/beta.mjs}. */
final class BetaParityCases implements ParityGroup {

	private static final String FILE_SEARCH_CONTENT = "step_details.tool_calls[*].file_search.results[*].content";

	private static final Map<String, Object> WEATHER_PARAMETERS = Map.of("type", "object", "properties",
			Map.of("location", Map.of("type", "string"), "unit",
					Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
			"required", List.of("location"));

	@Override
	public String name() {
		return "beta";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("beta.assistants.create", (client) -> client.beta()
			.assistants()
			.create(AssistantCreateParams.builder()
				.model("gpt-4o")
				.name("Math Tutor")
				.description("Helps with maths")
				.instructions("You are a personal math tutor.")
				.reasoningEffort("low")
				.addAssistantToolsCode(AssistantToolsCode.builder().build())
				.addAssistantToolsFileSearch(AssistantToolsFileSearch.builder()
					.fileSearch(AssistantToolsFileSearch.FileSearch.builder()
						.maxNumResults(5)
						.rankingOptions(FileSearchRankingOptions.builder().ranker("auto").scoreThreshold(0.3).build())
						.build())
					.build())
				.addAssistantToolsFunction(weatherFunction())
				.toolResources(AssistantCreateParams.ToolResources.builder()
					.codeInterpreter(AssistantCreateParams.ToolResources.CodeInterpreter.builder()
						.addFileId("file-abc123")
						.build())
					.fileSearch(AssistantCreateParams.ToolResources.FileSearch.builder()
						.addVectorStore(AssistantCreateParams.ToolResources.FileSearch.VectorStore.builder()
							.addFileId("file-abc456")
							.chunkingStrategy(AssistantCreateParams.ToolResources.FileSearch.VectorStore.ChunkingStrategy.Static
								.builder()
								.static_(
										AssistantCreateParams.ToolResources.FileSearch.VectorStore.ChunkingStrategy.Static.StaticValue
											.builder()
											.maxChunkSizeTokens(800)
											.chunkOverlapTokens(400)
											.build())
								.build())
							.putMetadata("source", "faq")
							.build())
						.build())
					.build())
				.putMetadata("team", "parity")
				.temperature(0.5)
				.topP(0.9)
				.responseFormat(ResponseFormatJsonSchema.builder()
					.jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
						.name("answer")
						.strict(true)
						.schema(Map.of("type", "object", "properties", Map.of("answer", Map.of("type", "string")),
								"required", List.of("answer"), "additionalProperties", false))
						.build())
					.build())
				.build())),
				new ParityCase("beta.assistants.retrieve", (client) -> client.beta().assistants().retrieve("asst_abc123")),
				new ParityCase("beta.assistants.update", (client) -> client.beta()
					.assistants()
					.update(AssistantUpdateParams.builder()
						.assistantId("asst_abc123")
						.name("Maths Tutor")
						.model("gpt-4o-mini")
						.addAssistantToolsFileSearch(AssistantToolsFileSearch.builder().build())
						.toolResources(AssistantUpdateParams.ToolResources.builder()
							.fileSearch(AssistantUpdateParams.ToolResources.FileSearch.builder()
								.addVectorStoreId("vs_abc123")
								.build())
							.build())
						.responseFormat("auto")
						.putMetadata("team", "parity")
						.putMetadata("reviewed", "yes")
						.build())),
				new ParityCase("beta.assistants.list/pages", (client) -> Drain
					.pages(client.beta().assistants().list(AssistantListParams.builder().limit(2).order("asc").build()))),
				new ParityCase("beta.assistants.delete", (client) -> client.beta().assistants().delete("asst_abc123")),
				new ParityCase("beta.threads.create", (client) -> client.beta()
					.threads()
					.create(ThreadCreateParams.builder()
						.addMessage(CreateMessageRequest.builder()
							.role("user")
							.content("Hello, what is AI?")
							.addAttachment(CreateMessageRequest.Attachment.builder()
								.fileId("file-abc123")
								.addAssistantToolsCode(AssistantToolsCode.builder().build())
								.addAssistantToolsFileSearchTypeOnly(AssistantToolsFileSearchTypeOnly.builder().build())
								.build())
							.putMetadata("turn", "1")
							.build())
						.addMessage(CreateMessageRequest.builder()
							.role("assistant")
							.content(List.of(MessageRequestContentTextObject.builder().text("Here are two pictures.").build(),
									MessageContentImageFileObject.builder()
										.imageFile(MessageContentImageFileObject.ImageFile.builder()
											.fileId("file-img123")
											.detail("high")
											.build())
										.build(),
									MessageContentImageUrlObject.builder()
										.imageUrl(MessageContentImageUrlObject.ImageUrl.builder()
											.url("https://example.com/cat.png")
											.detail("low")
											.build())
										.build()))
							.build())
						.toolResources(ThreadCreateParams.ToolResources.builder()
							.codeInterpreter(ThreadCreateParams.ToolResources.CodeInterpreter.builder()
								.addFileId("file-abc123")
								.build())
							.fileSearch(ThreadCreateParams.ToolResources.FileSearch.builder()
								.addVectorStore(ThreadCreateParams.ToolResources.FileSearch.VectorStore.builder()
									.addFileId("file-abc456")
									.chunkingStrategy(
											ThreadCreateParams.ToolResources.FileSearch.VectorStore.ChunkingStrategy.Auto.builder()
												.build())
									.build())
								.build())
							.build())
						.putMetadata("team", "parity")
						.build())),
				new ParityCase("beta.threads.create/empty", (client) -> client.beta().threads().create()),
				new ParityCase("beta.threads.retrieve", (client) -> client.beta().threads().retrieve("thread_abc123")),
				new ParityCase("beta.threads.update", (client) -> client.beta()
					.threads()
					.update(ThreadUpdateParams.builder()
						.threadId("thread_abc123")
						.toolResources(ThreadUpdateParams.ToolResources.builder()
							.codeInterpreter(ThreadUpdateParams.ToolResources.CodeInterpreter.builder()
								.addFileId("file-abc123")
								.build())
							.fileSearch(ThreadUpdateParams.ToolResources.FileSearch.builder()
								.addVectorStoreId("vs_abc123")
								.build())
							.build())
						.putMetadata("team", "parity")
						.putMetadata("modified", "true")
						.build())),
				new ParityCase("beta.threads.delete", (client) -> client.beta().threads().delete("thread_abc123")),
				new ParityCase("beta.threads.create_and_run", (client) -> client.beta()
					.threads()
					.createAndRun(ThreadCreateAndRunParams.builder()
						.assistantId("asst_abc123")
						.thread(CreateThreadRequest.builder()
							.addMessage(CreateMessageRequest.builder()
								.role("user")
								.content("Explain deep learning to a 5 year old.")
								.build())
							.putMetadata("origin", "parity")
							.build())
						.model("gpt-4o")
						.instructions("Be brief.")
						.addAssistantToolsCode(AssistantToolsCode.builder().build())
						.addAssistantToolsFunction(weatherFunction())
						.toolResources(ThreadCreateAndRunParams.ToolResources.builder()
							.codeInterpreter(ThreadCreateAndRunParams.ToolResources.CodeInterpreter.builder()
								.addFileId("file-abc123")
								.build())
							.fileSearch(ThreadCreateAndRunParams.ToolResources.FileSearch.builder()
								.addVectorStoreId("vs_abc123")
								.build())
							.build())
						.putMetadata("team", "parity")
						.temperature(0.2)
						.topP(1.0)
						.maxPromptTokens(2000)
						.maxCompletionTokens(500)
						.truncationStrategy(TruncationObject.builder().type("last_messages").lastMessages(10).build())
						.toolChoice(AssistantsNamedToolChoice.builder()
							.type("function")
							.function(AssistantsNamedToolChoice.Function.builder().name("get_weather").build())
							.build())
						.parallelToolCalls(false)
						.responseFormat(ResponseFormatJsonObject.builder().build())
						.build())),
				new ParityCase("beta.threads.create_and_run/streaming", (client) -> Drain.stream(client.beta()
					.threads()
					.createAndRunStreaming(ThreadCreateAndRunParams.builder()
						.assistantId("asst_abc123")
						.thread(CreateThreadRequest.builder()
							.addMessage(CreateMessageRequest.builder().role("user").content("Hello").build())
							.build())
						.toolChoice("auto")
						.build()))),
				new ParityCase("beta.threads.messages.create", (client) -> client.beta()
					.threads()
					.messages()
					.create(ThreadMessageCreateParams.builder()
						.threadId("thread_abc123")
						.role("user")
						.content(List.of(MessageRequestContentTextObject.builder().text("What is in this image?").build(),
								MessageContentImageUrlObject.builder()
									.imageUrl(MessageContentImageUrlObject.ImageUrl.builder()
										.url("https://example.com/cat.png")
										.build())
									.build()))
						.addAttachment(ThreadMessageCreateParams.Attachment.builder()
							.fileId("file-abc123")
							.addAssistantToolsFileSearchTypeOnly(AssistantToolsFileSearchTypeOnly.builder().build())
							.build())
						.putMetadata("turn", "2")
						.build())),
				new ParityCase("beta.threads.messages.create/string-content", (client) -> client.beta()
					.threads()
					.messages()
					.create(ThreadMessageCreateParams.builder()
						.threadId("thread_abc123")
						.role("user")
						.content("How does AI work? Explain it in simple terms.")
						.build())),
				new ParityCase("beta.threads.messages.retrieve",
						(client) -> client.beta().threads().messages().retrieve("thread_abc123", "msg_abc123")),
				new ParityCase("beta.threads.messages.update", (client) -> client.beta()
					.threads()
					.messages()
					.update(ThreadMessageUpdateParams.builder()
						.threadId("thread_abc123")
						.messageId("msg_abc123")
						.putMetadata("modified", "true")
						.putMetadata("user", "abc123")
						.build())),
				new ParityCase("beta.threads.messages.list/pages", (client) -> Drain.pages(client.beta()
					.threads()
					.messages()
					.list(ThreadMessageListParams.builder()
						.threadId("thread_abc123")
						.limit(2)
						.order("desc")
						.runId("run_abc123")
						.build()))),
				new ParityCase("beta.threads.messages.delete",
						(client) -> client.beta().threads().messages().delete("thread_abc123", "msg_abc123")),
				new ParityCase("beta.threads.runs.create", (client) -> client.beta()
					.threads()
					.runs()
					.create(ThreadRunCreateParams.builder()
						.threadId("thread_abc123")
						.addInclude(FILE_SEARCH_CONTENT)
						.assistantId("asst_abc123")
						.model("gpt-4o")
						.reasoningEffort("medium")
						.instructions("You are a personal math tutor.")
						.additionalInstructions("Address the user as Jane.")
						.addAdditionalMessage(
								CreateMessageRequest.builder().role("user").content("I need to solve 3x + 11 = 14.").build())
						.addAdditionalMessage(CreateMessageRequest.builder()
							.role("assistant")
							.content(List.of(MessageRequestContentTextObject.builder().text("Sure.").build()))
							.putMetadata("turn", "0")
							.build())
						.addAssistantToolsCode(AssistantToolsCode.builder().build())
						.addAssistantToolsFileSearch(AssistantToolsFileSearch.builder()
							.fileSearch(AssistantToolsFileSearch.FileSearch.builder().maxNumResults(3).build())
							.build())
						.addAssistantToolsFunction(weatherFunction())
						.putMetadata("team", "parity")
						.temperature(0.7)
						.topP(0.95)
						.maxPromptTokens(5000)
						.maxCompletionTokens(1000)
						.truncationStrategy(TruncationObject.builder().type("auto").build())
						.toolChoice("required")
						.parallelToolCalls(true)
						.responseFormat(ResponseFormatJsonSchema.builder()
							.jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
								.name("solution")
								.schema(Map.of("type", "object", "properties", Map.of("x", Map.of("type", "number"))))
								.build())
							.build())
						.build())),
				new ParityCase("beta.threads.runs.create/streaming", (client) -> Drain.stream(client.beta()
					.threads()
					.runs()
					.createStreaming(ThreadRunCreateParams.builder()
						.threadId("thread_abc123")
						.assistantId("asst_abc123")
						.addAdditionalMessage(CreateMessageRequest.builder().role("user").content("And 2x = 8?").build())
						.addAssistantToolsFunction(weatherFunction())
						.responseFormat(ResponseFormatText.builder().build())
						.build()))),
				new ParityCase("beta.threads.runs.list/pages", (client) -> Drain.pages(client.beta()
					.threads()
					.runs()
					.list(ThreadRunListParams.builder().threadId("thread_abc123").limit(2).order("desc").build()))),
				new ParityCase("beta.threads.runs.retrieve",
						(client) -> client.beta().threads().runs().retrieve("thread_abc123", "run_abc123")),
				new ParityCase("beta.threads.runs.update", (client) -> client.beta()
					.threads()
					.runs()
					.update(ThreadRunUpdateParams.builder()
						.threadId("thread_abc123")
						.runId("run_abc123")
						.putMetadata("user_id", "user_abc123")
						.build())),
				new ParityCase("beta.threads.runs.cancel",
						(client) -> client.beta().threads().runs().cancel("thread_abc123", "run_abc123")),
				new ParityCase("beta.threads.runs.submit_tool_outputs", (client) -> client.beta()
					.threads()
					.runs()
					.submitToolOutputs(ThreadRunSubmitToolOutputsParams.builder()
						.threadId("thread_abc123")
						.runId("run_abc123")
						.addToolOutput(toolOutput("call_abc123", "{\"temperature\":21}"))
						.addToolOutput(toolOutput("call_abc456", "28C"))
						.build())),
				new ParityCase("beta.threads.runs.submit_tool_outputs/streaming", (client) -> Drain.stream(client.beta()
					.threads()
					.runs()
					.submitToolOutputsStreaming(ThreadRunSubmitToolOutputsParams.builder()
						.threadId("thread_abc123")
						.runId("run_abc123")
						.addToolOutput(toolOutput("call_abc123", "{\"temperature\":21}"))
						.build()))),
				new ParityCase("beta.threads.runs.steps.list/pages", (client) -> Drain.pages(client.beta()
					.threads()
					.runs()
					.steps()
					.list(ThreadRunStepListParams.builder()
						.threadId("thread_abc123")
						.runId("run_abc123")
						.limit(2)
						.order("asc")
						.addInclude(FILE_SEARCH_CONTENT)
						.build()))),
				new ParityCase("beta.threads.runs.steps.retrieve", (client) -> client.beta()
					.threads()
					.runs()
					.steps()
					.retrieve(ThreadRunStepRetrieveParams.builder()
						.threadId("thread_abc123")
						.runId("run_abc123")
						.stepId("step_abc123")
						.addInclude(FILE_SEARCH_CONTENT)
						.build())));
	}

	private static FunctionObject weatherFunction() {
		return FunctionObject.builder()
			.name("get_weather")
			.description("Get the current weather")
			.parameters(WEATHER_PARAMETERS)
			.strict(false)
			.build();
	}

	private static ThreadRunSubmitToolOutputsParams.ToolOutput toolOutput(String callId, String output) {
		return ThreadRunSubmitToolOutputsParams.ToolOutput.builder().toolCallId(callId).output(output).build();
	}

}
