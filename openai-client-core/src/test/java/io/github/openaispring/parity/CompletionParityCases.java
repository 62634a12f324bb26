package io.github.openaispring.parity;

import java.util.List;

import io.github.openaispring.models.ChatCompletionStreamOptions;
import io.github.openaispring.models.CompletionCreateParams;

/** The twin of {@code cases/completions.mjs}. */
final class CompletionParityCases implements ParityGroup {

	@Override
	public String name() {
		return "completions";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("completions.create/string-prompt", (client) -> client.completions()
			.create(CompletionCreateParams.builder()
				.model("gpt-3.5-turbo-instruct")
				.prompt("Write a short poem about programming")
				.maxTokens(150)
				.temperature(0.7)
				.topP(0.9)
				.n(1)
				.stop(List.of("\n\n", "END"))
				.putLogitBias("50256", -100L)
				.logprobs(2)
				.echo(false)
				.presencePenalty(0.5)
				.frequencyPenalty(0.25)
				.bestOf(1)
				.seed(42)
				.suffix(" -- fin")
				.user("user-1234")
				.build())),
				new ParityCase("completions.create/token-prompts", (client) -> client.completions()
					.create(CompletionCreateParams.builder()
						.model("gpt-3.5-turbo-instruct")
						.promptOfArrayOfArraysOfIntegers(List.of(List.of(1212L, 318L, 257L), List.of(1332L, 13L)))
						.stop("STOP")
						.maxTokens(16)
						.build())),
				new ParityCase("completions.create/string-array-prompt", (client) -> client.completions()
					.create(CompletionCreateParams.builder()
						.model("gpt-3.5-turbo-instruct")
						.prompt(List.of("Say this", "and that"))
						.build())),
				new ParityCase("completions.create/streaming", (client) -> Drain.stream(client.completions()
					.createStreaming(CompletionCreateParams.builder()
						.model("gpt-3.5-turbo-instruct")
						.prompt("Say hello")
						.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
						.maxTokens(5)
						.build()))));
	}

}
