package io.github.openaispring.autoconfigure;

import java.util.Map;

import io.github.openaispring.client.ClientOptions;
import io.github.openaispring.client.OpenAI;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precedence of the four environment variables: command line, then OS environment, then
 * {@code application.yml}, the same for all four.
 */
class OpenAIEnvironmentPostProcessorTests {

	private static final Map<String, Object> VARIABLES = Map.of("OPENAI_API_KEY", "key-env", "OPENAI_BASE_URL",
			"http://env:1/v1", "OPENAI_ORG_ID", "org-env", "OPENAI_PROJECT_ID", "proj-env");

	private static final Map<String, Object> FILE = Map.of("openai.api-key", "key-file", "openai.base-url",
			"http://file:1/v1", "openai.organization", "org-file", "openai.project", "proj-file");

	@Test
	void environmentVariablesWinOverApplicationConfiguration() {
		OpenAIProperties properties = bind(environment(VARIABLES, FILE));
		assertThat(properties.getApiKey()).isEqualTo("key-env");
		assertThat(properties.getBaseUrl()).isEqualTo("http://env:1/v1");
		assertThat(properties.getOrganization()).isEqualTo("org-env");
		assertThat(properties.getProject()).isEqualTo("proj-env");
	}

	@Test
	void commandLineWinsOverEnvironmentVariables() {
		StandardEnvironment environment = environment(VARIABLES, FILE);
		environment.getPropertySources()
			.addFirst(new SimpleCommandLinePropertySource("--openai.api-key=key-cli", "--openai.base-url=http://cli:1/v1",
					"--openai.organization=org-cli", "--openai.project=proj-cli"));
		OpenAIProperties properties = bind(environment);
		assertThat(properties.getApiKey()).isEqualTo("key-cli");
		assertThat(properties.getBaseUrl()).isEqualTo("http://cli:1/v1");
		assertThat(properties.getOrganization()).isEqualTo("org-cli");
		assertThat(properties.getProject()).isEqualTo("proj-cli");
	}

	@Test
	void applicationConfigurationAppliesWhenNoVariableIsSet() {
		OpenAIProperties properties = bind(environment(Map.of(), FILE));
		assertThat(properties.getApiKey()).isEqualTo("key-file");
		assertThat(properties.getBaseUrl()).isEqualTo("http://file:1/v1");
		assertThat(properties.getOrganization()).isEqualTo("org-file");
		assertThat(properties.getProject()).isEqualTo("proj-file");
	}

	@Test
	void variablesAloneConfigureTheClient() {
		new ApplicationContextRunner()
			.withInitializer(FakeEnvironment.of("OPENAI_API_KEY", "key-env", "OPENAI_BASE_URL", "http://env:1/v1",
					"OPENAI_ORG_ID", "org-env", "OPENAI_PROJECT_ID", "proj-env"))
			.withConfiguration(AutoConfigurations.of(OpenAIAutoConfiguration.class))
			.run((context) -> {
				ClientOptions options = context.getBean(OpenAI.class).options();
				assertThat(options.apiKey()).isEqualTo("key-env");
				assertThat(options.baseUrl()).isEqualTo("http://env:1/v1");
				assertThat(options.organization()).isEqualTo("org-env");
				assertThat(options.project()).isEqualTo("proj-env");
			});
	}

	@Test
	void blankVariableIsIgnored() {
		OpenAIProperties properties = bind(environment(Map.of("OPENAI_ORG_ID", " "), FILE));
		assertThat(properties.getOrganization()).isEqualTo("org-file");
	}

	@Test
	void readsTheSystemEnvironmentSourceThatReplacesTheOriginal() {
		StandardEnvironment environment = environment(Map.of("OPENAI_ORG_ID", "org-old"), FILE);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("OPENAI_ORG_ID", "org-new")));
		assertThat(bind(environment).getOrganization()).isEqualTo("org-new");
	}

	@Test
	void sitsRightAfterTheSystemEnvironment() {
		StandardEnvironment environment = environment(VARIABLES, FILE);
		assertThat(environment.getPropertySources().stream().map((source) -> source.getName()))
			.containsSubsequence(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					OpenAIEnvironmentPostProcessor.PROPERTY_SOURCE_NAME, "application.yml");
		assertThat(environment.getPropertySources()
			.precedenceOf(environment.getPropertySources().get(OpenAIEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)))
			.isEqualTo(environment.getPropertySources()
				.precedenceOf(environment.getPropertySources()
					.get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) + 1);
	}

	@Test
	void isRegisteredAsAnEnvironmentPostProcessor() {
		assertThat(SpringFactoriesLoader.loadFactoryNames(org.springframework.boot.EnvironmentPostProcessor.class,
				null))
			.contains(OpenAIEnvironmentPostProcessor.class.getName());
	}

	private static StandardEnvironment environment(Map<String, Object> variables, Map<String, Object> file) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							variables));
		environment.getPropertySources().remove(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addLast(new MapPropertySource("application.yml", file));
		new OpenAIEnvironmentPostProcessor().postProcessEnvironment(environment, null);
		return environment;
	}

	private static OpenAIProperties bind(StandardEnvironment environment) {
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment).bindOrCreate("openai", OpenAIProperties.class);
	}

}
