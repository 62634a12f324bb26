package io.github.openaispring.autoconfigure;

import io.github.openaispring.client.MissingApiKeyException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a client for OpenAI's base URL that has no API key, naming the property and the
 * environment variable that set one.
 */
class MissingApiKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingApiKeyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingApiKeyException cause) {
		OpenAIClientConfigurationException client = findCause(rootFailure, OpenAIClientConfigurationException.class);
		String name = (client != null) ? client.clientName() : OpenAIClientSettings.DEFAULT_NAME;
		String prefix = (client != null) ? client.propertyPrefix() : "openai";
		String description = "The OpenAI client '" + name + "' has no API key, and one is required for its base URL "
				+ cause.baseUrl() + ".";
		String action;
		if (client != null && client.fromConnectionDetails()) {
			action = "Return an API key from the application's OpenAIConnectionDetails bean, or make it point to "
					+ "a server that needs none.";
		}
		else if (client == null || client.isDefaultClient()) {
			action = "Set the property 'openai.api-key' or the environment variable OPENAI_API_KEY. To use a local "
					+ "OpenAI-compatible server that needs no key, set 'openai.base-url' (OPENAI_BASE_URL) to its URL.";
		}
		else {
			action = "Set the property '" + prefix + ".api-key', or set '" + prefix
					+ ".base-url' to a server that needs no key. A named client with a base URL of its own does not "
					+ "inherit 'openai.api-key'.";
		}
		return new FailureAnalysis(description, action, cause);
	}

}
