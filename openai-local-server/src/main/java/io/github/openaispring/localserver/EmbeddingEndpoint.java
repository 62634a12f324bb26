package io.github.openaispring.localserver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /embeddings}: deterministic unit-length vectors. A text's vector is the sum of one
 * pseudo-random vector per word (seeded by the word) and a smaller one seeded by the whole text,
 * normalized; so the same text always has the same vector, and texts that share words are
 * closer (by cosine similarity) than texts that do not, which is enough for a small semantic
 * search demo.
 */
final class EmbeddingEndpoint {

	static final String INVALID_INPUT = "'$.input' is invalid. Please check the API reference: "
			+ "https://platform.openai.com/docs/api-reference.";

	private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "and", "or", "of", "to", "in", "on", "at",
			"for", "with", "is", "are", "was", "were", "be", "it", "its", "this", "that", "what", "which", "who", "how",
			"do", "does", "i", "you", "me", "my", "your", "by", "as", "from");

	private static final double TEXT_WEIGHT = 0.5;

	void create(Exchange exchange) throws IOException {
		JsonNode body = exchange.json();
		String model = Fields.model(body);
		JsonNode input = Fields.required(body, "input");
		String format = Fields.string(body, "encoding_format", "float");
		if (!format.equals("float") && !format.equals("base64")) {
			throw ApiException.invalidRequest("Invalid value: '" + format + "'. Supported values are: 'float' and 'base64'.",
					"encoding_format", "invalid_value");
		}
		int dimensions = defaultDimensions(model);
		if (Fields.present(body, "dimensions")) {
			if (model.startsWith("text-embedding-ada")) {
				throw ApiException.invalidRequest("This model does not support specifying dimensions.", "dimensions", null);
			}
			dimensions = (int) Fields.integer(body, "dimensions", 1, dimensions, dimensions);
		}
		List<List<String>> inputs = inputs(input);
		List<Object> data = new ArrayList<>();
		int tokens = 0;
		for (int i = 0; i < inputs.size(); i++) {
			List<String> words = inputs.get(i);
			tokens += Math.max(1, words.size() - 1);
			float[] vector = vector(words, dimensions);
			Map<String, Object> embedding = new LinkedHashMap<>();
			embedding.put("object", "embedding");
			embedding.put("index", i);
			embedding.put("embedding", format.equals("base64") ? base64(vector) : vector);
			data.add(embedding);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("object", "list");
		response.put("data", data);
		response.put("model", model);
		response.put("usage", Map.of("prompt_tokens", tokens, "total_tokens", tokens));
		exchange.sendJson(200, response);
	}

	static int defaultDimensions(String model) {
		return model.contains("3-large") ? 3072 : 1536;
	}

	/** Each input as its words (a token array's words are its token ids). */
	private static List<List<String>> inputs(JsonNode input) {
		List<List<String>> inputs = new ArrayList<>();
		if (input.isString()) {
			inputs.add(words(input.stringValue()));
			return inputs;
		}
		if (!input.isArray() || input.isEmpty() || input.size() > 2048) {
			throw ApiException.invalidRequest(INVALID_INPUT, null, null);
		}
		if (input.get(0).isIntegralNumber()) {
			inputs.add(tokens(input));
			return inputs;
		}
		for (JsonNode item : input) {
			if (item.isString()) {
				inputs.add(words(item.stringValue()));
			}
			else if (item.isArray() && !item.isEmpty()) {
				inputs.add(tokens(item));
			}
			else {
				throw ApiException.invalidRequest(INVALID_INPUT, null, null);
			}
		}
		return inputs;
	}

	private static List<String> words(String text) {
		if (text.isEmpty()) {
			throw ApiException.invalidRequest(INVALID_INPUT, null, null);
		}
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		// The whole text, so that different texts with the same words still differ.
		words.add(0, text);
		return words;
	}

	private static List<String> tokens(JsonNode tokens) {
		List<String> words = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		for (JsonNode token : tokens) {
			if (!token.isIntegralNumber()) {
				throw ApiException.invalidRequest(INVALID_INPUT, null, null);
			}
			words.add("#" + token.longValue());
			text.append(token.longValue()).append(',');
		}
		words.add(0, text.toString());
		return words;
	}

	/**
	 * The vector of a text given as {@code [text, word, word, ...]}.
	 * @return a unit-length vector
	 */
	static float[] vector(List<String> textAndWords, int dimensions) {
		double[] sum = new double[dimensions];
		add(sum, textAndWords.get(0), TEXT_WEIGHT);
		for (String word : textAndWords.subList(1, textAndWords.size())) {
			String stem = stem(word);
			if (!STOP_WORDS.contains(stem)) {
				add(sum, stem, 1.0);
			}
		}
		double norm = 0;
		for (double value : sum) {
			norm += value * value;
		}
		norm = Math.sqrt(norm);
		float[] vector = new float[dimensions];
		for (int i = 0; i < dimensions; i++) {
			vector[i] = (float) (sum[i] / norm);
		}
		return vector;
	}

	/** A naive plural stem: "cats" and "cat" are the same word. */
	private static String stem(String word) {
		return (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) ? word.substring(0, word.length() - 1)
				: word;
	}

	/** Add {@code weight} times a pseudo-random vector in [-1, 1) seeded by the word (SplitMix64). */
	private static void add(double[] sum, String word, double weight) {
		long state = seed(word);
		for (int i = 0; i < sum.length; i++) {
			state += 0x9E3779B97F4A7C15L;
			long z = state;
			z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
			z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
			z = z ^ (z >>> 31);
			sum[i] += weight * ((z >>> 11) * 0x1.0p-53 * 2.0 - 1.0);
		}
	}

	/** FNV-1a over the UTF-8 bytes. */
	private static long seed(String word) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
			hash ^= (b & 0xff);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/** Little-endian float32, base64: what the API returns for {@code encoding_format: base64}. */
	static String base64(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : vector) {
			buffer.putFloat(value);
		}
		return Base64.getEncoder().encodeToString(buffer.array());
	}

}
