package io.github.openaispring.client;

import java.util.List;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.models.Completion;
import io.github.openaispring.models.CompletionCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

@WireMockTest
class CompletionServiceTests {

	private static final String COMPLETION = """
			{"id":"cmpl-1","object":"text_completion","created":1741569952,"model":"gpt-3.5-turbo-instruct",
			 "system_fingerprint":"fp_1",
			 "choices":[{"text":"\\n\\nCode flows like rivers","index":0,"logprobs":null,"finish_reason":"length"}],
			 "usage":{"prompt_tokens":7,"completion_tokens":150,"total_tokens":157}}
			""";

	private OpenAI client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void createSendsTheSeedsExampleAndReadsTheCompletion(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/completions").willReturn(okJson(COMPLETION).withHeader("x-request-id", "req_1")));
		this.client = Calls.client(wireMock);
		CompletionCreateParams params = CompletionCreateParams.builder()
			.model("gpt-3.5-turbo-instruct")
			.prompt("Write a short poem about programming")
			.maxTokens(150L)
			.temperature(0.7)
			.build();
		Completion completion = Calls.call(async, () -> this.client.completions().create(params),
				() -> this.client.async().completions().create(params));
		assertThat(completion.id()).isEqualTo("cmpl-1");
		assertThat(completion.object()).isEqualTo("text_completion");
		assertThat(completion.model()).isEqualTo("gpt-3.5-turbo-instruct");
		assertThat(completion.systemFingerprint()).isEqualTo("fp_1");
		assertThat(completion.choices()).hasSize(1);
		assertThat(completion.choices().get(0).text()).isEqualTo("\n\nCode flows like rivers");
		assertThat(completion.choices().get(0).finishReason().asString()).isEqualTo("length");
		assertThat(completion.choices().get(0).logprobs()).isNull();
		assertThat(completion.usage().promptTokens()).isEqualTo(7);
		assertThat(completion.usage().completionTokens()).isEqualTo(150);
		assertThat(completion.usage().totalTokens()).isEqualTo(157);
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/completions"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("OpenAI-Organization", equalTo("org-1"))
			.withHeader("OpenAI-Project", equalTo("proj-1"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("User-Agent", matching("openai-spring/.+ Java/.+"))
			.withRequestBody(equalToJson("""
					{"model":"gpt-3.5-turbo-instruct","prompt":"Write a short poem about programming",
					 "max_tokens":150,"temperature":0.7}
					""")));
	}

	@ParameterizedTest
	@CsvSource({ "false,string", "true,string", "false,strings", "true,strings", "false,tokens", "true,tokens",
			"false,token-arrays", "true,token-arrays" })
	void createSendsEachFormOfThePrompt(boolean async, String form, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/completions").willReturn(okJson(COMPLETION)));
		this.client = Calls.client(wireMock);
		UnaryOperator<CompletionCreateParams.Builder> prompt = switch (form) {
			case "string" -> (b) -> b.prompt("Say this is a test");
			case "strings" -> (b) -> b.prompt(List.of("first", "second"));
			case "tokens" -> (b) -> b.promptOfArrayOfIntegers(List.of(1212L, 318L, 257L));
			default -> (b) -> b.promptOfArrayOfArraysOfIntegers(List.of(List.of(1212L, 318L), List.of(257L)));
		};
		String json = switch (form) {
			case "string" -> "\"Say this is a test\"";
			case "strings" -> "[\"first\",\"second\"]";
			case "tokens" -> "[1212,318,257]";
			default -> "[[1212,318],[257]]";
		};
		CompletionCreateParams params = prompt.apply(CompletionCreateParams.builder().model("gpt-3.5-turbo-instruct"))
			.build();
		Completion completion = Calls.call(async, () -> this.client.completions().create(params),
				() -> this.client.async().completions().create(params));
		assertThat(completion.choices().get(0).text()).startsWith("\n\nCode");
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/completions"))
			.withRequestBody(equalToJson("{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":" + json + "}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void createStreamingReadsEveryChunk(boolean async, WireMockRuntimeInfo wireMock) {
		StringBuilder body = new StringBuilder();
		List<String> words = List.of("Code", " flows", ",", " bugs", " grow");
		for (int i = 0; i < words.size(); i++) {
			String finish = (i == words.size() - 1) ? "\"stop\"" : "null";
			body.append("data: {\"id\":\"cmpl-2\",\"object\":\"text_completion\",\"created\":1,")
				.append("\"model\":\"gpt-3.5-turbo-instruct\",\"choices\":[{\"text\":\"")
				.append(words.get(i))
				.append("\",\"index\":0,\"logprobs\":null,\"finish_reason\":")
				.append(finish)
				.append("}]}\n\n");
		}
		body.append("data: [DONE]\n\n");
		stubFor(post("/v1/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(body.toString())));
		this.client = Calls.client(wireMock);
		CompletionCreateParams params = CompletionCreateParams.builder()
			.model("gpt-3.5-turbo-instruct")
			.prompt("Write a short poem about programming")
			.maxTokens(150L)
			.build();
		List<Completion> chunks;
		if (async) {
			chunks = this.client.async().completions().createStreaming(params).collectList().block(Calls.WAIT);
		}
		else {
			try (StreamResponse<Completion> stream = this.client.completions().createStreaming(params)) {
				chunks = stream.stream().toList();
			}
		}
		assertThat(chunks).extracting((chunk) -> chunk.choices().get(0).text()).containsExactlyElementsOf(words);
		assertThat(chunks).extracting(Completion::id).containsOnly("cmpl-2");
		assertThat(chunks.get(chunks.size() - 1).choices().get(0).finishReason().asString()).isEqualTo("stop");
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/completions"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"model":"gpt-3.5-turbo-instruct","prompt":"Write a short poem about programming",
					 "max_tokens":150,"stream":true}
					""")));
	}

}
