package io.github.openaispring.autoconfigure;

import io.github.openaispring.client.OpenAI;

/**
 * Callback to change the {@link OpenAI.Builder} of an auto-configured client before it is
 * built. Every customizer bean is applied, in order, to the default client and to each named
 * client.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface OpenAIClientCustomizer {

	/**
	 * Customize the builder of a client.
	 * @param builder the builder
	 */
	void customize(OpenAI.Builder builder);

	/**
	 * Customize the builder of a client, knowing which client it is. By default, calls
	 * {@link #customize(OpenAI.Builder)}.
	 * @param clientName {@value OpenAIClientSettings#DEFAULT_NAME} for the default client, or
	 * the name of a client under {@code openai.clients}
	 * @param builder the builder
	 */
	default void customize(String clientName, OpenAI.Builder builder) {
		customize(builder);
	}

}
