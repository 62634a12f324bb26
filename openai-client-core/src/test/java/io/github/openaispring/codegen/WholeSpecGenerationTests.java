package io.github.openaispring.codegen;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch that widens generation to the whole specification keeps working: every operation
 * and schema of the specification generates, and the result compiles against the client's
 * runtime. (Run {@code ./mvnw verify -Dopenai.generate.all=true} to also run the round-trip
 * and contract tests over the whole specification.)
 */
class WholeSpecGenerationTests {

	@Test
	void wholeSpecificationGeneratesAndCompiles() throws IOException {
		Path base = Path.of(System.getProperty("openai.whole.spec.dir", "target/whole-spec"));
		Path sources = base.resolve("generated").resolve("openai");
		Path classes = base.resolve("classes");
		Generator.main(new String[] { "--spec=" + System.getProperty("openai.spec"),
				"--scope=" + System.getProperty("openai.scope"), "--all=true", "--out=" + sources });
		Files.createDirectories(classes);
		List<File> files;
		try (Stream<Path> paths = Files.walk(sources)) {
			files = paths.filter((path) -> path.toString().endsWith(".java")).map(Path::toFile).toList();
		}
		assertThat(files).hasSizeGreaterThan(1500);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter diagnostics = new StringWriter();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
			List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-classpath",
					System.getProperty("openai.test.classpath"), "-d", classes.toString());
			boolean compiled = compiler
				.getTask(diagnostics, fileManager, null, options, null, fileManager.getJavaFileObjectsFromFiles(files))
				.call();
			assertThat(compiled).as("compilation of the whole specification:%n%s", diagnostics).isTrue();
		}
	}

}
