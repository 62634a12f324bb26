package io.github.openaispring.samples.chat;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A chat page and REST API on Spring MVC. Without {@code OPENAI_API_KEY} the answers come from
 * the local OpenAI-compatible server (the {@code openai-local-server} dependency); with it, from
 * OpenAI.
 */
@SpringBootApplication
public class ChatSampleApplication {

	private static final Log logger = LogFactory.getLog(ChatSampleApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(ChatSampleApplication.class, args);
	}

	/**
	 * Print the address of the page once the application is ready.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> printUrl() {
		return (event) -> {
			Environment environment = event.getApplicationContext().getEnvironment();
			String port = environment.getProperty("local.server.port", "8080");
			String path = environment.getProperty("server.servlet.context-path", "");
			logger.info("Open http://localhost:" + port + path + "/ to chat; answers come from "
					+ environment.getProperty("openai.base-url") + " (health: http://localhost:" + port + path
					+ "/actuator/health)");
		};
	}

}
