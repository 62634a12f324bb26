package io.github.openaispring.autoconfigure;

import io.github.openaispring.client.InvalidBaseUrlException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a malformed base URL, naming the property and the environment variable that set
 * it.
 */
class InvalidBaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBaseUrlException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidBaseUrlException cause) {
		OpenAIClientConfigurationException client = findCause(rootFailure, OpenAIClientConfigurationException.class);
		String name = (client != null) ? client.clientName() : OpenAIClientSettings.DEFAULT_NAME;
		String description = "The base URL of the OpenAI client '" + name + "' is not valid: " + cause.getMessage()
				+ ".";
		String action;
		if (client != null && client.fromConnectionDetails()) {
			action = "Return an absolute http or https URL, such as https://api.openai.com/v1, from the "
					+ "application's OpenAIConnectionDetails bean.";
		}
		else if (client == null || client.isDefaultClient()) {
			action = "Review the value of the property 'openai.base-url' and of the environment variable "
					+ "OPENAI_BASE_URL: it must be an absolute http or https URL without query or fragment, such as "
					+ "https://api.openai.com/v1.";
		}
		else {
			action = "Review the value of the property '" + client.propertyPrefix()
					+ ".base-url': it must be an absolute http or https URL without query or fragment, such as "
					+ "http://localhost:11434/v1.";
		}
		return new FailureAnalysis(description, action, cause);
	}

}
