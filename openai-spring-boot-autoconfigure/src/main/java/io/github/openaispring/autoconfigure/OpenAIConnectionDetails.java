package io.github.openaispring.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the default OpenAI client connects and as whom. Defined from the {@code openai.*}
 * properties unless the application (or a test, or a local test server) defines a bean of
 * this type, which then wins over the properties.
 *
 * @since 0.1.0
 */
public interface OpenAIConnectionDetails extends ConnectionDetails {

	/**
	 * Return the base URL of the API, such as {@code https://api.openai.com/v1}.
	 * @return the base URL
	 */
	String baseUrl();

	/**
	 * Return the API key.
	 * @return the key, or {@code null} to send none (allowed for a base URL other than
	 * OpenAI's)
	 */
	@Nullable String apiKey();

	/**
	 * Return the organization sent as {@code OpenAI-Organization}.
	 * @return the organization, or {@code null}
	 */
	default @Nullable String organization() {
		return null;
	}

	/**
	 * Return the project sent as {@code OpenAI-Project}.
	 * @return the project, or {@code null}
	 */
	default @Nullable String project() {
		return null;
	}

}
