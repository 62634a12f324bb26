package io.github.openaispring.autoconfigure;

import reactor.netty.http.client.HttpClient;

/**
 * Callback to change the Reactor Netty {@link HttpClient} of an auto-configured client: Netty
 * options, a wiretap, a resolver, or SSL beyond what {@code openai.ssl.bundle} sets. Every
 * customizer bean is applied, in order, to the default client and to each named client, after the
 * client's own settings (pool, connect timeout, proxy, SSL bundle, a response header limit of
 * 64 KiB).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface OpenAIHttpClientCustomizer {

	/**
	 * Customize the HTTP client of a client.
	 * @param httpClient the HTTP client
	 * @return the customized HTTP client (Reactor Netty's clients are immutable)
	 */
	HttpClient customize(HttpClient httpClient);

	/**
	 * Customize the HTTP client of a client, knowing which client it is. By default, calls
	 * {@link #customize(HttpClient)}.
	 * @param clientName {@value OpenAIClientSettings#DEFAULT_NAME} for the default client, or
	 * the name of a client under {@code openai.clients}
	 * @param httpClient the HTTP client
	 * @return the customized HTTP client
	 */
	default HttpClient customize(String clientName, HttpClient httpClient) {
		return customize(httpClient);
	}

}
