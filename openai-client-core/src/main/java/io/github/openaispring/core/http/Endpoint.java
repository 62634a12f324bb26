package io.github.openaispring.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * @param streamFields the body fields the streamed form of the operation sends:
 * {@code "stream": true} for most, {@code "stream_format": "sse"} for speech
 * @since 0.1.0
 */
public record Endpoint<T>(String operation, HttpMethod method, String path, Class<T> responseType, Body body,
		Map<String, Object> bodyDefaults, Map<String, Object> streamFields) {

	private static final Map<String, Object> STREAM = Map.of("stream", true);

	public Endpoint {
		bodyDefaults = Map.copyOf(bodyDefaults);
		streamFields = Map.copyOf(streamFields);
	}

	public static <T> Endpoint<T> get(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.GET, path, responseType, Body.NONE, Map.of(), STREAM);
	}

	public static <T> Endpoint<T> post(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.POST, path, responseType, Body.JSON, Map.of(), STREAM);
	}

	public static <T> Endpoint<T> delete(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.DELETE, path, responseType, Body.NONE, Map.of(), STREAM);
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
				this.streamFields);
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
				this.streamFields);
	}

	/**
	 * Return this endpoint with the body fields its streamed form sends instead of
	 * {@code "stream": true}.
	 * @param fields the fields, by JSON name
	 * @return the endpoint
	 */
	public Endpoint<T> withStreamFields(Map<String, Object> fields) {
		return new Endpoint<>(this.operation, this.method, this.path, this.responseType, this.body, this.bodyDefaults,
				fields);
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
