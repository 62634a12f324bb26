package io.github.openaispring.samples.cli;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Runs the seed's examples once ({@link SeedExamples}) and exits: 0 when every example worked.
 */
@SpringBootApplication
public class CliSampleApplication {

	public static void main(String[] args) {
		System.exit(run(args));
	}

	/**
	 * Run the examples, close the application and return its exit code.
	 * @param args the command-line arguments
	 * @return the exit code
	 */
	static int run(String... args) {
		return SpringApplication.exit(SpringApplication.run(CliSampleApplication.class, args));
	}

}
