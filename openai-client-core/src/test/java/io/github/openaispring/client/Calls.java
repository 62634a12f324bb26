package io.github.openaispring.client;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import reactor.core.publisher.Mono;

/**
 * Runs one call through the blocking or the reactive client, so that a test written once covers
 * both.
 */
final class Calls {

	static final Duration WAIT = Duration.ofSeconds(10);

	private Calls() {
	}

	/**
	 * Run a call on the blocking client, or its reactive twin, waited for.
	 * @param <T> the result type
	 * @param async whether to use the reactive client
	 * @param sync the blocking call
	 * @param reactive the reactive call
	 * @return the result
	 */
	static <T> T call(boolean async, Supplier<T> sync, Supplier<Mono<T>> reactive) {
		return async ? reactive.get().block(WAIT) : sync.get();
	}

	/**
	 * Return a client of the WireMock server with a key, an organization and a project.
	 * @param wireMock the server
	 * @return the client
	 */
	static OpenAI client(WireMockRuntimeInfo wireMock) {
		return OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.organization("org-1")
			.project("proj-1")
			.maxRetries(0)
			.build();
	}

}
