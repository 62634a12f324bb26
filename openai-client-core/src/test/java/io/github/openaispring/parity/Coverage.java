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
 * operation each call is through an {@link ExchangeListener}; a call asking for
 * {@code text/event-stream} is the streamed form.
 */
final class Coverage implements ExchangeListener {

	static final String STREAMING = " (streaming)";

	private final Set<String> exercised = Collections.synchronizedSet(new LinkedHashSet<>());

	@Override
	public Exchange start(HttpCall call) {
		this.exercised.add(call.operation() + (call.accept().equals("text/event-stream") ? STREAMING : ""));
		return Exchange.NONE;
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
