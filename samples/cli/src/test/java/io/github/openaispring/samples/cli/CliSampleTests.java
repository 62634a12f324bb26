package io.github.openaispring.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the command-line sample as {@code main} would (without {@code System.exit}) against the
 * embedded local server and checks what it printed.
 */
@ExtendWith(OutputCaptureExtension.class)
class CliSampleTests {

	@Test
	void runsEveryExampleInOrderAndExitsWithZero(CapturedOutput output) {
		int exitCode = CliSampleApplication.run("--openai.local-server.enabled=true",
				"--openai.local-server.stream-delay=0ms");

		assertThat(exitCode).isZero();
		String printed = output.getOut();
		assertThat(printed).containsSubsequence("OpenAI examples against http://127.0.0.1:",
				"== Completions: completions().create", "text: This is a canned completion",
				"== Chat: chat().completions().create",
				"answer: You asked: \"Explain quantum computing in simple terms\"", "usage: ",
				"== Chat, streamed: chat().completions().createStreaming",
				"streamed: You asked: \"Write a haiku about streams\"", "chunks: ",
				"== Embeddings: embeddings().create", "dimension: 1536", "first values: ",
				"== Files: files().list, files().retrieve", "upload: not in this build yet", "files: 0",
				"retrieve: file-does-not-exist -> 404 NotFoundException",
				"== Images", "skipped: not in this build yet",
				"== Audio", "skipped: not in this build yet",
				"== Moderations: moderations().create", "\"I will kill them all.\": flagged: true",
				"\"I love programming.\": flagged: false",
				"== Models: models().list, models().retrieve", "list: ", "retrieve: gpt-4o-mini, owned by",
				"== Summary: 9 examples in", "ok: 7 (Completions, Chat, Chat, streamed, Embeddings, Files, Moderations, Models)",
				"not yet: 2 (Images, Audio)");
		assertThat(printed).doesNotContain("FAILED");
	}

}
