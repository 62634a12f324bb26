package io.github.openaispring.localserver;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /images/generations} (JSON) and {@code POST /images/edits} (a multipart form):
 * small PNG pictures drawn from the prompt, {@code 1/16} of the requested size, as
 * {@code b64_json} (always for the GPT image models, when asked for {@code dall-e-2} and
 * {@code dall-e-3}) or as a URL on this server, {@code GET /local-images/{name}.png}, which keeps
 * the last {@value #KEPT_IMAGES} images.
 */
final class ImageEndpoints {

	private static final int KEPT_IMAGES = 100;

	private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

	private static final List<String> RESPONSE_FORMATS = List.of("url", "b64_json");

	private static final List<String> QUALITIES = List.of("standard", "hd", "low", "medium", "high", "auto");

	private static final List<String> OUTPUT_FORMATS = List.of("png", "jpeg", "webp");

	/** The sizes {@code ImagesResponse.size} may name. */
	private static final List<String> RESPONSE_SIZES = List.of("1024x1024", "1024x1536", "1536x1024");

	private final Map<String, byte[]> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
			return size() > KEPT_IMAGES;
		}

	});

	/** What a request asks for, from a JSON body or a form. */
	private record Request(String model, String prompt, long n, String size, String responseFormat, String quality,
			long seed) {

		boolean gptImage() {
			return this.model.startsWith("gpt-image");
		}

	}

	void generate(Exchange exchange) throws IOException {
		JsonNode body = exchange.json();
		String prompt = Fields.string(body, "prompt", null);
		if (prompt == null) {
			throw ApiException.missing("prompt");
		}
		String model = Fields.string(body, "model", "dall-e-2");
		long n = Fields.integer(body, "n", 1, model.equals("dall-e-3") ? 1 : 10, 1);
		Request request = new Request(model, prompt, n, Fields.string(body, "size", "auto"),
				Fields.oneOf("response_format", Fields.string(body, "response_format", null), RESPONSE_FORMATS),
				Fields.oneOf("quality", Fields.string(body, "quality", null), QUALITIES), prompt.hashCode());
		Fields.oneOf("output_format", Fields.string(body, "output_format", null), OUTPUT_FORMATS);
		if (Fields.bool(body, "stream", false)) {
			throw ApiException.invalidRequest("Streaming image generation is not supported by the local server.",
					"stream", "unsupported_value");
		}
		answer(exchange, request);
	}

	void edit(Exchange exchange) throws IOException {
		Form form = Form.read(exchange);
		Multipart.Part image = form.file("image");
		String prompt = form.required("prompt");
		String model = form.string("model", "dall-e-2");
		Request request = new Request(model, prompt, form.integer("n", 1, 10, 1), form.string("size", "auto"),
				Fields.oneOf("response_format", form.string("response_format", null), RESPONSE_FORMATS),
				Fields.oneOf("quality", form.string("quality", null), QUALITIES),
				31L * prompt.hashCode() + Arrays.hashCode(image.content()));
		answer(exchange, request);
	}

	void kept(Exchange exchange, String name) throws IOException {
		byte[] png = this.kept.get(name);
		if (png == null) {
			throw ApiException.notFound("No such image: " + name + " (the local server keeps the last " + KEPT_IMAGES
					+ " images)", null, null);
		}
		exchange.send(200, "image/png", png);
	}

	private void answer(Exchange exchange, Request request) throws IOException {
		int[] pixels = pixels(request.size());
		boolean base64 = request.gptImage() || "b64_json".equals(request.responseFormat());
		List<Object> data = new ArrayList<>();
		for (int i = 0; i < request.n(); i++) {
			byte[] png = Media.png(pixels[0], pixels[1], request.seed() * 31 + i);
			Map<String, Object> image = new LinkedHashMap<>();
			if (base64) {
				image.put("b64_json", Base64.getEncoder().encodeToString(png));
			}
			else {
				String name = Ids.alphanumeric("img-", 24) + ".png";
				this.kept.put(name, png);
				image.put("url", origin(exchange) + "/local-images/" + name);
			}
			if (request.model().equals("dall-e-3")) {
				image.put("revised_prompt", request.prompt());
			}
			data.add(image);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("created", Instant.now().getEpochSecond());
		response.put("data", data);
		if (request.gptImage()) {
			response.put("background", "opaque");
			response.put("output_format", "png");
			String size = request.size().equals("auto") ? "1024x1024" : request.size();
			if (RESPONSE_SIZES.contains(size)) {
				response.put("size", size);
			}
			String quality = request.quality();
			boolean named = quality != null && List.of("low", "medium", "high").contains(quality);
			response.put("quality", named ? quality : "medium");
			long input = CannedText.count(request.prompt());
			long output = request.n() * 272;
			response.put("usage", Map.of("total_tokens", input + output, "input_tokens", input, "output_tokens", output,
					"input_tokens_details", Map.of("text_tokens", input, "image_tokens", 0)));
		}
		exchange.sendJson(200, response);
	}

	/** The picture's width and height: the requested size divided by 16, between 1 and 256. */
	private static int[] pixels(String size) {
		if (size.equals("auto")) {
			return new int[] { 64, 64 };
		}
		Matcher matcher = SIZE.matcher(size);
		if (!matcher.matches() || Integer.parseInt(matcher.group(1)) == 0 || Integer.parseInt(matcher.group(2)) == 0) {
			throw ApiException.invalidRequest("Invalid value: '" + size + "'. Supported values are: 'auto' or "
					+ "'WIDTHxHEIGHT', such as '1024x1024', '1536x1024' and '1024x1536'.", "size", "invalid_value");
		}
		return new int[] { Math.min(256, Math.max(1, Integer.parseInt(matcher.group(1)) / 16)),
				Math.min(256, Math.max(1, Integer.parseInt(matcher.group(2)) / 16)) };
	}

	/** {@code http://host:port} as the client reached this server. */
	private static String origin(Exchange exchange) {
		String host = exchange.requestHeader("Host");
		return "http://" + ((host != null && !host.isBlank()) ? host : exchange.localAddress());
	}

}
