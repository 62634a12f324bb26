package io.github.openaispring.localserver;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import io.github.openaispring.client.OpenAI;
import io.github.openaispring.errors.BadRequestException;
import io.github.openaispring.localserver.junit.LocalOpenAI;
import io.github.openaispring.models.ChatCompletionCreateParams;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Validation and error bodies, as the real API answers them. */
@LocalOpenAI
class LocalServerErrorTests {

	private static void assertError(HttpResponse<String> response, int status, String json) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("x-request-id").orElseThrow()).matches("req_[0-9a-f]{32}");
		assertThat(Http.json(response)).isEqualTo(Http.JSON.readTree(json));
	}

	@Test
	void aMissingModelIsA400WithTheRealApisBody(LocalOpenAIServer server) {
		for (String path : new String[] { "/chat/completions", "/completions", "/embeddings" }) {
			assertError(Http.post(server, path, "{\"messages\":[],\"prompt\":\"x\",\"input\":\"x\"}"), 400, """
					{"error":{"message":"you must provide a model parameter","type":"invalid_request_error",
					 "param":null,"code":null}}
					""");
		}
	}

	@Test
	void missingOrEmptyMessagesNameTheParam(LocalOpenAIServer server) {
		assertError(Http.post(server, "/chat/completions", "{\"model\":\"gpt-4o\"}"), 400, """
				{"error":{"message":"Missing required parameter: 'messages'.","type":"invalid_request_error",
				 "param":"messages","code":"missing_required_parameter"}}
				""");
		assertError(Http.post(server, "/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[]}"), 400, """
				{"error":{"message":"Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
				 "type":"invalid_request_error","param":"messages","code":"empty_array"}}
				""");
		assertError(Http.post(server, "/chat/completions", "{\"model\":\"gpt-4o\",\"messages\":[{\"content\":\"Hi\"}]}"),
				400, """
						{"error":{"message":"Missing required parameter: 'messages[0].role'.","type":"invalid_request_error",
						 "param":"messages[0].role","code":"missing_required_parameter"}}
						""");
		assertError(Http.post(server, "/chat/completions",
				"{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"robot\",\"content\":\"Hi\"}]}"), 400, """
						{"error":{"message":"Invalid value: 'robot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.",
						 "type":"invalid_request_error","param":"messages[0].role","code":"invalid_value"}}
						""");
		assertError(Http.post(server, "/completions", "{\"model\":\"gpt-3.5-turbo-instruct\"}"), 400, """
				{"error":{"message":"Missing required parameter: 'prompt'.","type":"invalid_request_error",
				 "param":"prompt","code":"missing_required_parameter"}}
				""");
	}

	@Test
	void wrongTypesAndRangesAreRefused(LocalOpenAIServer server) {
		assertError(Http.post(server, "/chat/completions", "{\"model\":42,\"messages\":[]}"), 400, """
				{"error":{"message":"Invalid type for 'model': expected a string, but got an integer instead.",
				 "type":"invalid_request_error","param":"model","code":"invalid_type"}}
				""");
		assertError(Http.post(server, "/chat/completions",
				"{\"model\":\"gpt-4o\",\"n\":0,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"), 400, """
						{"error":{"message":"Invalid 'n': integer below minimum value. Expected a value >= 1, but got 0 instead.",
						 "type":"invalid_request_error","param":"n","code":"integer_below_min_value"}}
						""");
		assertError(Http.post(server, "/chat/completions",
				"{\"model\":\"gpt-4o\",\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"),
				400, """
						{"error":{"message":"The 'stream_options' parameter is only allowed when 'stream' is enabled.",
						 "type":"invalid_request_error","param":"stream_options","code":null}}
						""");
	}

	@Test
	void malformedJsonIsA400(LocalOpenAIServer server) {
		for (String body : new String[] { "{\"model\":", "not json", "[1,2]", "" }) {
			HttpResponse<String> response = Http.post(server, "/chat/completions", body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			JsonNode error = Http.json(response).get("error");
			assertThat(error.get("message").stringValue()).startsWith("We could not parse the JSON body of your request.");
			assertThat(error.get("type").stringValue()).isEqualTo("invalid_request_error");
			assertThat(error.get("param").isNull()).isTrue();
			assertThat(error.get("code").isNull()).isTrue();
		}
	}

	@Test
	void anUnknownPathOrMethodIsAnOpenAIShaped404(LocalOpenAIServer server) {
		assertError(Http.get(server, "/nothing/here"), 404, """
				{"error":{"message":"Invalid URL (GET /v1/nothing/here)","type":"invalid_request_error","param":null,"code":null}}
				""");
		assertError(Http.get(server, "/chat/completions"), 404, """
				{"error":{"message":"Invalid URL (GET /v1/chat/completions)","type":"invalid_request_error","param":null,"code":null}}
				""");
		String outside = "http://127.0.0.1:" + server.port() + "/chat/completions";
		HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(outside))
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertError(response, 404, """
				{"error":{"message":"Invalid URL (POST /chat/completions)","type":"invalid_request_error","param":null,"code":null}}
				""");
	}

	@Test
	void anyKeyOrNoneIsAcceptedAndEveryResponseHasItsOwnRequestId(LocalOpenAIServer server) {
		String body = "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
		Set<String> ids = new HashSet<>();
		for (String key : new String[] { null, "sk-real-looking", "anything" }) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (key != null) {
				request.header("Authorization", "Bearer " + key);
			}
			HttpResponse<String> response = Http.send(request);
			assertThat(response.statusCode()).isEqualTo(200);
			ids.add(response.headers().firstValue("x-request-id").orElseThrow());
		}
		ids.add(Http.get(server, "/models").headers().firstValue("x-request-id").orElseThrow());
		ids.add(Http.get(server, "/nothing").headers().firstValue("x-request-id").orElseThrow());
		assertThat(ids).hasSize(5).allSatisfy((id) -> assertThat(id).matches("req_[0-9a-f]{32}"));
	}

	@Test
	void theClientMapsTheErrorsToItsExceptions(LocalOpenAIServer server) {
		try (OpenAIHolder holder = new OpenAIHolder(OpenAI.builder().baseUrl(server.baseUrl()).build())) {
			ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
				.model("gpt-4o")
				.addUserMessage("Hi")
				.additionalBodyProperty("n", 0)
				.build();
			assertThatExceptionOfType(BadRequestException.class)
				.isThrownBy(() -> holder.client().chat().completions().create(params))
				.satisfies((ex) -> {
					assertThat(ex.statusCode()).isEqualTo(400);
					assertThat(ex.errorParam()).isEqualTo("n");
					assertThat(ex.errorCode()).isEqualTo("integer_below_min_value");
					assertThat(ex.requestId()).matches("req_[0-9a-f]{32}");
				});
		}
	}

	/** Closes a client at the end of a try block. */
	private record OpenAIHolder(OpenAI client) implements AutoCloseable {

		@Override
		public void close() {
			this.client.close();
		}

	}

}
