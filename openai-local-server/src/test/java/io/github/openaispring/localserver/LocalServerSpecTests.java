package io.github.openaispring.localserver;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.openaispring.localserver.junit.LocalOpenAI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of response, validated against its schema in the official OpenAPI description. */
@LocalOpenAI
class LocalServerSpecTests {

	private static void assertValid(String schema, JsonNode value) {
		assertThat(SpecSchemas.get().validate(schema, value)).as(schema + ": " + value).isEmpty();
	}

	@Test
	void theValidatorRejectsAWrongShape() {
		assertThat(SpecSchemas.get().validate("Model", Http.JSON.readTree("{\"id\":\"x\",\"object\":\"model\"}")))
			.isNotEmpty();
		assertThat(SpecSchemas.get().validate("ErrorResponse", Http.JSON.readTree("{\"error\":{\"message\":\"m\"}}")))
			.isNotEmpty();
	}

	@Test
	void chatCompletionsAndChunks(LocalOpenAIServer server) {
		String messages = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";
		assertValid("CreateChatCompletionResponse",
				Http.json(Http.post(server, "/chat/completions", "{\"model\":\"gpt-4o\",\"n\":2," + messages + "}")));
		String stream = Http.post(server, "/chat/completions", "{\"model\":\"gpt-4o\",\"stream\":true,"
				+ "\"stream_options\":{\"include_usage\":true}," + messages + "}").body();
		List<String> events = List.of(stream.split("\n\n"));
		assertThat(events).hasSizeGreaterThan(3);
		for (String event : events.subList(0, events.size() - 1)) {
			assertValid("CreateChatCompletionStreamResponse", Http.JSON.readTree(event.substring("data: ".length())));
		}
	}

	@Test
	void completions(LocalOpenAIServer server) {
		assertValid("CreateCompletionResponse", Http.json(Http.post(server, "/completions",
				"{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":[\"a\",\"b\"],\"max_tokens\":3}")));
		String stream = Http.post(server, "/completions",
				"{\"model\":\"gpt-3.5-turbo-instruct\",\"prompt\":\"a\",\"stream\":true}").body();
		for (String event : List.of(stream.split("\n\n"))) {
			if (!event.equals("data: [DONE]")) {
				// The spec reuses the whole response for stream events, whose finish_reason is null until
				// the last one (as the real API sends it): that one difference is allowed.
				JsonNode chunk = Http.JSON.readTree(event.substring("data: ".length()));
				for (JsonNode choice : chunk.get("choices")) {
					if (choice.get("finish_reason").isNull()) {
						((ObjectNode) choice).put("finish_reason", "stop");
					}
				}
				assertValid("CreateCompletionResponse", chunk);
			}
		}
	}

	@Test
	void embeddingsModerationsAndModels(LocalOpenAIServer server) {
		assertValid("CreateEmbeddingResponse", Http.json(Http.post(server, "/embeddings",
				"{\"model\":\"text-embedding-3-small\",\"input\":[\"a\",\"b\"],\"dimensions\":8}")));
		assertValid("CreateModerationResponse", Http.json(Http.post(server, "/moderations",
				"{\"input\":[\"I will kill you\",\"hello\"]}")));
		assertValid("CreateModerationResponse", Http.json(Http.post(server, "/moderations",
				"{\"input\":[{\"type\":\"text\",\"text\":\"gore\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x\"}}]}")));
		assertValid("ListModelsResponse", Http.json(Http.get(server, "/models")));
		assertValid("Model", Http.json(Http.get(server, "/models/gpt-4o")));
	}

	@Test
	void files(LocalOpenAIServer server) {
		String boundary = "spec-test";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nuser_data\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--"
				+ boundary + "--\r\n";
		HttpResponse<String> created = Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/files"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
		assertValid("OpenAIFile", Http.json(created));
		String id = Http.json(created).get("id").stringValue();
		assertValid("OpenAIFile", Http.json(Http.get(server, "/files/" + id)));
		assertValid("ListFilesResponse", Http.json(Http.get(server, "/files")));
		assertValid("DeleteFileResponse", Http.json(Http.delete(server, "/files/" + id)));
	}

	@Test
	void errors(LocalOpenAIServer server) {
		assertValid("ErrorResponse", Http.json(Http.post(server, "/chat/completions", "{}")));
		assertValid("ErrorResponse", Http.json(Http.post(server, "/chat/completions", "{\"model\":\"gpt-4o\"}")));
		assertValid("ErrorResponse", Http.json(Http.get(server, "/models/nope")));
		assertValid("ErrorResponse", Http.json(Http.get(server, "/files/nope")));
		assertValid("ErrorResponse", Http.json(Http.get(server, "/nope")));
	}

}
