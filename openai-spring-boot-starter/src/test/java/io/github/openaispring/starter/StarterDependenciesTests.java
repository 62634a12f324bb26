package io.github.openaispring.starter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What adding the starter brings to an application's runtime classpath, read from the tree the
 * build writes ({@code target/runtime-dependency-tree.txt}, {@code dependency:tree} with the
 * runtime scope): printed, so a change shows in the build log, and checked against what the
 * README promises.
 */
class StarterDependenciesTests {

	private static final Pattern ARTIFACT = Pattern.compile("([\\w.-]+):([\\w.-]+):jar:([\\w.-]+):(compile|runtime)");

	@Test
	void theStarterBringsTheClientOnJackson3AndReactorNettyAndNothingItShouldNot() throws IOException {
		String tree = Files.readString(Path.of("target/runtime-dependency-tree.txt"));
		System.out.println("Runtime dependencies of the starter:\n" + tree);
		Map<String, String> versions = artifacts(tree);
		assertThat(versions).containsKeys("io.github.openaispring:openai-client-core",
				"io.github.openaispring:openai-spring-boot-autoconfigure",
				"org.springframework.boot:spring-boot-starter-webclient", "org.springframework:spring-webflux",
				"io.projectreactor.netty:reactor-netty-http", "tools.jackson.core:jackson-databind",
				// Boot 4 no longer manages Spring Retry: the project pins it.
				"org.springframework.retry:spring-retry");
		assertThat(versions.keySet()).as("no Jackson 2 databind, no Kotlin, no servlet stack, no test library")
			.noneMatch((artifact) -> artifact.equals("com.fasterxml.jackson.core:jackson-databind")
					|| artifact.startsWith("org.jetbrains.kotlin:") || artifact.contains("tomcat")
					|| artifact.startsWith("org.springframework.boot:spring-boot-starter-web:")
					|| artifact.startsWith("org.wiremock") || artifact.startsWith("org.junit")
					|| artifact.startsWith("org.mockito") || artifact.startsWith("org.assertj"));
		assertThat(versions.keySet().stream().filter((artifact) -> artifact.startsWith("ch.qos.logback:logback-classic")
				|| artifact.startsWith("org.apache.logging.log4j:log4j-core") || artifact.startsWith("org.slf4j:slf4j-simple")))
			.as("one logging implementation, Boot's default, as Boot's own starters bring")
			.containsExactly("ch.qos.logback:logback-classic");
	}

	private static Map<String, String> artifacts(String tree) {
		Map<String, String> versions = new LinkedHashMap<>();
		for (String line : List.of(tree.split("\n"))) {
			Matcher artifact = ARTIFACT.matcher(line);
			if (artifact.find()) {
				String key = artifact.group(1) + ":" + artifact.group(2);
				String earlier = versions.putIfAbsent(key, artifact.group(3));
				assertThat(earlier).as(key + " in one version").isIn(null, artifact.group(3));
			}
		}
		return versions;
	}

}
