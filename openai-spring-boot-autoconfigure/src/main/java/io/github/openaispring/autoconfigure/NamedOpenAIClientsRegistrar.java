package io.github.openaispring.autoconfigure;

import java.util.Collections;
import java.util.Map;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.client.OpenAI;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.Assert;

/**
 * Registers a client per entry of {@code openai.clients}: an {@link OpenAI} bean named
 * {@code <name>OpenAI} and an {@link AsyncOpenAI} bean named {@code <name>AsyncOpenAI}, both
 * qualified by the name ({@code @Qualifier("<name>")}). They are not default candidates, so an
 * injection point without a qualifier still gets the default client.
 */
final class NamedOpenAIClientsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private @Nullable Environment environment;

	private @Nullable BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		Assert.state(this.environment != null && this.beanFactory != null, "Environment and bean factory are required");
		BeanFactory beanFactory = this.beanFactory;
		Map<String, OpenAIProperties.Client> clients = Binder.get(this.environment)
			.bind("openai.clients", Bindable.mapOf(String.class, OpenAIProperties.Client.class))
			.orElse(Collections.emptyMap());
		clients.forEach((name, client) -> {
			Assert.state(!OpenAIClientSettings.DEFAULT_NAME.equals(name),
					"'openai.clients.default' is not allowed: the default client is configured with 'openai.*'");
			String clientBean = name + "OpenAI";
			String asyncBean = name + "AsyncOpenAI";
			if (!client.isEnabled() || registry.containsBeanDefinition(clientBean)) {
				return;
			}
			RootBeanDefinition sync = definition(OpenAI.class, name,
					() -> beanFactory.getBean(OpenAIClientFactory.class).createNamed(name));
			sync.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
			registry.registerBeanDefinition(clientBean, sync);
			if (!registry.containsBeanDefinition(asyncBean)) {
				registry.registerBeanDefinition(asyncBean, definition(AsyncOpenAI.class, name,
						() -> beanFactory.getBean(clientBean, OpenAI.class).async()));
			}
		});
	}

	private static <T> RootBeanDefinition definition(Class<T> type, String name, java.util.function.Supplier<T> supplier) {
		RootBeanDefinition definition = new RootBeanDefinition(type, supplier);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		definition.setDefaultCandidate(false);
		return definition;
	}

}
