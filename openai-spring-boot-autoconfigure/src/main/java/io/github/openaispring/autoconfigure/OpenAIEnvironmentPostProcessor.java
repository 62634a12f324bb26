package io.github.openaispring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Maps the environment variables of OpenAI's SDKs that Spring Boot's relaxed binding does not
 * bind by itself, {@code OPENAI_ORG_ID} and {@code OPENAI_PROJECT_ID}, to
 * {@code openai.organization} and {@code openai.project}. The mapping is a property source
 * placed right after the system environment, so all four variables rank the same way
 * ({@code OPENAI_API_KEY} and {@code OPENAI_BASE_URL} bind by relaxed binding): below the
 * command line and system properties, above {@code application.properties} and
 * {@code application.yml}. It reads the variables from the environment's own system
 * environment property source, never from {@link System#getenv()}.
 */
final class OpenAIEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The name of the property source. */
	static final String PROPERTY_SOURCE_NAME = "openaiEnvironmentVariables";

	private static final Map<String, String> VARIABLES;

	static {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("openai.organization", "OPENAI_ORG_ID");
		variables.put("openai.project", "OPENAI_PROJECT_ID");
		VARIABLES = variables;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		MutablePropertySources sources = environment.getPropertySources();
		if (sources.contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		VariablesPropertySource variables = new VariablesPropertySource(sources);
		if (sources.contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
		}
		else {
			sources.addLast(variables);
		}
	}

	/**
	 * Reads the variables from the system environment source each time, so that a source that
	 * replaces it later (as Spring Boot does, and as tests do) is the one read.
	 */
	static final class VariablesPropertySource extends EnumerablePropertySource<MutablePropertySources> {

		VariablesPropertySource(MutablePropertySources sources) {
			super(PROPERTY_SOURCE_NAME, sources);
		}

		@Override
		public String[] getPropertyNames() {
			return VARIABLES.keySet().stream().filter((name) -> getProperty(name) != null).toArray(String[]::new);
		}

		@Override
		public @Nullable Object getProperty(String name) {
			String variable = VARIABLES.get(name);
			if (variable == null) {
				return null;
			}
			PropertySource<?> environment = getSource().get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
			if (environment == null) {
				return null;
			}
			Object value = environment.getProperty(variable);
			return (value instanceof String text && !text.isBlank()) ? text : null;
		}

	}

}
