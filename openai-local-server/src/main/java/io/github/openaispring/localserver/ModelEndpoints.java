package io.github.openaispring.localserver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /models} and {@code GET /models/{id}}: a fixed list of well-known models. The
 * other endpoints accept any model name; only retrieving an unknown one is a 404.
 */
final class ModelEndpoints {

	/** The models listed, with their creation times and owners. */
	static final Map<String, Object[]> MODELS = models();

	private static Map<String, Object[]> models() {
		Map<String, Object[]> models = new LinkedHashMap<>();
		models.put("gpt-4o", new Object[] { 1715367049L, "system" });
		models.put("gpt-4o-mini", new Object[] { 1721172741L, "system" });
		models.put("gpt-4.1", new Object[] { 1744316542L, "system" });
		models.put("gpt-4.1-mini", new Object[] { 1744318173L, "system" });
		models.put("gpt-4.1-nano", new Object[] { 1744321707L, "system" });
		models.put("gpt-4", new Object[] { 1687882411L, "openai" });
		models.put("gpt-4-turbo", new Object[] { 1712361441L, "system" });
		models.put("gpt-3.5-turbo", new Object[] { 1677610602L, "openai" });
		models.put("gpt-3.5-turbo-instruct", new Object[] { 1692901427L, "system" });
		models.put("text-embedding-3-small", new Object[] { 1705948997L, "system" });
		models.put("text-embedding-3-large", new Object[] { 1705953180L, "system" });
		models.put("text-embedding-ada-002", new Object[] { 1671217299L, "openai-internal" });
		models.put("omni-moderation-latest", new Object[] { 1731689265L, "system" });
		models.put("dall-e-2", new Object[] { 1698798177L, "system" });
		models.put("dall-e-3", new Object[] { 1698785189L, "system" });
		models.put("gpt-image-1", new Object[] { 1745517030L, "system" });
		models.put("tts-1", new Object[] { 1681940951L, "openai-internal" });
		models.put("tts-1-hd", new Object[] { 1699046015L, "system" });
		models.put("gpt-4o-mini-tts", new Object[] { 1742403959L, "system" });
		models.put("whisper-1", new Object[] { 1677532384L, "openai-internal" });
		models.put("gpt-4o-transcribe", new Object[] { 1742068463L, "system" });
		models.put("gpt-4o-mini-transcribe", new Object[] { 1742068596L, "system" });
		return models;
	}

	void list(Exchange exchange) throws IOException {
		List<Object> data = new ArrayList<>();
		for (String id : MODELS.keySet()) {
			data.add(model(id));
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("object", "list");
		response.put("data", data);
		exchange.sendJson(200, response);
	}

	void retrieve(Exchange exchange, String id) throws IOException {
		if (!MODELS.containsKey(id)) {
			throw ApiException.notFound("The model '" + id + "' does not exist", "model", "model_not_found");
		}
		exchange.sendJson(200, model(id));
	}

	private static Map<String, Object> model(String id) {
		Object[] about = MODELS.get(id);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("id", id);
		model.put("object", "model");
		model.put("created", about[0]);
		model.put("owned_by", about[1]);
		return model;
	}

}
