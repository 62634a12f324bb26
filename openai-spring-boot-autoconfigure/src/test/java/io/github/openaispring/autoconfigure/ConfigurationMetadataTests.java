package io.github.openaispring.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the metadata the configuration processor generated, as an IDE does.
 */
class ConfigurationMetadataTests {

	private static JsonNode metadata() throws Exception {
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated configuration metadata").isNotNull();
			return JsonMapper.shared().readTree(in);
		}
	}

	@Test
	void everyPropertyHasADescription() throws Exception {
		List<String> undocumented = new ArrayList<>();
		for (JsonNode property : metadata().get("properties")) {
			JsonNode description = property.get("description");
			if (description == null || description.asString().isBlank()) {
				undocumented.add(property.get("name").asString());
			}
		}
		assertThat(undocumented).isEmpty();
	}

	@Test
	void describesEveryPropertyOfTheIssue() throws Exception {
		List<String> names = new ArrayList<>();
		metadata().get("properties").forEach((property) -> names.add(property.get("name").asString()));
		assertThat(names).contains("openai.enabled", "openai.api-key", "openai.base-url", "openai.organization",
				"openai.project", "openai.websocket-base-url", "openai.timeout", "openai.connect-timeout",
				"openai.stream-idle-timeout", "openai.max-retries", "openai.retry.initial-backoff",
				"openai.retry.max-backoff", "openai.retry.retry-after-cap", "openai.default-headers",
				"openai.proxy.host", "openai.proxy.port", "openai.pool.max-connections", "openai.clients",
				"openai.health.timeout", "openai.health.cache-time-to-live", "openai.metrics.enabled",
				"openai.web.problem-details.enabled", "management.health.openai.enabled");
	}

	@Test
	void descriptionsFollowSpringBootsRules() throws Exception {
		for (JsonNode property : metadata().get("properties")) {
			String description = property.get("description").asString();
			assertThat(description).as(property.get("name").asString()).doesNotStartWith("The ").doesNotStartWith("A ");
			if ("java.lang.Boolean".equals(property.path("type").asString())) {
				assertThat(description).as(property.get("name").asString()).startsWith("Whether");
			}
		}
	}

	@Test
	void defaultsAreDocumented() throws Exception {
		for (JsonNode property : metadata().get("properties")) {
			String name = property.get("name").asString();
			if (name.equals("openai.base-url")) {
				assertThat(property.get("defaultValue").asString()).isEqualTo("https://api.openai.com/v1");
			}
			if (name.equals("openai.max-retries")) {
				assertThat(property.get("defaultValue").asInt()).isEqualTo(2);
			}
		}
	}

}
