package io.github.openaispring.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * The declaration of one API operation: its name, method, path, what it returns, how its body
 * is sent, and the body fields the client fills in when the caller leaves them out. Resources
 * are made of these; {@link ClientContext} does the rest.
 *
 * @param <T> the type of the response body; {@link Void} for an operation that answers with
 * no body
 * @param operation the operation's name for logs and metrics, such as
 * {@code chat.completions.create}
 * @param method the HTTP method
 * @param path the path below the base URL, with {@code {name}} variables
 * @param responseType the type the response body is read as
 * @param body how the request body is sent: none (a {@code POST} such as a cancel takes
 * none), JSON, or a {@code multipart/form-data} form
 * @param bodyDefaults JSON body fields sent when the params leave them out, such as
 * {@code encoding_format: base64} for embeddings (a quarter of the bytes of decimal floats)
 * @param streamFields the fields the streamed form of the operation sends, in the body, or in
 * the query for an operation without one: {@code "stream": true} for most,
 * {@code "stream_format": "sse"} for speech
 * @param headers headers every call of the operation sends, that the spec does not declare
 * (the official SDKs' {@code OpenAI-Beta: assistants=v2}); the client's default headers give
 * way to them, and a call's own headers win over them
 * @param accept the media type the call asks for when it does not stream, or {@code null} for
 * the default of its kind ({@code application/json}, or {@code *}{@code /*} for a file)
 * @since 0.1.0
 */
public record Endpoint<T>(String operation, HttpMethod method, String path, Class<T> responseType, Body body,
		Map<String, Object> bodyDefaults, Map<String, Object> streamFields, Map<String, String> headers,
		@Nullable String accept) {

	private static final Map<String, Object> STREAM = Map.of("stream", true);

	public Endpoint {
		bodyDefaults = Map.copyOf(bodyDefaults);
		streamFields = Map.copyOf(streamFields);
		headers = Map.copyOf(headers);
	}

	public static <T> Endpoint<T> get(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.GET, path, responseType, Body.NONE, Map.of(), STREAM, Map.of(),
				null);
	}

	public static <T> Endpoint<T> post(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.POST, path, responseType, Body.JSON, Map.of(), STREAM, Map.of(),
				null);
	}

	public static <T> Endpoint<T> delete(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.DELETE, path, responseType, Body.NONE, Map.of(), STREAM, Map.of(),
				null);
	}

	/**
	 * Return whether the request has a body.
	 * @return whether a body is sent
	 */
	public boolean hasBody() {
		return this.body != Body.NONE;
	}

	/**
	 * Return whether the body is a {@code multipart/form-data} form.
	 * @return whether the body is a form
	 */
	public boolean multipart() {
		return this.body == Body.MULTIPART;
	}

	/**
	 * Return this endpoint with one more body field sent when the params leave it out.
	 * @param name the JSON field name
	 * @param value its value
	 * @return the endpoint
	 */
	public Endpoint<T> withBodyDefault(String name, Object value) {
		Map<String, Object> defaults = new LinkedHashMap<>(this.bodyDefaults);
		defaults.put(name, value);
		return new Endpoint<>(this.operation, this.method, this.path, this.responseType, this.body, defaults,
				this.streamFields, this.headers, this.accept);
	}

	/**
	 * Return this endpoint with one more header that every call of it sends.
	 * @param name the header name
	 * @param value its value
	 * @return the endpoint
	 */
	public Endpoint<T> withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new Endpoint<>(this.operation, this.method, this.path, this.responseType, this.body, this.bodyDefaults,
				this.streamFields, headers, this.accept);
	}

	/**
	 * Return this endpoint asking for a media type of its own when it does not stream, as the
	 * official SDKs do for files ({@code application/binary}) and speech
	 * ({@code application/octet-stream}).
	 * @param accept the {@code Accept} header's value
	 * @return the endpoint
	 */
	public Endpoint<T> withAccept(String accept) {
		return new Endpoint<>(this.operation, this.method, this.path, this.responseType, this.body, this.bodyDefaults,
				this.streamFields, this.headers, accept);
	}

	/**
	 * Return this endpoint sending no request body.
	 * @return the endpoint
	 */
	public Endpoint<T> withoutBody() {
		return withBody(Body.NONE);
	}

	/**
	 * Return this endpoint sending its body as a {@code multipart/form-data} form.
	 * @return the endpoint
	 */
	public Endpoint<T> withMultipart() {
		return withBody(Body.MULTIPART);
	}

	private Endpoint<T> withBody(Body body) {
		return new Endpoint<>(this.operation, this.method, this.path, this.responseType, body, this.bodyDefaults,
				this.streamFields, this.headers, this.accept);
	}

	/**
	 * Return this endpoint with the body fields its streamed form sends instead of
	 * {@code "stream": true}.
	 * @param fields the fields, by JSON name
	 * @return the endpoint
	 */
	public Endpoint<T> withStreamFields(Map<String, Object> fields) {
		return new Endpoint<>(this.operation, this.method, this.path, this.responseType, this.body, this.bodyDefaults,
				fields, this.headers, this.accept);
	}

	/** How a request body is sent. */
	public enum Body {

		/** No body. */
		NONE,

		/** A JSON document. */
		JSON,

		/** A {@code multipart/form-data} form. */
		MULTIPART

	}

}
