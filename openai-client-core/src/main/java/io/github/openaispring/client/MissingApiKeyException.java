package io.github.openaispring.client;

import io.github.openaispring.errors.OpenAIException;

/**
 * A client for OpenAI's own base URL was built without an API key. A key may be left out only
 * for another base URL, such as a local OpenAI-compatible server's.
 *
 * @since 0.1.0
 */
public class MissingApiKeyException extends OpenAIException {

	private static final long serialVersionUID = 1L;

	/** The base URL a key is missing for. */
	private final String baseUrl;

	/**
	 * Create the exception.
	 * @param baseUrl the base URL a key is missing for
	 */
	public MissingApiKeyException(String baseUrl) {
		super("No API key: set one with OpenAI.builder().apiKey(..) or the OPENAI_API_KEY environment variable "
				+ "(with OpenAI.fromEnv()); a key may be left out only for a base URL other than OpenAI's");
		this.baseUrl = baseUrl;
	}

	/**
	 * Return the base URL the client was built for.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

}
