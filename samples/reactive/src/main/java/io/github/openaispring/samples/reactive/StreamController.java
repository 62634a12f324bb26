package io.github.openaispring.samples.reactive;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.helpers.ChatCompletionAccumulator;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.ChatCompletionStreamOptions;
import io.github.openaispring.models.CompletionUsage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams an answer as Server-Sent Events straight from the {@link AsyncOpenAI} {@code Flux}: no
 * thread waits for the model. When the client goes away WebFlux cancels the subscription, and
 * the cancellation travels up to the OpenAI request, which is closed.
 */
@RestController
@RequestMapping("/api")
class StreamController {

	private static final Log logger = LogFactory.getLog(StreamController.class);

	private final AsyncOpenAI openAI;

	private final String model;

	StreamController(AsyncOpenAI openAI, @Value("${sample.chat-model}") String model) {
		this.openAI = openAI;
		this.model = model;
	}

	/**
	 * A {@code token} event per piece of the answer, then a {@code done} event with the whole
	 * answer and its usage (or a {@code failure} event). The data is JSON, not a bare string: a
	 * bare {@code data: Paris} would lose the space the token starts with, which SSE clients strip.
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream(@RequestParam String question) {
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model(this.model)
			.addUserMessage(question)
			.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
			.build();
		return Flux.defer(() -> {
			ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
			Flux<ServerSentEvent<Object>> tokens = this.openAI.chat()
				.completions()
				.createStreaming(params)
				.doOnNext(accumulator::accumulate)
				.map(StreamController::text)
				.filter((text) -> !text.isEmpty())
				.map((text) -> event("token", new Token(text)));
			Mono<ServerSentEvent<Object>> done = Mono.fromSupplier(() -> event("done", Done.of(accumulator.chatCompletion())));
			return tokens.concatWith(done);
		})
			.onErrorResume(OpenAIException.class,
					(failure) -> Mono.just(event("failure", new Failure(failure.getClass().getSimpleName(), failure.getMessage()))))
			.doOnCancel(() -> logger.info("The client went away: the OpenAI stream is cancelled"));
	}

	private static ServerSentEvent<Object> event(String name, Object data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

	private static String text(ChatCompletionChunk chunk) {
		if (chunk.choices().isEmpty()) {
			return ""; // the last chunk, which carries the usage
		}
		String content = chunk.choices().get(0).delta().content();
		return (content != null) ? content : "";
	}

	record Token(String text) {
	}

	record Failure(String type, String message) {
	}

	record Done(String answer, String model, long promptTokens, long completionTokens) {

		static Done of(ChatCompletion completion) {
			String content = completion.choices().isEmpty() ? null
					: completion.choices().get(0).message().content();
			CompletionUsage usage = completion.usage();
			return new Done((content != null) ? content : "", completion.model(),
					(usage != null) ? usage.promptTokens() : 0, (usage != null) ? usage.completionTokens() : 0);
		}

	}

}
