package io.github.openaispring.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.client.OpenAI;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ReflectionUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of a bean for each top-level resource of
 * the API, taken from the one default {@link OpenAI} (and {@link AsyncOpenAI}) bean, so that
 * an application can inject only the resource it uses ({@code ChatService},
 * {@code EmbeddingServiceAsync}, ...). The beans follow one rule rather than a list: every
 * accessor of the client that returns a resource ({@code chat()}, {@code embeddings()}, ...) is
 * a bean named {@code openai<Type>} ({@code openaiChatService}), unless the application defines
 * a bean of that type. A resource the client gains needs no Spring code.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = OpenAIAutoConfiguration.class)
@ConditionalOnClass(OpenAI.class)
public final class OpenAIResourcesAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(OpenAI.class)
	@Import(BlockingResources.class)
	static class BlockingResourcesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(AsyncOpenAI.class)
	@Import(AsyncResources.class)
	static class AsyncResourcesConfiguration {

	}

	static final class BlockingResources extends ResourceBeans {

		BlockingResources() {
			super(OpenAI.class, "Service");
		}

	}

	static final class AsyncResources extends ResourceBeans {

		AsyncResources() {
			super(AsyncOpenAI.class, "ServiceAsync");
		}

	}

	/**
	 * Registers the resources of one client type: its public accessors without parameters whose
	 * type is a resource service ({@code <Name>Service} or {@code <Name>ServiceAsync}), each
	 * taken from the client bean when first asked for.
	 */
	abstract static class ResourceBeans implements ImportBeanDefinitionRegistrar, BeanFactoryAware {

		private final Class<?> clientType;

		private final String serviceSuffix;

		private ListableBeanFactory beanFactory;

		ResourceBeans(Class<?> clientType, String serviceSuffix) {
			this.clientType = clientType;
			this.serviceSuffix = serviceSuffix;
		}

		@Override
		public void setBeanFactory(BeanFactory beanFactory) {
			this.beanFactory = (ListableBeanFactory) beanFactory;
		}

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			for (Method accessor : accessors()) {
				Class<?> type = accessor.getReturnType();
				// As @ConditionalOnMissingBean: the application's own bean of the type wins.
				if (this.beanFactory.getBeanNamesForType(type, true, false).length == 0) {
					registry.registerBeanDefinition("openai" + type.getSimpleName(), definition(type, accessor));
				}
			}
		}

		private <T> RootBeanDefinition definition(Class<T> type, Method accessor) {
			return new RootBeanDefinition(type,
					() -> type.cast(ReflectionUtils.invokeMethod(accessor, this.beanFactory.getBean(this.clientType))));
		}

		/** The resource accessors of the client type, by name, so that beans register in a stable order. */
		List<Method> accessors() {
			String servicesPackage = "io.github.openaispring.services.";
			return Arrays.stream(this.clientType.getMethods())
				.filter((method) -> method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()))
				.filter((method) -> method.getReturnType().getName().startsWith(servicesPackage)
						&& method.getReturnType().getEnclosingClass() == null
						&& method.getReturnType().getSimpleName().endsWith(this.serviceSuffix))
				.sorted(Comparator.comparing(Method::getName))
				.toList();
		}

	}

}
