package io.github.openaispring.core.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpMethod;

/**
 * The declaration of one API operation: its name, method, path, what it returns, and the body
 * fields the client fills in when the caller leaves them out. Resources are made of these;
 * {@link ClientContext} does the rest.
 *
 * @param <T> the type of the response body; {@link Void} for an operation that answers with
 * no body
 * @param operation the operation's name for logs and metrics, such as
 * {@code chat.completions.create}
 * @param method the HTTP method
 * @param path the path below the base URL, with {@code {name}} variables
 * @param responseType the type the response body is read as
 * @param hasBody whether the request has a JSON body: a {@code POST} that takes none, such as
 * a cancel, is sent without one
 * @param bodyDefaults JSON body fields sent when the params leave them out, such as
 * {@code encoding_format: base64} for embeddings (a quarter of the bytes of decimal floats)
 * @since 0.1.0
 */
public record Endpoint<T>(String operation, HttpMethod method, String path, Class<T> responseType, boolean hasBody,
		Map<String, Object> bodyDefaults) {

	public Endpoint {
		bodyDefaults = Map.copyOf(bodyDefaults);
	}

	public static <T> Endpoint<T> get(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.GET, path, responseType, false, Map.of());
	}

	public static <T> Endpoint<T> post(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.POST, path, responseType, true, Map.of());
	}

	public static <T> Endpoint<T> delete(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.DELETE, path, responseType, false, Map.of());
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
		return new Endpoint<>(this.operation, this.method, this.path, this.responseType, this.hasBody, defaults);
	}

	/**
	 * Return this endpoint sending no request body.
	 * @return the endpoint
	 */
	public Endpoint<T> withoutBody() {
		return new Endpoint<>(this.operation, this.method, this.path, this.responseType, false, this.bodyDefaults);
	}

}
