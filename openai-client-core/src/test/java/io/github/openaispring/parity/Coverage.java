package io.github.openaispring.parity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.openaispring.core.http.ExchangeListener;
import io.github.openaispring.core.http.HttpCall;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which operations the cases exercise, against the operations this build generated (the
 * generator's manifest): each operation is one item ({@code files.create}), and an operation that
 * streams is a second item ({@code chat.completions.create (streaming)}). The client tells which
 * operation each call is through an {@link ExchangeListener}; a call that sends the stream
 * fields ({@code "stream": true} or {@code "stream_format": "sse"} in its JSON or form body, or
 * {@code stream=true} in its query) is the streamed form. (The {@code Accept} header does not
 * tell them apart: as the official SDKs do, the client asks for JSON either way.)
 */
final class Coverage implements ExchangeListener {

	static final String STREAMING = " (streaming)";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Set<String> exercised = Collections.synchronizedSet(new LinkedHashSet<>());

	@Override
	public Exchange start(HttpCall call) {
		this.exercised.add(call.operation() + (streamed(call) ? STREAMING : ""));
		return Exchange.NONE;
	}

	private static boolean streamed(HttpCall call) {
		if (Boolean.TRUE.equals(call.queryParams().get("stream"))) {
			return true;
		}
		if (call.multipart() != null) {
			return call.multipart()
				.parts()
				.stream()
				.anyMatch((part) -> part.name().equals("stream") && "true".equals(part.text()));
		}
		if (call.body() == null) {
			return false;
		}
		JsonNode body = JSON.readTree(call.body());
		return body.path("stream").asBoolean(false) || body.path("stream_format").asString("").equals("sse");
	}

	Set<String> exercised() {
		synchronized (this.exercised) {
			return new LinkedHashSet<>(this.exercised);
		}
	}

	/** The manifest of this build. */
	record Manifest(String scope, List<String> items) {

		static Manifest read() {
			Path file = Path.of(System.getProperty("openai.manifest", "target/openai-spec/manifest.json"));
			JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
			List<String> items = new ArrayList<>();
			for (JsonNode operation : root.path("operations")) {
				String name = operation.path("sdkCall").asString();
				items.add(name);
				JsonNode streamEvent = operation.get("streamEvent");
				if (streamEvent != null && !streamEvent.isNull()) {
					items.add(name + STREAMING);
				}
			}
			return new Manifest(root.path("scope").asString(), items);
		}

	}

}
