package io.github.openaispring.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Names the clients of a health composite: {@code default} for the default client, the name
 * under {@code openai.clients} for a named one, the bean name for any other.
 */
final class OpenAIHealthClients {

	private OpenAIHealthClients() {
	}

	static <C, H> Map<String, H> byName(ListableBeanFactory beanFactory, Class<C> type, String suffix,
			Function<C, H> indicator) {
		Map<String, H> indicators = new LinkedHashMap<>();
		beanFactory.getBeansOfType(type).forEach((bean, client) -> indicators.put(name(bean, suffix), indicator.apply(client)));
		return indicators;
	}

	private static String name(String bean, String suffix) {
		if (bean.equalsIgnoreCase(suffix)) {
			return "default";
		}
		return (bean.endsWith(suffix) && bean.length() > suffix.length())
				? bean.substring(0, bean.length() - suffix.length()) : bean;
	}

}
