package io.github.openaispring.localserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls to a local server, for what the typed client does not show. */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private Http() {
	}

	static HttpResponse<String> post(LocalOpenAIServer server, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer sk-anything")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	static HttpResponse<String> get(LocalOpenAIServer server, String path) {
		return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET());
	}

	static HttpResponse<String> delete(LocalOpenAIServer server, String path) {
		return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).DELETE());
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
