package io.github.openaispring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Adapts {@link OpenAIProperties} to {@link OpenAIConnectionDetails}.
 */
final class PropertiesOpenAIConnectionDetails implements OpenAIConnectionDetails {

	private final OpenAIProperties properties;

	PropertiesOpenAIConnectionDetails(OpenAIProperties properties) {
		this.properties = properties;
	}

	@Override
	public String baseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public @Nullable String apiKey() {
		return this.properties.getApiKey();
	}

	@Override
	public @Nullable String organization() {
		return this.properties.getOrganization();
	}

	@Override
	public @Nullable String project() {
		return this.properties.getProject();
	}

	@Override
	public String toString() {
		return "PropertiesOpenAIConnectionDetails{baseUrl=" + baseUrl() + ", apiKey="
				+ ((apiKey() != null) ? "****" : "none") + "}";
	}

}
