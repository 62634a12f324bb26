package io.github.openaispring.localserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One request and its response: the parsed path, query and body, and the ways to answer
 * (JSON, bytes, an OpenAI-shaped error, a stream of server-sent events).
 */
final class Exchange {

	private static final String PARSE_ERROR = "We could not parse the JSON body of your request. (HINT: This likely "
			+ "means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was "
			+ "sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through "
			+ "our help center at help.openai.com.)";

	private final HttpExchange exchange;

	private final ObjectMapper mapper;

	private final List<String> segments;

	private byte[] body;

	private boolean answered;

	Exchange(HttpExchange exchange, ObjectMapper mapper) {
		this.exchange = exchange;
		this.mapper = mapper;
		this.segments = segments(exchange.getRequestURI().getRawPath());
	}

	/** The decoded path segments: {@code /v1/files/file-1} is {@code [v1, files, file-1]}. */
	private static List<String> segments(String rawPath) {
		List<String> segments = new ArrayList<>();
		for (String segment : rawPath.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
			}
		}
		return Collections.unmodifiableList(segments);
	}

	String method() {
		return this.exchange.getRequestMethod();
	}

	List<String> segments() {
		return this.segments;
	}

	String rawPath() {
		return this.exchange.getRequestURI().getRawPath();
	}

	/** The address and port the request came in on, as {@code host:port}. */
	String localAddress() {
		return this.exchange.getLocalAddress().getHostString() + ":" + this.exchange.getLocalAddress().getPort();
	}

	String requestHeader(String name) {
		return this.exchange.getRequestHeaders().getFirst(name);
	}

	Map<String, String> query() {
		Map<String, String> query = new LinkedHashMap<>();
		String raw = this.exchange.getRequestURI().getRawQuery();
		if (raw == null || raw.isEmpty()) {
			return query;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			String name = (eq < 0) ? pair : pair.substring(0, eq);
			String value = (eq < 0) ? "" : pair.substring(eq + 1);
			query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return query;
	}

	byte[] body() throws IOException {
		if (this.body == null) {
			try (InputStream in = this.exchange.getRequestBody()) {
				this.body = in.readAllBytes();
			}
		}
		return this.body;
	}

	/**
	 * Read the body as a JSON object.
	 * @return the object
	 * @throws ApiException 400 when the body is not a JSON object
	 */
	JsonNode json() throws IOException {
		byte[] bytes = body();
		JsonNode node;
		try {
			node = this.mapper.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw ApiException.invalidRequest(PARSE_ERROR, null, null);
		}
		if (node == null || !node.isObject()) {
			throw ApiException.invalidRequest(PARSE_ERROR, null, null);
		}
		return node;
	}

	boolean answered() {
		return this.answered;
	}

	void sendJson(int status, Object value) throws IOException {
		send(status, "application/json", this.mapper.writeValueAsBytes(value));
	}

	void sendError(ApiException error) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", error.getMessage());
		body.put("type", error.type());
		body.put("param", error.param());
		body.put("code", error.code());
		sendJson(error.status(), Map.of("error", body));
	}

	void send(int status, String contentType, byte[] bytes) throws IOException {
		this.answered = true;
		this.exchange.getResponseHeaders().set("Content-Type", contentType);
		this.exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = this.exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * Answer 200 with {@code text/event-stream}: the events are then written with
	 * {@link EventStream#send(Object)}.
	 * @return the stream
	 */
	EventStream startEventStream() throws IOException {
		this.answered = true;
		this.exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
		this.exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		this.exchange.sendResponseHeaders(200, 0);
		return new EventStream(this.exchange.getResponseBody(), this.mapper);
	}

	void close() {
		this.exchange.close();
	}

	/** The events of one streamed answer, each written and flushed at once. */
	static final class EventStream {

		private final OutputStream out;

		private final ObjectMapper mapper;

		EventStream(OutputStream out, ObjectMapper mapper) {
			this.out = out;
			this.mapper = mapper;
		}

		/**
		 * Write {@code data: <json>} and flush.
		 * @param event the event's JSON value
		 * @throws IOException when the client has gone
		 */
		void send(Object event) throws IOException {
			write("data: " + this.mapper.writeValueAsString(event) + "\n\n");
		}

		/** Write {@code data: [DONE]}, the end of every OpenAI stream. */
		void done() throws IOException {
			write("data: [DONE]\n\n");
		}

		private void write(String text) throws IOException {
			this.out.write(text.getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

	}

}
