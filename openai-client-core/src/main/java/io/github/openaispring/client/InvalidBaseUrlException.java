package io.github.openaispring.client;

import io.github.openaispring.errors.OpenAIException;

/**
 * The base URL a client was given is not an absolute {@code http} or {@code https} URL.
 *
 * @since 0.1.0
 */
public class InvalidBaseUrlException extends OpenAIException {

	private static final long serialVersionUID = 1L;

	/** The base URL that was refused. */
	private final String baseUrl;

	/**
	 * Create the exception.
	 * @param baseUrl the base URL that was refused
	 * @param reason why
	 */
	public InvalidBaseUrlException(String baseUrl, String reason) {
		super("Invalid base URL '" + baseUrl + "': " + reason);
		this.baseUrl = baseUrl;
	}

	/**
	 * Return the base URL that was rejected.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

}
