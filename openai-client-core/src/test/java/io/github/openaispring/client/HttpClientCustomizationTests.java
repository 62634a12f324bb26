package io.github.openaispring.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.models.Model;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Reactor Netty {@code HttpClient} under the client: responses with large headers read by
 * default, and the builder's hook applied to the client's own connector. A JDK server answers,
 * since it sends headers of any size (WireMock's Jetty caps them).
 */
class HttpClientCustomizationTests {

	/** Over Reactor Netty's default limit of 8 KiB, as some gateways' cookies and policy headers are. */
	private static final String LARGE = "x".repeat(20 * 1024);

	private static final String MODEL = "{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}";

	private HttpServer server;

	private final Map<String, String> received = new ConcurrentHashMap<>();

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/models/gpt-4o", (exchange) -> {
			exchange.getRequestHeaders().forEach((name, values) -> this.received.put(name.toLowerCase(), values.get(0)));
			byte[] body = MODEL.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("x-gateway-policy", LARGE);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	private OpenAI.Builder client() {
		return OpenAI.builder().baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1").apiKey("sk-test");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void responseHeadersOverEightKilobytesAreRead(boolean async) {
		try (OpenAI client = client().build()) {
			RawResponse<Model> response = Calls.call(async,
					() -> client.withRawResponse().models().retrieve("gpt-4o"),
					() -> client.async().withRawResponse().models().retrieve("gpt-4o"));
			assertThat(response.header("x-gateway-policy")).isEqualTo(LARGE);
			assertThat(response.parse().id()).isEqualTo("gpt-4o");
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theHookIsAppliedToTheClientsOwnConnector(boolean async) {
		// Back to Reactor Netty's own limit: the same response then fails, so the hook reached
		// the connector the client uses.
		try (OpenAI client = client()
			.httpClientCustomizer((httpClient) -> httpClient.httpResponseDecoder((spec) -> spec.maxHeaderSize(8192)))
			.maxRetries(0)
			.build()) {
			assertThatExceptionOfType(APIConnectionException.class).isThrownBy(() -> Calls.call(async,
					() -> client.models().retrieve("gpt-4o"), () -> client.async().models().retrieve("gpt-4o")));
		}
	}

	@Test
	void customizersApplyInTheOrderTheyWereAdded() {
		try (OpenAI client = client()
			.httpClientCustomizer((httpClient) -> httpClient.headers((headers) -> headers.set("x-layer", "first")))
			.httpClientCustomizer((httpClient) -> httpClient
				.headers((headers) -> headers.set("x-layer", headers.get("x-layer") + ",second")))
			.build()) {
			client.models().retrieve("gpt-4o");
		}
		assertThat(List.of(this.received.get("x-layer"))).containsExactly("first,second");
	}

}
