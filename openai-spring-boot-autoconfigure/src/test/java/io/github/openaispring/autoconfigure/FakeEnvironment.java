package io.github.openaispring.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Replaces the process environment of a test context with given variables, so that tests
 * neither read nor depend on the real {@code OPENAI_*} variables of the machine.
 */
public final class FakeEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private final Map<String, Object> variables;

	private FakeEnvironment(Map<String, Object> variables) {
		this.variables = variables;
	}

	public static FakeEnvironment empty() {
		return new FakeEnvironment(Collections.emptyMap());
	}

	public static FakeEnvironment of(String... namesAndValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			variables.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return new FakeEnvironment(variables);
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, this.variables));
		new OpenAIEnvironmentPostProcessor().postProcessEnvironment(context.getEnvironment(), null);
	}

}
