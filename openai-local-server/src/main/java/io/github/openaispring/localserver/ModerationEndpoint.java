package io.github.openaispring.localserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /moderations}: flags a text that contains one of a few obvious words of a
 * category ("kill" for violence, for example) with a high score, and gives every other category a
 * small score that is the same for the same text.
 */
final class ModerationEndpoint {

	static final List<String> CATEGORIES = List.of("harassment", "harassment/threatening", "hate", "hate/threatening",
			"illicit", "illicit/violent", "self-harm", "self-harm/intent", "self-harm/instructions", "sexual",
			"sexual/minors", "violence", "violence/graphic");

	/** The words that flag a category, matched as whole words, case-insensitively. */
	private static final Map<String, Pattern> TRIGGERS = Map.of(
			"violence", words("kill", "killing", "murder", "shoot", "stab", "attack"),
			"violence/graphic", words("gore", "dismember", "mutilate"),
			"harassment", words("idiot", "stupid", "loser", "moron"),
			"harassment/threatening", words("i will kill you", "i will hurt you"),
			"hate", words("i hate all"),
			"self-harm", words("suicide", "hurt myself", "kill myself"),
			"self-harm/intent", words("i want to die", "kill myself"),
			"illicit", words("steal", "shoplift", "hack into"),
			"illicit/violent", words("build a bomb", "make a bomb"),
			"sexual", words("porn", "explicit sex"));

	private static final String DEFAULT_MODEL = "omni-moderation-latest";

	private static Pattern words(String... words) {
		return Pattern.compile("\\b(" + String.join("|", words) + ")\\b", Pattern.CASE_INSENSITIVE);
	}

	void create(Exchange exchange) throws IOException {
		JsonNode body = exchange.json();
		String model = Fields.string(body, "model", DEFAULT_MODEL);
		JsonNode input = Fields.required(body, "input");
		List<Object> results = new ArrayList<>();
		for (Input item : inputs(input)) {
			results.add(result(item));
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("id", Ids.alphanumeric("modr-", 29));
		response.put("model", model);
		response.put("results", results);
		exchange.sendJson(200, response);
	}

	/** One moderated input: its text, and whether it came with an image. */
	private record Input(String text, boolean image) {

	}

	/**
	 * The inputs: a string and an array of strings give one result each; an array of content
	 * parts ({@code text} and {@code image_url}) is one input with one result.
	 */
	private static List<Input> inputs(JsonNode input) {
		List<Input> inputs = new ArrayList<>();
		if (input.isString()) {
			inputs.add(new Input(input.stringValue(), false));
			return inputs;
		}
		if (!input.isArray() || input.isEmpty()) {
			throw ApiException.invalidType("input", "a string or an array", Fields.kind(input));
		}
		if (input.get(0).isObject()) {
			StringBuilder text = new StringBuilder();
			boolean image = false;
			for (int i = 0; i < input.size(); i++) {
				JsonNode part = input.get(i);
				String type = part.path("type").asString("");
				if (type.equals("text") && part.path("text").isString()) {
					text.append((text.length() > 0) ? "\n" : "").append(part.get("text").stringValue());
				}
				else if (type.equals("image_url")) {
					image = true;
				}
				else {
					throw ApiException.invalidRequest("Invalid value: '" + type
							+ "'. Supported values are: 'text' and 'image_url'.", "input[" + i + "].type", "invalid_value");
				}
			}
			inputs.add(new Input(text.toString(), image));
			return inputs;
		}
		for (int i = 0; i < input.size(); i++) {
			JsonNode item = input.get(i);
			if (!item.isString()) {
				throw ApiException.invalidType("input[" + i + "]", "a string", Fields.kind(item));
			}
			inputs.add(new Input(item.stringValue(), false));
		}
		return inputs;
	}

	private static Map<String, Object> result(Input input) {
		Map<String, Object> categories = new LinkedHashMap<>();
		Map<String, Object> scores = new LinkedHashMap<>();
		Map<String, Object> appliedTypes = new LinkedHashMap<>();
		boolean flagged = false;
		int hash = input.text().toLowerCase(Locale.ROOT).hashCode();
		for (String category : CATEGORIES) {
			Pattern trigger = TRIGGERS.get(category);
			boolean hit = trigger != null && trigger.matcher(input.text()).find();
			flagged |= hit;
			categories.put(category, hit);
			// A small score that depends on the text and the category, or a high one when flagged.
			int bits = (hash ^ category.hashCode()) * 0x9E3779B1;
			double low = ((bits >>> 12) / (double) (1 << 20)) * 1.0e-3;
			scores.put(category, hit ? 0.9 + low * 50 : low);
			boolean images = input.image() && (category.startsWith("self-harm") || category.equals("sexual")
					|| category.equals("violence") || category.equals("violence/graphic"));
			appliedTypes.put(category, images ? List.of("text", "image") : List.of("text"));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("flagged", flagged);
		result.put("categories", categories);
		result.put("category_scores", scores);
		result.put("category_applied_input_types", appliedTypes);
		return result;
	}

}
