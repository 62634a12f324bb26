package io.github.openaispring.localserver;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.openaispring.localserver.junit.LocalOpenAI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The files endpoints over plain HTTP, multipart uploads included. */
@LocalOpenAI
class LocalServerFileTests {

	private static final String BOUNDARY = "----local-server-test-boundary";

	private static HttpResponse<String> upload(LocalOpenAIServer server, String purpose, String filename, byte[] content) {
		List<byte[]> parts = new ArrayList<>();
		if (purpose != null) {
			parts.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		if (content != null) {
			parts.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
					+ "\"\r\nContent-Type: application/jsonl\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			parts.add(content);
			parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		parts.add(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/files"))
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.header("Authorization", "Bearer sk-local")
			.POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
	}

	@Test
	void uploadRetrieveListDownloadAndDelete(LocalOpenAIServer server) {
		// Bytes that are not UTF-8 and a line that looks like a boundary must come back unchanged.
		byte[] content = "{\"prompt\":\"a\"}\r\n--not-the-boundary\r\n\u00ff".getBytes(StandardCharsets.ISO_8859_1);
		HttpResponse<String> created = upload(server, "batch", "requests.jsonl", content);
		assertThat(created.statusCode()).isEqualTo(200);
		JsonNode file = Http.json(created);
		String id = file.get("id").stringValue();
		assertThat(id).matches("file-[A-Za-z0-9]{22}");
		assertThat(file.get("object").stringValue()).isEqualTo("file");
		assertThat(file.get("bytes").longValue()).isEqualTo(content.length);
		assertThat(file.get("filename").stringValue()).isEqualTo("requests.jsonl");
		assertThat(file.get("purpose").stringValue()).isEqualTo("batch");
		assertThat(file.get("status").stringValue()).isEqualTo("processed");
		assertThat(file.get("created_at").longValue()).isPositive();

		assertThat(Http.json(Http.get(server, "/files/" + id))).isEqualTo(file);

		HttpResponse<byte[]> download = sendBytes(server, "/files/" + id + "/content");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(content);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/jsonl");

		String second = Http.json(upload(server, "user_data", "notes.txt", "notes".getBytes(StandardCharsets.UTF_8)))
			.get("id")
			.stringValue();
		JsonNode list = Http.json(Http.get(server, "/files"));
		assertThat(list.get("object").stringValue()).isEqualTo("list");
		assertThat(ids(list)).containsSubsequence(second, id);
		assertThat(list.get("has_more").booleanValue()).isFalse();
		assertThat(ids(Http.json(Http.get(server, "/files?purpose=user_data")))).contains(second).doesNotContain(id);
		JsonNode page = Http.json(Http.get(server, "/files?order=asc&limit=1"));
		assertThat(page.get("data").size()).isEqualTo(1);
		assertThat(page.get("first_id")).isEqualTo(page.get("last_id"));

		HttpResponse<String> deleted = Http.delete(server, "/files/" + id);
		assertThat(Http.json(deleted)).isEqualTo(Http.JSON.readTree("{\"id\":\"" + id + "\",\"object\":\"file\",\"deleted\":true}"));
		assertThat(ids(Http.json(Http.get(server, "/files")))).doesNotContain(id);
		HttpResponse<String> gone = Http.get(server, "/files/" + id);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(Http.json(gone)).isEqualTo(Http.JSON.readTree("{\"error\":{\"message\":\"No such File object: " + id
				+ "\",\"type\":\"invalid_request_error\",\"param\":\"id\",\"code\":null}}"));
		assertThat(Http.delete(server, "/files/" + id).statusCode()).isEqualTo(404);
		assertThat(sendBytes(server, "/files/" + id + "/content").statusCode()).isEqualTo(404);
	}

	@Test
	void invalidUploadsAreRefused(LocalOpenAIServer server) {
		HttpResponse<String> noPurpose = upload(server, null, "a.txt", new byte[] { 1 });
		assertThat(noPurpose.statusCode()).isEqualTo(400);
		assertThat(Http.json(noPurpose).at("/error/message").stringValue()).isEqualTo("Missing required parameter: 'purpose'.");
		assertThat(Http.json(noPurpose).at("/error/param").stringValue()).isEqualTo("purpose");
		HttpResponse<String> noFile = upload(server, "batch", null, null);
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(Http.json(noFile).at("/error/param").stringValue()).isEqualTo("file");
		HttpResponse<String> badPurpose = upload(server, "anything", "a.txt", new byte[] { 1 });
		assertThat(badPurpose.statusCode()).isEqualTo(400);
		assertThat(Http.json(badPurpose).at("/error/code").stringValue()).isEqualTo("invalid_value");
		HttpResponse<String> json = Http.post(server, "/files", "{\"purpose\":\"batch\"}");
		assertThat(json.statusCode()).isEqualTo(400);
		assertThat(Http.json(json).at("/error/message").stringValue())
			.startsWith("Invalid Content-Type header (application/json), expected multipart/form-data.");
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.get("data").forEach((file) -> ids.add(file.get("id").stringValue()));
		return ids;
	}

	private static HttpResponse<byte[]> sendBytes(LocalOpenAIServer server, String path) {
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
