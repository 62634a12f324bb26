package io.github.openaispring.samples.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import io.github.openaispring.client.StreamResponse;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.helpers.ChatCompletionAccumulator;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.ChatCompletionStreamOptions;
import io.github.openaispring.models.CompletionUsage;
import io.github.openaispring.services.blocking.ChatService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Answers a question whole ({@code GET /api/answer}) or streamed token by token as Server-Sent
 * Events ({@code GET /api/stream}), with the blocking {@link ChatService}.
 * <p>
 * An OpenAI error that escapes {@link #answer} becomes an RFC 9457 problem detail (the starter's
 * error translation); the stream reports it as a {@code failure} event instead, since its status
 * is already sent.
 */
@RestController
@RequestMapping("/api")
class ChatController {

	private static final Log logger = LogFactory.getLog(ChatController.class);

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(5);

	private final ChatService chat;

	private final AsyncTaskExecutor executor;

	private final String model;

	ChatController(ChatService chat, @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor,
			@Value("${sample.model}") String model) {
		this.chat = chat;
		this.executor = executor;
		this.model = model;
	}

	@GetMapping("/answer")
	Answer answer(@RequestParam String question) {
		ChatCompletion completion = this.chat.completions().create(params(question).build());
		return Answer.of(question, completion);
	}

	/**
	 * Stream the answer: a {@code token} event per piece of text, then one {@code done} event
	 * with the whole answer (or a {@code failure} event), then the end of the response.
	 * <p>
	 * The OpenAI stream is read on a task executor's thread and closed as soon as a write to the
	 * browser fails (it went away, or the emitter timed out), which ends the upstream request:
	 * nothing keeps reading, or paying for, an answer nobody receives.
	 */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestParam String question) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		this.executor.execute(() -> relay(question, emitter));
		return emitter;
	}

	private void relay(String question, SseEmitter emitter) {
		ChatCompletionCreateParams params = params(question)
			.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
			.build();
		ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
		try (StreamResponse<ChatCompletionChunk> chunks = this.chat.completions().createStreaming(params)) {
			Iterator<ChatCompletionChunk> iterator = chunks.iterator();
			while (iterator.hasNext()) {
				ChatCompletionChunk chunk = iterator.next();
				accumulator.accumulate(chunk);
				String text = text(chunk);
				if (!text.isEmpty() && !send(emitter, "token", new Token(text))) {
					// Returning closes the OpenAI stream, which cancels the upstream request.
					logger.info("The browser went away: the OpenAI stream is closed");
					return;
				}
			}
			if (send(emitter, "done", Answer.of(question, accumulator.chatCompletion()))) {
				emitter.complete();
			}
		}
		catch (OpenAIException failure) {
			if (send(emitter, "failure", new Failure(failure.getClass().getSimpleName(), failure.getMessage()))) {
				emitter.complete();
			}
		}
		catch (RuntimeException ex) {
			emitter.completeWithError(ex);
		}
	}

	/**
	 * Send one event, as JSON.
	 * @return {@code false} if the browser is gone or the emitter is already done (timed out)
	 */
	private static boolean send(SseEmitter emitter, String name, Object data) {
		try {
			emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException gone) {
			return false;
		}
	}

	private ChatCompletionCreateParams.Builder params(String question) {
		return ChatCompletionCreateParams.builder()
			.model(this.model)
			.addSystemMessage("You are a helpful assistant. Answer in a few sentences.")
			.addUserMessage(question);
	}

	private static String text(ChatCompletionChunk chunk) {
		List<ChatCompletionChunk.Choice> choices = chunk.choices();
		if (choices.isEmpty()) {
			return ""; // the last chunk, which carries the usage
		}
		String content = choices.get(0).delta().content();
		return (content != null) ? content : "";
	}

	/** One piece of the answer, as JSON so that its leading whitespace survives. */
	record Token(String text) {
	}

	record Failure(String type, String message) {
	}

	record Answer(String question, String answer, String model, long promptTokens, long completionTokens) {

		static Answer of(String question, ChatCompletion completion) {
			String content = completion.choices().isEmpty() ? null
					: completion.choices().get(0).message().content();
			CompletionUsage usage = completion.usage();
			return new Answer(question, (content != null) ? content : "", completion.model(),
					(usage != null) ? usage.promptTokens() : 0, (usage != null) ? usage.completionTokens() : 0);
		}

	}

}
