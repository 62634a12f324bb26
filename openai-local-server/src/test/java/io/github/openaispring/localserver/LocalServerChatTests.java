package io.github.openaispring.localserver;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.openaispring.client.OpenAI;
import io.github.openaispring.client.StreamResponse;
import io.github.openaispring.localserver.junit.LocalOpenAI;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.ChatCompletionStreamOptions;
import io.github.openaispring.models.Completion;
import io.github.openaispring.models.CompletionCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Chat completions and completions, plain and streamed, through the project's own client. */
@LocalOpenAI
class LocalServerChatTests {

	private static final String QUESTION = "What is the capital of France?";

	private static OpenAI client;

	@BeforeAll
	static void client(LocalOpenAIServer server) {
		client = OpenAI.builder().baseUrl(server.baseUrl()).apiKey("sk-local").build();
	}

	@AfterAll
	static void close() {
		client.close();
	}

	private static ChatCompletionCreateParams.Builder params() {
		return ChatCompletionCreateParams.builder()
			.model("gpt-4o-mini")
			.addSystemMessage("You are a helpful assistant.")
			.addUserMessage(QUESTION);
	}

	private static String content(ChatCompletionChunk chunk) {
		return chunk.choices().isEmpty() ? null : chunk.choices().get(0).delta().content();
	}

	@Test
	void answersWithACannedTextThatMentionsTheQuestionAndUsage() {
		ChatCompletion completion = client.chat().completions().create(params().build());
		assertThat(completion.id()).startsWith("chatcmpl-").hasSize("chatcmpl-".length() + 29);
		assertThat(completion.object()).isEqualTo("chat.completion");
		assertThat(completion.model()).isEqualTo("gpt-4o-mini");
		assertThat(completion.created()).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
		assertThat(completion.choices()).singleElement().satisfies((choice) -> {
			assertThat(choice.index()).isZero();
			assertThat(choice.finishReason().asString()).isEqualTo("stop");
			assertThat(choice.message().content()).startsWith("You asked: \"" + QUESTION + "\"")
				.contains("local OpenAI-compatible server")
				.isEqualTo(CannedText.answer(QUESTION));
			assertThat(choice.message().refusal()).isNull();
		});
		String answer = completion.choices().get(0).message().content();
		// Words: the system message (5) and the question (6), 3 tokens per message and 3 more.
		assertThat(completion.usage().promptTokens()).isEqualTo(5 + 6 + 3 + 3 + 3);
		assertThat(completion.usage().completionTokens()).isEqualTo(answer.split(" ").length);
		assertThat(completion.usage().totalTokens())
			.isEqualTo(completion.usage().promptTokens() + completion.usage().completionTokens());
	}

	@Test
	void theSameQuestionGetsTheSameAnswerAndAGreetingAFriendlyOne() {
		String first = client.chat().completions().create(params().build()).choices().get(0).message().content();
		String second = client.chat().completions().create(params().build()).choices().get(0).message().content();
		assertThat(second).isEqualTo(first);
		String greeting = client.chat()
			.completions()
			.create(ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hello there").build())
			.choices()
			.get(0)
			.message()
			.content();
		assertThat(greeting).startsWith("Hello! I am a local OpenAI-compatible server").doesNotContain("You asked");
	}

	@Test
	void maxCompletionTokensCutsTheAnswerWithFinishReasonLength() {
		ChatCompletion completion = client.chat().completions().create(params().maxCompletionTokens(4).n(2).build());
		assertThat(completion.choices()).hasSize(2).allSatisfy((choice) -> {
			assertThat(choice.message().content()).isEqualTo("You asked: \"What is");
			assertThat(choice.finishReason().asString()).isEqualTo("length");
		});
		assertThat(completion.choices().get(1).index()).isEqualTo(1);
		assertThat(completion.usage().completionTokens()).isEqualTo(8);
	}

	@Test
	void streamsWordByWordInOrderWithTheRoleFirstAndTheFinishReasonLast() {
		String whole = client.chat().completions().create(params().build()).choices().get(0).message().content();
		List<ChatCompletionChunk> chunks;
		try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params().build())) {
			chunks = stream.stream().toList();
		}
		List<String> pieces = chunks.stream().map(LocalServerChatTests::content).toList();
		assertThat(chunks.get(0).choices().get(0).delta().role().asString()).isEqualTo("assistant");
		assertThat(pieces.get(0)).isEmpty();
		assertThat(pieces.subList(1, pieces.size() - 1)).containsExactlyElementsOf(CannedText.pieces(whole));
		assertThat(pieces.subList(1, 4)).containsExactly("You", " asked:", " \"What");
		assertThat(String.join("", pieces.subList(0, pieces.size() - 1))).isEqualTo(whole);
		ChatCompletionChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.choices().get(0).finishReason().asString()).isEqualTo("stop");
		assertThat(last.choices().get(0).delta().content()).isNull();
		assertThat(chunks.subList(0, chunks.size() - 1))
			.allSatisfy((chunk) -> assertThat(chunk.choices().get(0).finishReason()).isNull());
		assertThat(chunks).extracting(ChatCompletionChunk::id).containsOnly(chunks.get(0).id());
		assertThat(chunks).extracting(ChatCompletionChunk::object).containsOnly("chat.completion.chunk");
		assertThat(chunks).allSatisfy((chunk) -> assertThat(chunk.usage()).isNull());
	}

	@Test
	void theReactiveClientReadsTheSameStream() {
		String whole = client.chat().completions().create(params().build()).choices().get(0).message().content();
		String streamed = client.async()
			.chat()
			.completions()
			.createStreaming(params().build())
			.mapNotNull(LocalServerChatTests::content)
			.collect(Collectors.joining())
			.block(Duration.ofSeconds(10));
		assertThat(streamed).isEqualTo(whole);
	}

	@Test
	void includeUsageAddsAUsageChunkWithoutChoicesAtTheEnd() {
		ChatCompletionCreateParams params = params()
			.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
			.build();
		List<ChatCompletionChunk> chunks;
		try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params)) {
			chunks = stream.stream().toList();
		}
		ChatCompletionChunk last = chunks.get(chunks.size() - 1);
		assertThat(last.choices()).isEmpty();
		assertThat(last.usage().promptTokens()).isEqualTo(20);
		assertThat(last.usage().completionTokens()).isEqualTo(CannedText.count(CannedText.answer(QUESTION)));
		assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy((chunk) -> assertThat(chunk.usage()).isNull());
	}

	@Test
	void theEventStreamIsServerSentEventsEndingWithDone(LocalOpenAIServer server) {
		HttpResponse<String> response = Http.post(server, "/chat/completions", """
				{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"Hi"}]}
				""");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
		assertThat(response.headers().firstValue("x-request-id").orElseThrow()).matches("req_[0-9a-f]{32}");
		List<String> events = List.of(response.body().split("\n\n"));
		assertThat(events).allSatisfy((event) -> assertThat(event).startsWith("data: "));
		assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
		assertThat(response.body()).endsWith("data: [DONE]\n\n");
		List<JsonNode> chunks = new ArrayList<>();
		for (String event : events.subList(0, events.size() - 1)) {
			chunks.add(Http.JSON.readTree(event.substring("data: ".length())));
		}
		assertThat(chunks.get(0).at("/choices/0/delta/role").stringValue()).isEqualTo("assistant");
		assertThat(chunks.get(0).at("/choices/0/finish_reason").isNull()).isTrue();
		assertThat(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").stringValue()).isEqualTo("stop");
		assertThat(chunks.get(chunks.size() - 1).at("/choices/0/delta").isEmpty()).isTrue();
	}

	@Test
	void contentPartsAreReadAsTheQuestion(LocalOpenAIServer server) {
		HttpResponse<String> response = Http.post(server, "/chat/completions", """
				{"model":"gpt-4o","messages":[{"role":"user","content":"First question"},
				 {"role":"assistant","content":"First answer"},
				 {"role":"user","content":[{"type":"text","text":"Second"},{"type":"text","text":"question?"}]}]}
				""");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(Http.json(response).at("/choices/0/message/content").stringValue())
			.startsWith("You asked: \"Second question?\"");
	}

	@Test
	void completionsAnswerEachPromptAndStream() {
		CompletionCreateParams params = CompletionCreateParams.builder()
			.model("gpt-3.5-turbo-instruct")
			.prompt(List.of("Once upon a time", "Roses are red"))
			.build();
		Completion completion = client.completions().create(params);
		assertThat(completion.object()).isEqualTo("text_completion");
		assertThat(completion.id()).startsWith("cmpl-");
		assertThat(completion.choices()).hasSize(2);
		assertThat(completion.choices().get(0).text())
			.isEqualTo(" This is a canned completion from a local OpenAI-compatible server for a prompt of 4 words."
					+ " A real model would continue your text here.");
		assertThat(completion.choices().get(1).index()).isEqualTo(1);
		assertThat(completion.choices().get(1).text()).contains("a prompt of 3 words");
		assertThat(completion.usage().promptTokens()).isEqualTo(7);

		CompletionCreateParams one = CompletionCreateParams.builder()
			.model("gpt-3.5-turbo-instruct")
			.prompt("Once upon a time")
			.echo(true)
			.build();
		String whole = client.completions().create(one).choices().get(0).text();
		assertThat(whole).startsWith("Once upon a time This is a canned completion");
		String streamed;
		try (StreamResponse<Completion> stream = client.completions().createStreaming(one)) {
			streamed = stream.stream().map((chunk) -> chunk.choices().get(0).text()).collect(Collectors.joining());
		}
		assertThat(streamed).isEqualTo(whole);
	}

}
