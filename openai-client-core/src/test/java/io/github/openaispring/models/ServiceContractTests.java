package io.github.openaispring.models;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openaispring.client.AsyncBinaryResponse;
import io.github.openaispring.client.AsyncPage;
import io.github.openaispring.client.AsyncStreamingResponse;
import io.github.openaispring.client.BinaryResponse;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.client.Page;
import io.github.openaispring.client.RawResponse;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.client.StreamResponse;
import io.github.openaispring.client.StreamingResponse;
import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.core.Params;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generated operation, through every way of calling it (blocking and reactive; parsed,
 * raw and with a streaming response; and streamed where it streams, plainly and with a
 * streaming response, which the raw view does not offer), against WireMock: the request on the wire is the
 * operation's method and path with the params' path variables, query string, headers and JSON
 * body, and the result is the body the server sent, parsed. Params and responses are built
 * with every field set ({@link Samples}), so every field of every operation crosses the wire
 * once. Resource-specific behaviour (paging over several pages, stream edge cases, errors) has
 * its own tests.
 */
class ServiceContractTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String REQUEST_ID = "req_contract";

	private static final byte[] BINARY = { 'I', 'D', '3', 0, (byte) 0xFF, 1, 2, 3 };

	/** Writes a multipart body's fields as JSON, with each file as its file name, to list the form's fields. */
	private static final JsonMapper MULTIPART_AS_JSON = OpenAIJson.mapper()
		.rebuild()
		.addMixIn(io.github.openaispring.core.UploadFile.class, ParamsContractTests.UploadFileAsName.class)
		.build();

	private static WireMockServer server;

	private static OpenAI client;

	@BeforeAll
	static void start() {
		server = new WireMockServer(options().dynamicPort());
		server.start();
		client = OpenAI.builder().baseUrl(server.baseUrl() + "/v1").apiKey("sk-contract").maxRetries(0).build();
	}

	@AfterAll
	static void stop() {
		client.close();
		server.stop();
	}

	@TestFactory
	Stream<DynamicTest> everyOperationSendsItsRequestAndParsesItsResponse() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Manifest.Operation operation : Manifest.get().operations()) {
			if (operation.sdkCall() == null || !generated(operation)) {
				continue;
			}
			for (Way way : Way.values()) {
				tests.add(DynamicTest.dynamicTest(operation.sdkCall() + " " + way, () -> check(operation, way, false)));
			}
			if (operation.streamEvent() != null) {
				for (Way way : Way.values()) {
					if (way.raw()) {
						tests.add(DynamicTest.dynamicTest(operation.sdkCall() + " streaming not in " + way,
								() -> assertNoStreamingMethod(operation, way)));
					}
					else {
						tests.add(DynamicTest.dynamicTest(operation.sdkCall() + " streaming " + way,
								() -> check(operation, way, true)));
					}
				}
			}
		}
		assertThat(tests).as("operations with services").hasSizeGreaterThan(300);
		return tests.stream();
	}

	/** Whether the build generated a service method for the operation (multipart and binary ones come later). */
	private static boolean generated(Manifest.Operation operation) {
		try {
			return method(resource(client, operation.sdkCall()), name(operation.sdkCall()),
					Manifest.load(operation.params())) != null;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	/** A raw response holds the whole body, so the raw view leaves streams to the streaming view. */
	private static void assertNoStreamingMethod(Manifest.Operation operation, Way way) throws Throwable {
		Object resource = resource(root(way), operation.sdkCall());
		String methodName = name(operation.sdkCall()) + "Streaming";
		assertThat(resource.getClass().getMethods()).extracting(Method::getName).doesNotContain(methodName)
			.contains(name(operation.sdkCall()));
	}

	private static Object root(Way way) {
		return switch (way) {
			case BLOCKING -> client;
			case REACTIVE -> client.async();
			case BLOCKING_RAW -> client.withRawResponse();
			case REACTIVE_RAW -> client.async().withRawResponse();
			case BLOCKING_STREAMING -> client.withStreamingResponse();
			case REACTIVE_STREAMING -> client.async().withStreamingResponse();
		};
	}

	private static void check(Manifest.Operation operation, Way way, boolean stream) throws Throwable {
		server.resetAll();
		Params params = (Params) new Samples(0).build(Manifest.load(operation.params()));
		Object resource = resource(root(way), operation.sdkCall());
		String methodName = name(operation.sdkCall()) + (stream ? "Streaming" : "");
		Method method = method(resource, methodName, params.getClass());
		boolean binary = method.getGenericReturnType().getTypeName().contains("BinaryResponse");
		Object expected = null;
		List<Object> expectedEvents = new ArrayList<>();
		if (binary) {
			expected = BINARY;
			server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/octet-stream")
				.withHeader("x-request-id", REQUEST_ID)
				.withBody(BINARY)));
		}
		else if (stream) {
			server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/event-stream")
				.withHeader("x-request-id", REQUEST_ID)
				.withBody(events(operation, expectedEvents))));
		}
		else if (operation.response() == null) {
			server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("x-request-id", REQUEST_ID)));
		}
		else {
			expected = new Samples(0).sample(Manifest.load(operation.response()), 0, "response");
			server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("x-request-id", REQUEST_ID)
				.withBody(OpenAIJson.write(expected))));
		}

		Object result = invoke(method, resource, params);

		if (stream) {
			assertThat(events(result)).isEqualTo(expectedEvents);
		}
		else {
			Object value = result;
			if (value instanceof Mono<?> mono) {
				value = mono.block(WAIT);
			}
			if (value instanceof BinaryResponse response) {
				assertThat(response.requestId()).isEqualTo(REQUEST_ID);
				value = response.bytes();
			}
			else if (value instanceof AsyncBinaryResponse response) {
				assertThat(response.requestId()).isEqualTo(REQUEST_ID);
				value = response.bytes().block(WAIT);
			}
			else if (way.raw()) {
				RawResponse<?> raw = (RawResponse<?>) value;
				assertThat(raw.statusCode()).isEqualTo(200);
				assertThat(raw.requestId()).isEqualTo(REQUEST_ID);
				value = raw.parse();
			}
			else if (value instanceof StreamingResponse<?> response) {
				try (response) {
					assertThat(response.statusCode()).isEqualTo(200);
					assertThat(response.requestId()).isEqualTo(REQUEST_ID);
					value = response.parse();
				}
			}
			else if (value instanceof AsyncStreamingResponse<?> response) {
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.requestId()).isEqualTo(REQUEST_ID);
				value = response.parse().block(WAIT);
			}
			else {
				assertThat(way.streaming()).as("a streaming view returns a streaming response").isFalse();
			}
			if (value instanceof Page<?> page) {
				value = page.data();
				expected = data(expected);
			}
			else if (value instanceof AsyncPage<?> page) {
				value = page.data();
				expected = data(expected);
			}
			assertThat(value).isEqualTo(expected);
		}

		List<LoggedRequest> requests = server.findAll(
				com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.get(0);
		assertThat(request.getMethod().getName()).isEqualTo(operation.method());
		assertThat(URLDecoder.decode(request.getUrl(), StandardCharsets.UTF_8)).isEqualTo(url(operation.path(), params));
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-contract");
		params.headers().forEach((name, values) -> assertThat(request.getHeader(name)).isEqualTo(values.get(0)));
		if (operation.requestContentType() == null) {
			assertThat(request.getBodyAsString()).isEmpty();
		}
		else if (operation.requestContentType().equals("multipart/form-data")) {
			assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data;boundary=");
			Set<String> fields = new TreeSet<>();
			MULTIPART_AS_JSON.valueToTree(params).propertyNames().forEach(fields::add);
			if (stream) {
				fields.add("stream");
			}
			Set<String> parts = new TreeSet<>();
			request.getParts().forEach((part) -> parts.add(part.getName().replaceFirst("\\[.*", "")));
			assertThat(parts).as("form parts").isEqualTo(fields);
		}
		else {
			assertThat(request.getHeader("Content-Type")).isEqualTo("application/json");
			ObjectNode body = (ObjectNode) OpenAIJson.mapper().readTree(OpenAIJson.write(params));
			ObjectNode sent = (ObjectNode) OpenAIJson.mapper().readTree(request.getBodyAsString());
			if (stream) {
				// "stream": true, or the operation's own switch (speech: "stream_format": "sse").
				assertThat(sent.path("stream").asBoolean(false) || sent.path("stream_format").asString("").equals("sse"))
					.as("stream requested").isTrue();
				body.remove(List.of("stream", "stream_format"));
				sent.remove(List.of("stream", "stream_format"));
			}
			assertThat(sent).isEqualTo(body);
		}
	}

	/** The stream the server sends: two events of the operation's event type, then {@code [DONE]}. */
	private static String events(Manifest.Operation operation, List<Object> expected) {
		StringBuilder body = new StringBuilder(": a comment the client skips\n\n");
		for (int seed = 0; expected.size() < 2; seed++) {
			Object event = new Samples(seed).sample(Manifest.load(operation.streamEvent()), 0, "event");
			JsonNode json = OpenAIJson.toTree(event);
			if (operation.namedEvents()) {
				if ("[DONE]".equals(json.path("data").asString(null))) {
					continue;
				}
				body.append("event: ").append(json.get("event").asString()).append('\n');
				body.append("data: ").append(json.get("data")).append("\n\n");
				// What an SSE event carries: its name and data, without fields beside them.
				ObjectNode carried = OpenAIJson.mapper().createObjectNode();
				carried.set("event", json.get("event"));
				carried.set("data", json.get("data"));
				expected.add(OpenAIJson.read(carried, Manifest.load(operation.streamEvent())));
				continue;
			}
			else {
				body.append("data: ").append(json).append("\n\n");
			}
			expected.add(event);
		}
		return body.append("data: [DONE]\n\n").toString();
	}

	/** The events of a stream, or of the streaming response of a stream, whose status and request id are checked. */
	private static List<?> events(Object result) {
		if (result instanceof Mono<?> mono) {
			AsyncStreamingResponse<?> response = (AsyncStreamingResponse<?>) mono.block(WAIT);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.requestId()).isEqualTo(REQUEST_ID);
			return events(response.parse().block(WAIT));
		}
		if (result instanceof StreamingResponse<?> response) {
			try (response) {
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.requestId()).isEqualTo(REQUEST_ID);
				return events(response.parse());
			}
		}
		if (result instanceof Flux<?> flux) {
			return flux.collectList().block(WAIT);
		}
		try (StreamResponse<?> events = (StreamResponse<?>) result) {
			return events.stream().toList();
		}
	}

	private static Object data(Object listResponse) throws ReflectiveOperationException {
		return listResponse.getClass().getMethod("data").invoke(listResponse);
	}

	/** The URL the request should have, decoded: lists as {@code name[]=item}, maps as {@code name[key]=value}. */
	private static String url(String pathTemplate, Params params) {
		String path = pathTemplate;
		for (Map.Entry<String, String> variable : params.pathParams().entrySet()) {
			path = path.replace("{" + variable.getKey() + "}", variable.getValue());
		}
		List<String> query = new ArrayList<>();
		params.queryParams().forEach((name, value) -> {
			if (value instanceof List<?> list) {
				list.forEach((item) -> query.add((name.endsWith("[]") ? name : name + "[]") + "=" + text(item)));
			}
			else if (value instanceof Map<?, ?> map) {
				map.forEach((key, item) -> query.add(name + "[" + key + "]=" + text(item)));
			}
			else {
				query.add(name + "=" + text(value));
			}
		});
		return "/v1" + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
	}

	private static String text(Object value) {
		return (value instanceof io.github.openaispring.core.StringEnum stringEnum) ? stringEnum.asString()
				: String.valueOf(value);
	}

	private static Object invoke(Method method, Object target, Object... arguments) throws Throwable {
		try {
			return method.invoke(target, arguments[0], RequestOptions.none());
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	/** The resource of an SDK call: {@code client.chat().completions()} for {@code chat.completions.create}. */
	private static Object resource(Object root, String sdkCall) throws ReflectiveOperationException {
		String[] segments = sdkCall.split("\\.");
		Object resource = root;
		for (int i = 0; i < segments.length - 1; i++) {
			resource = publicMethod(resource.getClass(), camel(segments[i])).invoke(resource);
		}
		return resource;
	}

	private static Method method(Object resource, String name, Class<?> params) throws NoSuchMethodException {
		return publicMethod(resource.getClass(), name, params, RequestOptions.class);
	}

	/** A method of a public type: the clients' implementations are not public, their interfaces are. */
	private static Method publicMethod(Class<?> type, String name, Class<?>... parameters) throws NoSuchMethodException {
		if (java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
			return type.getMethod(name, parameters);
		}
		for (Class<?> contract : type.getInterfaces()) {
			try {
				return contract.getMethod(name, parameters);
			}
			catch (NoSuchMethodException ex) {
				// try the next one
			}
		}
		throw new NoSuchMethodException(type.getName() + "." + name);
	}

	private static String name(String sdkCall) {
		return camel(sdkCall.substring(sdkCall.lastIndexOf('.') + 1));
	}

	private static String camel(String snake) {
		StringBuilder result = new StringBuilder();
		boolean upper = false;
		for (char c : snake.toCharArray()) {
			if (c == '_') {
				upper = true;
				continue;
			}
			result.append(upper ? Character.toUpperCase(c) : c);
			upper = false;
		}
		return result.toString();
	}

	private enum Way {

		BLOCKING, REACTIVE, BLOCKING_RAW, REACTIVE_RAW, BLOCKING_STREAMING, REACTIVE_STREAMING;

		boolean raw() {
			return this == BLOCKING_RAW || this == REACTIVE_RAW;
		}

		boolean streaming() {
			return this == BLOCKING_STREAMING || this == REACTIVE_STREAMING;
		}

	}

}
