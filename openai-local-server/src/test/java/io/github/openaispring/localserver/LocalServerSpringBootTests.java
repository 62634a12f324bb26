package io.github.openaispring.localserver;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.openaispring.localserver.boot.LocalOpenAIServerEnvironmentPostProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code openai.local-server.enabled} in a real {@link SpringApplication}: the environment
 * variables are replaced by the test's own, so a key in the shell running the build does not
 * change the outcome.
 */
class LocalServerSpringBootTests {

	private ConfigurableApplicationContext context;

	@AfterEach
	void close() {
		if (this.context != null) {
			this.context.close();
		}
	}

	private ConfigurableApplicationContext run(Map<String, Object> environmentVariables, String... args) {
		return run(Empty.class, environmentVariables, args);
	}

	private ConfigurableApplicationContext run(Class<?> configuration, Map<String, Object> environmentVariables,
			String... args) {
		SpringApplication application = new SpringApplication(configuration);
		application.setWebApplicationType(WebApplicationType.NONE);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>(environmentVariables)));
		application.setEnvironment(environment);
		this.context = application.run(args);
		return this.context;
	}

	private static LocalOpenAIServer server(ConfigurableApplicationContext context) {
		return context.getBean(LocalOpenAIServerEnvironmentPostProcessor.BEAN_NAME, LocalOpenAIServer.class);
	}

	private static boolean started(ConfigurableApplicationContext context) {
		return context.containsBean(LocalOpenAIServerEnvironmentPostProcessor.BEAN_NAME);
	}

	@Test
	void autoStartsWithoutAKeyOrABaseUrlAndPointsTheBaseUrlAtTheServer() {
		ConfigurableApplicationContext context = run(Map.of());
		LocalOpenAIServer server = server(context);
		assertThat(server.isRunning()).isTrue();
		assertThat(context.getEnvironment().getProperty("openai.base-url")).isEqualTo(server.baseUrl())
			.matches("http://127\\.0\\.0\\.1:\\d+/v1");
		// First, after Boot's configurationProperties (a view over all the others that Boot keeps first).
		assertThat(context.getEnvironment().getPropertySources().stream().map(PropertySource::getName).toList())
			.startsWith("configurationProperties", LocalOpenAIServerEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
		assertThat(server.streamDelay()).isEqualTo(LocalOpenAIServer.DEFAULT_STREAM_DELAY);
		assertThat(Http.get(server, "/models").statusCode()).isEqualTo(200);
		context.close();
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void autoDoesNotStartWhenTheKeyIsAProperty() {
		ConfigurableApplicationContext context = run(Map.of(), "--openai.api-key=sk-configured");
		assertThat(started(context)).isFalse();
		assertThat(context.getEnvironment().getProperty("openai.base-url")).isNull();
	}

	@Test
	void autoDoesNotStartWhenTheKeyIsWrittenInCamelCase() {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<>()));
		application.setEnvironment(environment);
		application.setDefaultProperties(Map.of("openai.apiKey", "sk-camel"));
		this.context = application.run();
		assertThat(started(this.context)).isFalse();
	}

	@Test
	void autoDoesNotStartWhenTheKeyIsTheOpenAIApiKeyEnvironmentVariable() {
		assertThat(started(run(Map.of("OPENAI_API_KEY", "sk-from-the-shell")))).isFalse();
	}

	@Test
	void autoDoesNotStartWhenOnlyABaseUrlIsConfigured() {
		assertThat(started(run(Map.of("OPENAI_BASE_URL", "http://localhost:11434/v1")))).isFalse();
		this.context.close();
		ConfigurableApplicationContext context = run(Map.of(), "--openai.base-url=http://localhost:1234/v1");
		assertThat(started(context)).isFalse();
		assertThat(context.getEnvironment().getProperty("openai.base-url")).isEqualTo("http://localhost:1234/v1");
	}

	@Test
	void autoStartsWhenTheKeyIsBlank() {
		assertThat(started(run(Map.of("OPENAI_API_KEY", " ")))).isTrue();
	}

	@Test
	void trueStartsEvenWithAKeyAndItsUrlWinsOverAConfiguredOne() {
		ConfigurableApplicationContext context = run(Map.of("OPENAI_API_KEY", "sk-from-the-shell"),
				"--openai.local-server.enabled=true", "--openai.base-url=https://api.openai.com/v1");
		assertThat(context.getEnvironment().getProperty("openai.base-url")).isEqualTo(server(context).baseUrl());
	}

	@Test
	void falseNeverStarts() {
		ConfigurableApplicationContext context = run(Map.of(), "--openai.local-server.enabled=false");
		assertThat(started(context)).isFalse();
		assertThat(context.getEnvironment().getProperty("openai.base-url")).isNull();
		this.context.close();
		assertThat(started(run(Map.of("OPENAI_LOCALSERVER_ENABLED", "false")))).isFalse();
	}

	@Test
	void portAndStreamDelayAreHonoured() throws IOException {
		int port = freePort();
		ConfigurableApplicationContext context = run(Map.of(), "--openai.local-server.port=" + port,
				"--openai.local-server.stream-delay=5ms");
		LocalOpenAIServer server = server(context);
		assertThat(server.port()).isEqualTo(port);
		assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + port + "/v1");
		assertThat(server.streamDelay()).isEqualTo(Duration.ofMillis(5));
	}

	@Test
	void aFailedStartupStopsTheServer() throws IOException {
		int port = freePort();
		assertThatExceptionOfType(BeanCreationException.class)
			.isThrownBy(() -> run(Failing.class, Map.of(), "--openai.local-server.port=" + port));
		// The port is free again: the server was closed.
		try (ServerSocket socket = new ServerSocket(port)) {
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	@Configuration(proxyBeanMethods = false)
	static class Failing {

		@Bean
		String failing() {
			throw new IllegalStateException("this application does not start");
		}

	}

}
