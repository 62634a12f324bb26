package io.github.openaispring.localserver.junit;

import java.time.Duration;
import java.util.Optional;

import io.github.openaispring.localserver.LocalOpenAIServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link LocalOpenAI}: starts a {@link LocalOpenAIServer} before the
 * test class's tests, resolves parameters of type {@code LocalOpenAIServer}, and closes the
 * server after the class. A {@code @Nested} class uses its enclosing class's server. Registered
 * with {@code @ExtendWith} alone (without {@link LocalOpenAI}), it uses a random port and no
 * stream delay; on a single test method, the server lives for that method.
 *
 * @since 0.1.0
 */
public class LocalOpenAIServerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(LocalOpenAIServerExtension.class);

	private static final String SERVER = "server";

	@Override
	public void beforeAll(ExtensionContext context) {
		server(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		// Close only the server this class started; an enclosing class closes its own.
		Object own = context.getStore(NAMESPACE).remove(SERVER);
		if (own instanceof LocalOpenAIServer server) {
			server.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
			throws ParameterResolutionException {
		return parameterContext.getParameter().getType() == LocalOpenAIServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
			throws ParameterResolutionException {
		return server(extensionContext);
	}

	/**
	 * Return the server of a test context: the one this context or an enclosing one started, or a
	 * new one started now and closed with this context.
	 * @param context the context
	 * @return the running server
	 */
	private static LocalOpenAIServer server(ExtensionContext context) {
		LocalOpenAIServer server = context.getStore(NAMESPACE).get(SERVER, LocalOpenAIServer.class);
		if (server != null) {
			return server;
		}
		LocalOpenAI settings = settings(context).orElse(null);
		LocalOpenAIServer started = LocalOpenAIServer.builder()
			.port((settings != null) ? settings.port() : 0)
			.streamDelay(Duration.ofMillis((settings != null) ? settings.streamDelayMillis() : 0))
			.build()
			.start();
		// The store closes it (it is AutoCloseable) when the context ends, if afterAll did not.
		context.getStore(NAMESPACE).put(SERVER, started);
		return started;
	}

	private static Optional<LocalOpenAI> settings(ExtensionContext context) {
		Optional<LocalOpenAI> onMethod = context.getTestMethod()
			.flatMap((method) -> AnnotationSupport.findAnnotation(method, LocalOpenAI.class));
		if (onMethod.isPresent()) {
			return onMethod;
		}
		for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent(); current = current.get()
			.getParent()) {
			Optional<LocalOpenAI> onClass = current.get()
				.getTestClass()
				.flatMap((type) -> AnnotationSupport.findAnnotation(type, LocalOpenAI.class));
			if (onClass.isPresent()) {
				return onClass;
			}
		}
		return Optional.empty();
	}

}
