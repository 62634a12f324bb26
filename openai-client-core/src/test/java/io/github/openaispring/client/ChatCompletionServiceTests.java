package io.github.openaispring.client;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

@WireMockTest
class ChatCompletionServiceTests {

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1741569952,"model":"gpt-4o",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","refusal":null},
			 "logprobs":null,"finish_reason":"stop"}],
			 "usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}
			""";

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addSystemMessage("You are a helpful assistant.")
			.addUserMessage("Hi")
			.temperature(0.7)
			.build();
	}

	private static OpenAI client(WireMockRuntimeInfo wireMock) {
		return OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.organization("org-1")
			.project("proj-1")
			.build();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void createSendsTheRequestAndReadsTheCompletion(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_1")
			.withBody(COMPLETION)));
		OpenAI client = client(wireMock);
		ChatCompletion completion = async ? client.async().chat().completions().create(params()).block(Duration.ofSeconds(5))
				: client.chat().completions().create(params());
		assertThat(completion.choices().get(0).message().content()).isEqualTo("Hello!");
		assertThat(completion.usage().totalTokens()).isEqualTo(11);
		verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("OpenAI-Organization", equalTo("org-1"))
			.withHeader("OpenAI-Project", equalTo("proj-1"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("User-Agent", matching("openai-spring/.+ Java/.+"))
			.withRequestBody(equalToJson("""
					{"model":"gpt-4o","temperature":0.7,"messages":[
					 {"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Hi"}]}
					""")));
		client.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void createStreamingReadsEveryChunk(boolean async, WireMockRuntimeInfo wireMock) {
		StringBuilder body = new StringBuilder();
		for (String word : List.of("Hel", "lo", "!")) {
			body.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\",")
				.append("\"choices\":[{\"index\":0,\"delta\":{\"content\":\"").append(word).append("\"}}]}\n\n");
		}
		body.append("data: [DONE]\n\n");
		stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(body.toString())));
		OpenAI client = client(wireMock);
		List<String> words;
		if (async) {
			words = client.async().chat().completions().createStreaming(params())
				.map((chunk) -> chunk.choices().get(0).delta().content())
				.collectList()
				.block(Duration.ofSeconds(5));
		}
		else {
			try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params())) {
				words = stream.stream().map((chunk) -> chunk.choices().get(0).delta().content()).toList();
			}
		}
		assertThat(words).containsExactly("Hel", "lo", "!");
		verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
			.withHeader("Accept", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"stream\":true}", true, true)));
		client.close();
	}

}
