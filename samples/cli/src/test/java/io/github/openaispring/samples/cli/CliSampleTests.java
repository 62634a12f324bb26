package io.github.openaispring.samples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the command-line sample as {@code main} would (without {@code System.exit}) against the
 * embedded local server and checks what it printed and the files it wrote.
 */
@ExtendWith(OutputCaptureExtension.class)
class CliSampleTests {

	private static final String SPOKEN = "Hello world! This is a test of the OpenAI text-to-speech API.";

	@TempDir
	Path dir;

	@Test
	void runsEveryExampleInOrderAndExitsWithZero(CapturedOutput output) throws IOException {
		int exitCode = CliSampleApplication.run("--openai.local-server.enabled=true",
				"--openai.local-server.stream-delay=0ms", "--cli.output-dir=" + this.dir);

		assertThat(exitCode).isZero();
		String printed = output.getOut();
		assertThat(printed).containsSubsequence("OpenAI examples against http://127.0.0.1:",
				"== Completions: completions().create", "text: This is a canned completion",
				"== Chat: chat().completions().create",
				"answer: You asked: \"Explain quantum computing in simple terms\"", "usage: ",
				"== Chat, streamed: chat().completions().createStreaming",
				"streamed: You asked: \"Write a haiku about streams\"", "chunks: ",
				"== Embeddings: embeddings().create", "dimension: 1536", "first values: ",
				"== Files: files().create, list, retrieveContent, delete", "upload: file-",
				" training_data.jsonl, ", " bytes, purpose fine-tune", "list: 1: file-",
				"content: 2 lines, the first {\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}",
				"delete: file-", " deleted: true", "retrieve: the deleted file -> 404 NotFoundException: No such File object: file-",
				"== Images: images().generate, edit", "generated: " + this.dir.resolve("landscape.png") + ", ",
				"revised prompt: A serene mountain landscape at sunset",
				"edited: " + this.dir.resolve("landscape-rainbow.png") + ", ",
				"== Audio: audio().speech(), transcriptions(), translations()",
				"speech: " + this.dir.resolve("output.mp3") + ", ", "transcription: " + SPOKEN,
				"translation: " + SPOKEN, "== Moderations: moderations().create",
				"\"I will kill them all.\": flagged: true", "\"I love programming.\": flagged: false",
				"== Models: models().list, models().retrieve", "list: ", "retrieve: gpt-4, created 2023-",
				", owned by openai", "== Summary: 9 examples in",
				"ok: 9 (Completions, Chat, Chat, streamed, Embeddings, Files, Images, Audio, Moderations, Models)");
		assertThat(printed).doesNotContain("FAILED", "not yet");
		assertThat(printedSize(printed, "upload")).isEqualTo(Files.size(this.dir.resolve("training_data.jsonl")));
		for (String file : new String[] { "landscape.png", "landscape-rainbow.png" }) {
			assertThat(printedSize(printed, file)).isEqualTo(Files.size(this.dir.resolve(file))).isPositive();
			assertThat(Files.readAllBytes(this.dir.resolve(file))).startsWith(0x89, 'P', 'N', 'G');
		}
		assertThat(printedSize(printed, "output.mp3")).isEqualTo(Files.size(this.dir.resolve("output.mp3")))
			.isGreaterThan(1000);
	}

	/** The number of bytes printed on the line that mentions a label or file. */
	private static long printedSize(String printed, String about) {
		Matcher matcher = Pattern.compile(Pattern.quote(about) + "[^\\n]*?, (\\d+) bytes").matcher(printed);
		assertThat(matcher.find()).as("a size printed for " + about).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
