package io.github.openaispring.localserver.boot;

import java.util.Map;

import io.github.openaispring.localserver.LocalOpenAIServer;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts a {@link LocalOpenAIServer} while Spring Boot prepares the environment, when
 * {@code openai.local-server.enabled} says so (see {@link LocalOpenAIServerProperties}), and
 * points {@code openai.base-url} at it so that the OpenAI client auto-configuration talks to it.
 * <p>
 * The URL is added as the <em>first</em> property source, named
 * {@value #PROPERTY_SOURCE_NAME}: with {@code enabled=true} the local server wins over an
 * {@code openai.base-url} set anywhere else (a real key in the shell does not send a test to the
 * real API); with {@code auto} nothing else set a base URL, so precedence does not matter. The
 * server is registered as the bean {@value #BEAN_NAME} and stopped when the context closes (or
 * when the application fails to start).
 * <p>
 * It runs after the config data processor (it is ordered last), so {@code application.yml} and
 * profiles are taken into account. Registered in {@code META-INF/spring.factories}.
 *
 * @since 0.1.0
 */
public class LocalOpenAIServerEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** The name of the property source that holds {@code openai.base-url}. */
	public static final String PROPERTY_SOURCE_NAME = "openaiLocalServer";

	/** The name of the {@link LocalOpenAIServer} bean. */
	public static final String BEAN_NAME = "localOpenAIServer";

	static final String BASE_URL = "openai.base-url";

	static final String API_KEY = "openai.api-key";

	private final Log logger;

	/**
	 * Create the post-processor; Spring Boot calls it.
	 * @param logFactory where its log goes once logging is set up
	 */
	public LocalOpenAIServerEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(LocalOpenAIServerEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		Binder binder = Binder.get(environment);
		LocalOpenAIServerProperties properties = binder
			.bind(LocalOpenAIServerProperties.PREFIX, Bindable.of(LocalOpenAIServerProperties.class))
			.orElseGet(LocalOpenAIServerProperties::new);
		if (!shouldStart(properties.getEnabled(), binder, environment)) {
			return;
		}
		LocalOpenAIServer server = LocalOpenAIServer.builder()
			.port(properties.getPort())
			.streamDelay(properties.getStreamDelay())
			.build()
			.start();
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(BASE_URL, server.baseUrl())));
		application.addListeners(new LocalOpenAIServerLifecycle(server));
		this.logger.info("Started a local OpenAI-compatible server on " + server.baseUrl() + " (openai.local-server."
				+ "enabled=" + properties.getEnabled().name().toLowerCase(java.util.Locale.ROOT) + "); set OPENAI_API_KEY to use the real API");
	}

	/**
	 * Return whether to start: always for {@code true}, never for {@code false}, and for
	 * {@code auto} when neither an API key nor a base URL is configured.
	 */
	static boolean shouldStart(LocalOpenAIServerProperties.Mode mode, Binder binder, ConfigurableEnvironment environment) {
		return switch (mode) {
			case TRUE -> true;
			case FALSE -> false;
			case AUTO -> !configured(API_KEY, "OPENAI_API_KEY", binder, environment)
					&& !configured(BASE_URL, "OPENAI_BASE_URL", binder, environment);
		};
	}

	/**
	 * Return whether a property has a non-blank value, by its canonical name with relaxed binding
	 * (so {@code openai.apiKey} and the {@code OPENAI_API_KEY} environment variable count) or by
	 * its environment variable's name in any property source.
	 */
	private static boolean configured(String name, String variable, Binder binder, ConfigurableEnvironment environment) {
		String bound = binder.bind(name, String.class).orElse(null);
		if (bound != null && !bound.isBlank()) {
			return true;
		}
		String value = environment.getProperty(variable);
		return value != null && !value.isBlank();
	}

}
