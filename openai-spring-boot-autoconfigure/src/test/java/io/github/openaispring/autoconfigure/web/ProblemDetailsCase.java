package io.github.openaispring.autoconfigure.web;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import org.jspecify.annotations.Nullable;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * One upstream failure and the problem detail the application's caller must get for it.
 */
record ProblemDetailsCase(String name, ResponseDefinitionBuilder upstream, int status, @Nullable String retryAfter,
		Map<String, Object> fields) {

	static final String ERROR_400 = "{\"error\":{\"message\":\"Invalid value for 'temperature'\","
			+ "\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"invalid_value\"}}";

	static ProblemDetailsCase[] all() {
		return new ProblemDetailsCase[] {
				new ProblemDetailsCase("429 -> 429 with Retry-After",
						json(429, "{\"error\":{\"message\":\"Rate limit reached for org-secret\",\"type\":\"requests\"}}")
							.withHeader("retry-after", "7"),
						429, "7", Map.of("requestId", "req-1", "detail",
								"The AI service is limiting the rate of requests; try again later.")),
				new ProblemDetailsCase("429 with retry-after-ms -> whole seconds",
						json(429, "{}").withHeader("retry-after-ms", "1500"), 429, "2", Map.of("requestId", "req-1")),
				new ProblemDetailsCase("500 -> 502", json(500, "{\"error\":{\"message\":\"boom\"}}"), 502, null,
						Map.of("requestId", "req-1", "detail", "The AI service failed (500).")),
				new ProblemDetailsCase("503 -> 502", json(503, "unavailable"), 502, null,
						Map.of("requestId", "req-1", "detail", "The AI service failed (503).")),
				new ProblemDetailsCase("connection failure -> 502",
						aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), 502, null,
						Map.of("detail", "The AI service could not be reached.")),
				new ProblemDetailsCase("timeout -> 504", json(200, "{}").withFixedDelay(3000), 504, null,
						Map.of("detail", "The AI service did not answer in time.")),
				new ProblemDetailsCase("401 -> 502",
						json(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"),
						502, null, Map.of("requestId", "req-1", "detail",
								"The AI service rejected this server's credentials (401).")),
				new ProblemDetailsCase("403 -> 502", json(403, "{\"error\":{\"message\":\"Country not supported\"}}"),
						502, null, Map.of("requestId", "req-1", "detail",
								"The AI service rejected this server's credentials (403).")),
				new ProblemDetailsCase("400 -> 400 with message, param and code", json(400, ERROR_400), 400, null,
						Map.of("requestId", "req-1", "detail", "Invalid value for 'temperature'", "param",
								"temperature", "code", "invalid_value")),
				new ProblemDetailsCase("422 -> 400",
						json(422, "{\"error\":{\"message\":\"Unprocessable\",\"param\":\"input\"}}"), 400, null,
						Map.of("requestId", "req-1", "detail", "Unprocessable", "param", "input")) };
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req-1")
			.withBody(body);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
