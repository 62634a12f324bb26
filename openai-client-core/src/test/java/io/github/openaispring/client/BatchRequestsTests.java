package io.github.openaispring.client;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.helpers.BatchRequests;
import io.github.openaispring.models.Batch;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed's inline batch: the requests written as a JSONL file, uploaded for {@code batch}, the
 * batch created from it, and the results read back from its output file.
 */
class BatchRequestsTests extends WireMockClientTests {

	private static final String FILE = """
			{"id":"file-in","object":"file","bytes":300,"created_at":1,"filename":"batch-requests.jsonl",
			 "purpose":"batch","status":"processed"}""";

	private static final String BATCH = """
			{"id":"batch_1","object":"batch","endpoint":"/v1/chat/completions","input_file_id":"file-in",
			 "completion_window":"24h","status":"%s","created_at":1%s}""";

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void submitsTheRequestsAsAJsonlFileAndCreatesTheBatch(boolean async) {
		stubFor(post("/v1/files").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(FILE)));
		stubFor(post("/v1/batches").willReturn(aResponse().withHeader("Content-Type", "application/json")
			.withBody(BATCH.formatted("validating", ""))));
		List<ChatCompletionCreateParams> requests = List.of(
				ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Hello").build(),
				ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("Bye").build());
		Batch batch = Calls.call(async,
				() -> BatchRequests.submit(this.client, "/v1/chat/completions", requests, "24h"),
				() -> BatchRequests.submit(this.client.async(), "/v1/chat/completions", requests, "24h"));
		assertThat(batch.id()).isEqualTo("batch_1");
		assertThat(Parts.of("/v1/files")).containsExactly(
				"file=<batch-requests.jsonl|application/octet-stream|"
						+ "{\"custom_id\":\"request-1\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
						+ "{\"messages\":[{\"content\":\"Hello\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\"}}\n"
						+ "{\"custom_id\":\"request-2\",\"method\":\"POST\",\"url\":\"/v1/chat/completions\",\"body\":"
						+ "{\"messages\":[{\"content\":\"Bye\",\"role\":\"user\"}],\"model\":\"gpt-4o-mini\"}}\n>",
				"purpose=batch");
		verify(postRequestedFor(urlEqualTo("/v1/batches")).withRequestBody(equalToJson(
				"{\"input_file_id\":\"file-in\",\"endpoint\":\"/v1/chat/completions\",\"completion_window\":\"24h\"}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void readsTheResultsBackFromTheOutputFile(boolean async) {
		stubFor(get("/v1/files/file-out/content").willReturn(aResponse().withBody("""
				{"id":"batch_req_1","custom_id":"request-1","response":{"status_code":200,"request_id":"req_a","body":{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"finish_reason":"stop","logprobs":null,"message":{"role":"assistant","content":"Hi!","refusal":null}}]}},"error":null}
				{"id":"batch_req_2","custom_id":"request-2","response":null,"error":{"code":"batch_expired","message":"not run"}}
				""")));
		Batch batch = io.github.openaispring.core.OpenAIJson.read(BATCH.formatted("completed",
				",\"output_file_id\":\"file-out\""), Batch.class);
		List<BatchRequests.Result> results = Calls.call(async, () -> BatchRequests.results(this.client, batch),
				() -> BatchRequests.results(this.client.async(), batch));
		assertThat(results).hasSize(2);
		assertThat(results.get(0).customId()).isEqualTo("request-1");
		assertThat(results.get(0).statusCode()).isEqualTo(200);
		assertThat(results.get(0).requestId()).isEqualTo("req_a");
		assertThat(results.get(0).bodyAs(ChatCompletion.class).choices().get(0).message().content()).isEqualTo("Hi!");
		assertThat(results.get(1).customId()).isEqualTo("request-2");
		assertThat(results.get(1).statusCode()).isZero();
		assertThat(results.get(1).error().path("code").asString()).isEqualTo("batch_expired");
		assertThatThrownBy(() -> results.get(1).bodyAs(ChatCompletion.class)).isInstanceOf(OpenAIException.class)
			.hasMessageContaining("request-2 has no response body");
	}

	@Test
	void aBatchWithoutOutputFileSaysToWait() {
		Batch batch = io.github.openaispring.core.OpenAIJson.read(BATCH.formatted("in_progress", ""), Batch.class);
		assertThatThrownBy(() -> BatchRequests.results(this.client, batch)).isInstanceOf(OpenAIException.class)
			.hasMessageContaining("Batch batch_1 has no output file (status in_progress)");
	}

}
