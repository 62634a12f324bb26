package io.github.openaispring.autoconfigure.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

final class WebTestSupport {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private WebTestSupport() {
	}

	static void assertProblem(int port, String path, ProblemDetailsCase expected) throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(expected.status());
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("Retry-After")).isEqualTo(java.util.Optional.ofNullable(expected.retryAfter()));
		JsonNode problem = JsonMapper.shared().readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(expected.status());
		assertThat(problem.get("instance").asString()).isEqualTo(path);
		for (Map.Entry<String, Object> field : expected.fields().entrySet()) {
			assertThat(problem.get(field.getKey())).as(field.getKey()).isNotNull();
			assertThat(problem.get(field.getKey()).asString()).as(field.getKey()).isEqualTo(field.getValue());
		}
		if (!expected.fields().containsKey("requestId")) {
			assertThat(problem.has("requestId")).isFalse();
		}
		assertThat(response.body()).doesNotContain("sk-web-secret", "org-secret", "Incorrect API key");
	}

}
