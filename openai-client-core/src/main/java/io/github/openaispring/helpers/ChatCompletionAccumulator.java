package io.github.openaispring.helpers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionMessageToolCall;
import io.github.openaispring.models.ChatCompletionMessageToolCallChunk;
import io.github.openaispring.models.ChatCompletionModeration;
import io.github.openaispring.models.ChatCompletionResponseMessage;
import io.github.openaispring.models.ChatCompletionStreamResponseDelta;
import io.github.openaispring.models.ChatCompletionTokenLogprob;
import io.github.openaispring.models.CompletionUsage;
import io.github.openaispring.models.ServiceTier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Folds the chunks of a streamed chat completion into the {@link ChatCompletion} the same
 * request would have returned unstreamed.
 * <ul>
 * <li>{@code id}, {@code model} and {@code created} come from the first chunk that has them
 * (some servers open with a chunk whose id and model are empty); {@code service_tier},
 * {@code system_fingerprint}, {@code moderation} and {@code usage} from the last chunk that
 * has them. With {@code stream_options.include_usage} the last chunk has no choices and
 * carries the usage of the whole request.</li>
 * <li>For each choice, by its {@code index}: the role (default {@code assistant}); the
 * {@code content} and {@code refusal} fragments concatenated ({@code null} when none came);
 * the {@code finish_reason}; the {@code logprobs} of content and refusal tokens appended.</li>
 * <li>Tool calls, by their {@code index} within the choice: {@code id}, {@code type} (default
 * {@code function}) and the function's {@code name} are taken from the first fragment that
 * has them, and the {@code arguments} fragments are concatenated. The deprecated
 * {@code function_call} is folded the same way.</li>
 * </ul>
 * <pre class="code">
 * ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
 * try (StreamResponse&lt;ChatCompletionChunk&gt; stream = client.chat().completions().createStreaming(params)) {
 *     stream.stream().forEach((chunk) -&gt; {
 *         accumulator.accumulate(chunk);
 *         // show the chunk as it arrives
 *     });
 * }
 * ChatCompletion completion = accumulator.chatCompletion();
 *
 * Mono&lt;ChatCompletion&gt; completion = ChatCompletionAccumulator.accumulate(
 *         asyncClient.chat().completions().createStreaming(params));
 * </pre>
 * An accumulator is not thread-safe: feed it the chunks of one stream, in order, as a stream
 * delivers them.
 *
 * @since 0.1.0
 */
public final class ChatCompletionAccumulator {

	private @Nullable String id;

	private @Nullable String model;

	private @Nullable Long created;

	private @Nullable ServiceTier serviceTier;

	private @Nullable String systemFingerprint;

	private @Nullable ChatCompletionModeration moderation;

	private @Nullable CompletionUsage usage;

	private final Map<Long, ChoiceState> choices = new TreeMap<>();

	private ChatCompletionAccumulator() {
	}

	/**
	 * Return a new, empty accumulator.
	 * @return the accumulator
	 */
	public static ChatCompletionAccumulator create() {
		return new ChatCompletionAccumulator();
	}

	/**
	 * Fold the chunks of a stream into its completion, once the stream completes. Each
	 * subscription accumulates on its own.
	 * @param chunks the chunks, such as {@code createStreaming} of the reactive client returns
	 * @return the completion; an error if the stream fails, or ends before every choice has
	 * its {@code finish_reason}
	 */
	public static Mono<ChatCompletion> accumulate(Flux<ChatCompletionChunk> chunks) {
		return chunks.reduceWith(ChatCompletionAccumulator::create, ChatCompletionAccumulator::accumulate)
			.map(ChatCompletionAccumulator::chatCompletion);
	}

	/**
	 * Fold one chunk in.
	 * @param chunk the next chunk of the stream
	 * @return this accumulator
	 */
	@SuppressWarnings("deprecation")
	public ChatCompletionAccumulator accumulate(ChatCompletionChunk chunk) {
		if (isEmpty(this.id)) {
			this.id = chunk.id();
		}
		if (isEmpty(this.model)) {
			this.model = chunk.model();
		}
		if (this.created == null || this.created == 0) {
			this.created = chunk.created();
		}
		this.serviceTier = latest(chunk.serviceTier(), this.serviceTier);
		this.systemFingerprint = latest(chunk.systemFingerprint(), this.systemFingerprint);
		this.moderation = latest(chunk.moderation(), this.moderation);
		this.usage = latest(chunk.usage(), this.usage);
		for (ChatCompletionChunk.Choice choice : chunk.choices()) {
			this.choices.computeIfAbsent(choice.index(), ChoiceState::new).accumulate(choice);
		}
		return this;
	}

	/**
	 * Return the completion accumulated so far. Call it when the stream has ended: until every
	 * choice has its {@code finish_reason} there is no complete completion.
	 * @return the completion
	 * @throws io.github.openaispring.errors.OpenAIException if no chunk was accumulated, or a choice has no
	 * {@code finish_reason} yet
	 */
	@SuppressWarnings("deprecation")
	public ChatCompletion chatCompletion() {
		if (this.id == null || this.model == null || this.created == null) {
			throw new OpenAIException("No chat completion chunk was accumulated");
		}
		List<ChatCompletion.Choice> choices = new ArrayList<>(this.choices.size());
		for (ChoiceState choice : this.choices.values()) {
			choices.add(choice.toChoice());
		}
		ChatCompletion.Builder completion = ChatCompletion.builder()
			.id(this.id)
			.model(this.model)
			.created(this.created)
			.choices(choices);
		if (this.serviceTier != null) {
			completion.serviceTier(this.serviceTier);
		}
		if (this.systemFingerprint != null) {
			completion.systemFingerprint(this.systemFingerprint);
		}
		if (this.moderation != null) {
			completion.moderation(this.moderation);
		}
		if (this.usage != null) {
			completion.usage(this.usage);
		}
		return completion.build();
	}

	private static boolean isEmpty(@Nullable String value) {
		return value == null || value.isEmpty();
	}

	private static <T> @Nullable T latest(@Nullable T value, @Nullable T previous) {
		return (value != null) ? value : previous;
	}

	private static @Nullable StringBuilder append(@Nullable StringBuilder text, @Nullable String fragment) {
		if (fragment == null) {
			return text;
		}
		return ((text != null) ? text : new StringBuilder()).append(fragment);
	}

	private static @Nullable String text(@Nullable StringBuilder text) {
		return (text != null) ? text.toString() : null;
	}

	/** What has arrived of one choice. */
	private static final class ChoiceState {

		private final long index;

		private @Nullable String role;

		private @Nullable StringBuilder content;

		private @Nullable StringBuilder refusal;

		private @Nullable String finishReason;

		private boolean hasLogprobs;

		private @Nullable List<ChatCompletionTokenLogprob> contentLogprobs;

		private @Nullable List<ChatCompletionTokenLogprob> refusalLogprobs;

		private final Map<Long, ToolCallState> toolCalls = new TreeMap<>();

		private @Nullable String functionName;

		private @Nullable StringBuilder functionArguments;

		ChoiceState(long index) {
			this.index = index;
		}

		void accumulate(ChatCompletionChunk.Choice choice) {
			ChatCompletionStreamResponseDelta delta = choice.delta();
			if (this.role == null && delta.role() != null) {
				this.role = delta.role().asString();
			}
			this.content = append(this.content, delta.content());
			this.refusal = append(this.refusal, delta.refusal());
			for (ChatCompletionMessageToolCallChunk toolCall : delta.toolCalls()) {
				this.toolCalls.computeIfAbsent(toolCall.index(), (index) -> new ToolCallState()).accumulate(toolCall);
			}
			ChatCompletionStreamResponseDelta.FunctionCall functionCall = delta.functionCall();
			if (functionCall != null) {
				if (this.functionName == null) {
					this.functionName = functionCall.name();
				}
				this.functionArguments = append((this.functionArguments != null) ? this.functionArguments
						: new StringBuilder(), functionCall.arguments());
			}
			if (choice.finishReason() != null) {
				this.finishReason = choice.finishReason().asString();
			}
			ChatCompletionChunk.Choice.Logprobs logprobs = choice.logprobs();
			if (logprobs != null) {
				this.hasLogprobs = true;
				this.contentLogprobs = appendAll(this.contentLogprobs, logprobs.content());
				this.refusalLogprobs = appendAll(this.refusalLogprobs, logprobs.refusal());
			}
		}

		private static @Nullable List<ChatCompletionTokenLogprob> appendAll(
				@Nullable List<ChatCompletionTokenLogprob> list, List<ChatCompletionTokenLogprob> more) {
			if (more.isEmpty()) {
				return list;
			}
			List<ChatCompletionTokenLogprob> result = (list != null) ? list : new ArrayList<>();
			result.addAll(more);
			return result;
		}

		ChatCompletion.Choice toChoice() {
			if (this.finishReason == null) {
				throw new OpenAIException("Choice " + this.index
						+ " has no finish_reason yet: the stream has not ended, or ended early");
			}
			ChatCompletionResponseMessage.Builder message = ChatCompletionResponseMessage.builder()
				.role((this.role != null) ? this.role : "assistant")
				.content(text(this.content))
				.refusal(text(this.refusal));
			for (ToolCallState toolCall : this.toolCalls.values()) {
				message.addCall(toolCall.toToolCall());
			}
			if (this.functionArguments != null) {
				message.functionCall(ChatCompletionResponseMessage.FunctionCall.builder()
					.name((this.functionName != null) ? this.functionName : "")
					.arguments(this.functionArguments.toString())
					.build());
			}
			ChatCompletion.Choice.Logprobs logprobs = null;
			if (this.hasLogprobs) {
				logprobs = ChatCompletion.Choice.Logprobs.builder()
					.content(this.contentLogprobs)
					.refusal(this.refusalLogprobs)
					.build();
			}
			return ChatCompletion.Choice.builder()
				.index(this.index)
				.finishReason(this.finishReason)
				.message(message.build())
				.logprobs(logprobs)
				.build();
		}

	}

	/** What has arrived of one tool call. */
	private static final class ToolCallState {

		private @Nullable String id;

		private @Nullable String type;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

		void accumulate(ChatCompletionMessageToolCallChunk toolCall) {
			if (isEmpty(this.id)) {
				this.id = toolCall.id();
			}
			if (isEmpty(this.type)) {
				this.type = toolCall.type();
			}
			ChatCompletionMessageToolCallChunk.Function function = toolCall.function();
			if (function != null) {
				if (isEmpty(this.name)) {
					this.name = function.name();
				}
				if (function.arguments() != null) {
					this.arguments.append(function.arguments());
				}
			}
		}

		ChatCompletionMessageToolCall toToolCall() {
			return ChatCompletionMessageToolCall.builder()
				.id((this.id != null) ? this.id : "")
				.type(!isEmpty(this.type) ? this.type : "function")
				.function(ChatCompletionMessageToolCall.Function.builder()
					.name((this.name != null) ? this.name : "")
					.arguments(this.arguments.toString())
					.build())
				.build();
		}

	}

}
