package io.github.openaispring.localserver;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /chat/completions} and {@code POST /completions}: canned answers, whole or
 * streamed word by word.
 */
final class CompletionEndpoints {

	private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

	private static final String FINGERPRINT = "fp_local";

	private final LocalOpenAIServer server;

	CompletionEndpoints(LocalOpenAIServer server) {
		this.server = server;
	}

	void chat(Exchange exchange) throws IOException {
		JsonNode body = exchange.json();
		String model = Fields.model(body);
		Conversation conversation = messages(body);
		int n = (int) Fields.integer(body, "n", 1, 128, 1);
		long limit = maxTokens(body, "max_completion_tokens", "max_tokens");
		boolean stream = Fields.bool(body, "stream", false);
		boolean includeUsage = includeUsage(body, stream);

		Answer answer = Answer.of(CannedText.answer(conversation.question()), limit);
		int promptTokens = 3;
		for (String text : conversation.texts()) {
			promptTokens += CannedText.count(text) + 3;
		}
		Map<String, Object> usage = usage(promptTokens, n * answer.pieces().size());
		String id = Ids.alphanumeric("chatcmpl-", 29);
		long created = Instant.now().getEpochSecond();

		if (!stream) {
			List<Object> choices = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Map<String, Object> message = new LinkedHashMap<>();
				message.put("role", "assistant");
				message.put("content", answer.text());
				message.put("refusal", null);
				message.put("annotations", List.of());
				Map<String, Object> choice = new LinkedHashMap<>();
				choice.put("index", i);
				choice.put("message", message);
				choice.put("logprobs", null);
				choice.put("finish_reason", answer.finishReason());
				choices.add(choice);
			}
			Map<String, Object> completion = head(id, "chat.completion", created, model);
			completion.put("choices", choices);
			completion.put("usage", usage);
			completion.put("service_tier", "default");
			completion.put("system_fingerprint", FINGERPRINT);
			exchange.sendJson(200, completion);
			return;
		}
		this.server.stream(exchange, (events, pacer) -> {
			for (int i = 0; i < n; i++) {
				Map<String, Object> delta = new LinkedHashMap<>();
				delta.put("role", "assistant");
				delta.put("content", "");
				delta.put("refusal", null);
				events.send(chatChunk(id, created, model, i, delta, null, includeUsage));
			}
			for (String piece : answer.pieces()) {
				pacer.pause();
				for (int i = 0; i < n; i++) {
					events.send(chatChunk(id, created, model, i, Map.of("content", piece), null, includeUsage));
				}
			}
			for (int i = 0; i < n; i++) {
				events.send(chatChunk(id, created, model, i, Map.of(), answer.finishReason(), includeUsage));
			}
			if (includeUsage) {
				Map<String, Object> last = head(id, "chat.completion.chunk", created, model);
				last.put("service_tier", "default");
				last.put("system_fingerprint", FINGERPRINT);
				last.put("choices", List.of());
				last.put("usage", usage);
				events.send(last);
			}
			events.done();
		});
	}

	private static Map<String, Object> chatChunk(String id, long created, String model, int index,
			Map<String, Object> delta, String finishReason, boolean includeUsage) {
		Map<String, Object> choice = new LinkedHashMap<>();
		choice.put("index", index);
		choice.put("delta", delta);
		choice.put("logprobs", null);
		choice.put("finish_reason", finishReason);
		Map<String, Object> chunk = head(id, "chat.completion.chunk", created, model);
		chunk.put("service_tier", "default");
		chunk.put("system_fingerprint", FINGERPRINT);
		chunk.put("choices", List.of(choice));
		if (includeUsage) {
			chunk.put("usage", null);
		}
		return chunk;
	}

	/** The text of each message, validated as the real API does for roles and content. */
	private static Conversation messages(JsonNode body) {
		JsonNode messages = Fields.required(body, "messages");
		if (!messages.isArray()) {
			throw ApiException.invalidType("messages", "an array", Fields.kind(messages));
		}
		if (messages.isEmpty()) {
			throw ApiException.invalidRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, "
					+ "but got an empty array instead.", "messages", "empty_array");
		}
		List<String> texts = new ArrayList<>();
		String question = null;
		for (int i = 0; i < messages.size(); i++) {
			String at = "messages[" + i + "]";
			JsonNode message = messages.get(i);
			if (!message.isObject()) {
				throw ApiException.invalidType(at, "an object", Fields.kind(message));
			}
			if (!Fields.present(message, "role")) {
				throw ApiException.missing(at + ".role");
			}
			JsonNode role = message.get("role");
			if (!role.isString() || !ROLES.contains(role.stringValue())) {
				throw ApiException.invalidRequest("Invalid value: '" + (role.isString() ? role.stringValue() : role)
						+ "'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.",
						at + ".role", "invalid_value");
			}
			if (!role.stringValue().equals("assistant") && !Fields.present(message, "content")) {
				throw ApiException.missing(at + ".content");
			}
			String text = text(message.get("content"));
			texts.add(text);
			if (role.stringValue().equals("user")) {
				question = text;
			}
		}
		return new Conversation(texts, (question != null) ? question : texts.get(texts.size() - 1));
	}

	/** The text of every message, and the question: the last user message's text. */
	private record Conversation(List<String> texts, String question) {

	}

	/** A message's text: a string, or the text parts of an array of content parts. */
	private static String text(JsonNode content) {
		if (content == null || content.isNull()) {
			return "";
		}
		if (content.isString()) {
			return content.stringValue();
		}
		StringBuilder text = new StringBuilder();
		if (content.isArray()) {
			for (JsonNode part : content) {
				JsonNode partText = part.get("text");
				if (partText != null && partText.isString()) {
					text.append((text.length() > 0) ? "\n" : "").append(partText.stringValue());
				}
			}
		}
		return text.toString();
	}

	void text(Exchange exchange) throws IOException {
		JsonNode body = exchange.json();
		String model = Fields.model(body);
		List<String> prompts = prompts(Fields.required(body, "prompt"));
		int n = (int) Fields.integer(body, "n", 1, 128, 1);
		long limit = maxTokens(body, "max_tokens", "max_tokens");
		boolean echo = Fields.bool(body, "echo", false);
		boolean stream = Fields.bool(body, "stream", false);
		boolean includeUsage = includeUsage(body, stream);

		List<Answer> answers = new ArrayList<>();
		int promptTokens = 0;
		int completionTokens = 0;
		for (String prompt : prompts) {
			Answer answer = Answer.of(CannedText.completion(prompt), limit);
			answers.add(answer);
			promptTokens += CannedText.count(prompt);
			completionTokens += n * answer.pieces().size();
		}
		Map<String, Object> usage = usage(promptTokens, completionTokens);
		String id = Ids.alphanumeric("cmpl-", 29);
		long created = Instant.now().getEpochSecond();

		if (!stream) {
			List<Object> choices = new ArrayList<>();
			for (int p = 0; p < prompts.size(); p++) {
				for (int i = 0; i < n; i++) {
					String text = (echo ? prompts.get(p) : "") + answers.get(p).text();
					choices.add(textChoice(p * n + i, text, answers.get(p).finishReason()));
				}
			}
			Map<String, Object> completion = head(id, "text_completion", created, model);
			completion.put("choices", choices);
			completion.put("usage", usage);
			completion.put("system_fingerprint", FINGERPRINT);
			exchange.sendJson(200, completion);
			return;
		}
		this.server.stream(exchange, (events, pacer) -> {
			for (int p = 0; p < prompts.size(); p++) {
				Answer answer = answers.get(p);
				if (echo) {
					for (int i = 0; i < n; i++) {
						events.send(textChunk(id, created, model, textChoice(p * n + i, prompts.get(p), null), includeUsage));
					}
				}
				for (String piece : answer.pieces()) {
					pacer.pause();
					for (int i = 0; i < n; i++) {
						events.send(textChunk(id, created, model, textChoice(p * n + i, piece, null), includeUsage));
					}
				}
				for (int i = 0; i < n; i++) {
					events.send(textChunk(id, created, model, textChoice(p * n + i, "", answer.finishReason()),
							includeUsage));
				}
			}
			if (includeUsage) {
				Map<String, Object> last = head(id, "text_completion", created, model);
				last.put("choices", List.of());
				last.put("system_fingerprint", FINGERPRINT);
				last.put("usage", usage);
				events.send(last);
			}
			events.done();
		});
	}

	private static Map<String, Object> textChoice(int index, String text, String finishReason) {
		Map<String, Object> choice = new LinkedHashMap<>();
		choice.put("text", text);
		choice.put("index", index);
		choice.put("logprobs", null);
		choice.put("finish_reason", finishReason);
		return choice;
	}

	private static Map<String, Object> textChunk(String id, long created, String model, Map<String, Object> choice,
			boolean includeUsage) {
		Map<String, Object> chunk = head(id, "text_completion", created, model);
		chunk.put("choices", List.of(choice));
		chunk.put("system_fingerprint", FINGERPRINT);
		if (includeUsage) {
			chunk.put("usage", null);
		}
		return chunk;
	}

	/** The prompts: a string, an array of strings, an array of tokens, or an array of token arrays. */
	private static List<String> prompts(JsonNode prompt) {
		List<String> prompts = new ArrayList<>();
		if (prompt.isString()) {
			prompts.add(prompt.stringValue());
			return prompts;
		}
		if (!prompt.isArray()) {
			throw ApiException.invalidType("prompt", "a string or an array", Fields.kind(prompt));
		}
		if (prompt.isEmpty()) {
			throw ApiException.invalidRequest("Invalid 'prompt': empty array. Expected an array with minimum length 1, "
					+ "but got an empty array instead.", "prompt", "empty_array");
		}
		if (prompt.get(0).isIntegralNumber()) {
			prompts.add(tokens(prompt, "prompt"));
			return prompts;
		}
		for (int i = 0; i < prompt.size(); i++) {
			JsonNode item = prompt.get(i);
			if (item.isString()) {
				prompts.add(item.stringValue());
			}
			else if (item.isArray()) {
				prompts.add(tokens(item, "prompt[" + i + "]"));
			}
			else {
				throw ApiException.invalidType("prompt[" + i + "]", "a string or an array of integers", Fields.kind(item));
			}
		}
		return prompts;
	}

	/** An array of token ids as a text of words (so that it is counted as that many tokens). */
	private static String tokens(JsonNode tokens, String param) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < tokens.size(); i++) {
			if (!tokens.get(i).isIntegralNumber()) {
				throw ApiException.invalidType(param + "[" + i + "]", "an integer", Fields.kind(tokens.get(i)));
			}
			text.append((i > 0) ? " " : "").append(tokens.get(i).longValue());
		}
		return text.toString();
	}

	private static long maxTokens(JsonNode body, String name, String alternative) {
		long limit = Fields.integer(body, name, 1, Integer.MAX_VALUE, Long.MAX_VALUE);
		return (limit != Long.MAX_VALUE) ? limit : Fields.integer(body, alternative, 1, Integer.MAX_VALUE, Long.MAX_VALUE);
	}

	private static boolean includeUsage(JsonNode body, boolean stream) {
		if (!Fields.present(body, "stream_options")) {
			return false;
		}
		if (!stream) {
			throw ApiException.invalidRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.",
					"stream_options", null);
		}
		JsonNode options = body.get("stream_options");
		if (!options.isObject()) {
			throw ApiException.invalidType("stream_options", "an object", Fields.kind(options));
		}
		return Fields.bool(options, "include_usage", false);
	}

	private static Map<String, Object> head(String id, String object, long created, String model) {
		Map<String, Object> head = new LinkedHashMap<>();
		head.put("id", id);
		head.put("object", object);
		head.put("created", created);
		head.put("model", model);
		return head;
	}

	private static Map<String, Object> usage(int promptTokens, int completionTokens) {
		Map<String, Object> usage = new LinkedHashMap<>();
		usage.put("prompt_tokens", promptTokens);
		usage.put("completion_tokens", completionTokens);
		usage.put("total_tokens", promptTokens + completionTokens);
		usage.put("prompt_tokens_details", Map.of("cached_tokens", 0, "audio_tokens", 0));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reasoning_tokens", 0);
		details.put("audio_tokens", 0);
		details.put("accepted_prediction_tokens", 0);
		details.put("rejected_prediction_tokens", 0);
		usage.put("completion_tokens_details", details);
		return usage;
	}

	/** An answer cut to at most {@code limit} pieces, and why it ended. */
	record Answer(String text, List<String> pieces, String finishReason) {

		static Answer of(String full, long limit) {
			List<String> pieces = CannedText.pieces(full);
			if (pieces.size() <= limit) {
				return new Answer(String.join("", pieces), pieces, "stop");
			}
			List<String> cut = List.copyOf(pieces.subList(0, (int) limit));
			return new Answer(String.join("", cut), cut, "length");
		}

	}

}
