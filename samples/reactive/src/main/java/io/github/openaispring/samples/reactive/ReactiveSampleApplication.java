package io.github.openaispring.samples.reactive;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code AsyncOpenAI} on WebFlux: a streamed answer and a small semantic search. Without
 * {@code OPENAI_API_KEY} the local OpenAI-compatible server answers.
 */
@SpringBootApplication
public class ReactiveSampleApplication {

	private static final Log logger = LogFactory.getLog(ReactiveSampleApplication.class);

	public static void main(String[] args) {
		SpringApplication.run(ReactiveSampleApplication.class, args);
	}

	/**
	 * Print what to try once the application is ready.
	 */
	@Bean
	ApplicationListener<ApplicationReadyEvent> printUrl() {
		return (event) -> {
			Environment environment = event.getApplicationContext().getEnvironment();
			String url = "http://localhost:" + environment.getProperty("local.server.port", "8081");
			logger.info("Open " + url + "/api/stream?question=Hello to see a streamed answer (answers come from "
					+ environment.getProperty("openai.base-url") + "). Semantic search: curl -H 'Content-Type: "
					+ "application/json' -d '{\"text\":\"Cats sleep on warm mats\"}' " + url + "/api/documents, then "
					+ url + "/api/search?q=where+do+cats+sleep");
		};
	}

}
