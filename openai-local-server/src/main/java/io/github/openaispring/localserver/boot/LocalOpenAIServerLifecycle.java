package io.github.openaispring.localserver.boot;

import io.github.openaispring.localserver.LocalOpenAIServer;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Ties a started {@link LocalOpenAIServer} to the application: registers it as a bean that is
 * closed with the context, and closes it when the application fails to start.
 */
final class LocalOpenAIServerLifecycle implements ApplicationListener<ApplicationEvent> {

	private final LocalOpenAIServer server;

	private ConfigurableApplicationContext context;

	LocalOpenAIServerLifecycle(LocalOpenAIServer server) {
		this.server = server;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationPreparedEvent prepared && this.context == null) {
			this.context = prepared.getApplicationContext();
			ConfigurableListableBeanFactory beanFactory = this.context.getBeanFactory();
			String name = LocalOpenAIServerEnvironmentPostProcessor.BEAN_NAME;
			if (!beanFactory.containsSingleton(name)) {
				beanFactory.registerSingleton(name, this.server);
			}
			if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
				// Destroyed last (registered first), so beans still using it are gone by then.
				registry.registerDisposableBean(name, this.server::close);
			}
		}
		else if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == this.context
				&& !(this.context.getBeanFactory() instanceof DefaultSingletonBeanRegistry)) {
			this.server.close();
		}
		else if (event instanceof ApplicationFailedEvent) {
			this.server.close();
		}
	}

}
