package io.github.openaispring.core.http;

import org.springframework.http.HttpMethod;

/**
 * The declaration of one API operation: its name, method, path template, and what it returns.
 * Resources are made of these; {@link ClientContext} does the rest.
 *
 * @param <T> the type of the response body
 * @param operation the operation's name for logs and metrics, such as
 * {@code chat.completions.create}
 * @param method the HTTP method
 * @param path the path below the base URL, with {@code {name}} variables
 * @param responseType the type the response body is read as
 * @since 0.1.0
 */
public record Endpoint<T>(String operation, HttpMethod method, String path, Class<T> responseType) {

	public static <T> Endpoint<T> get(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.GET, path, responseType);
	}

	public static <T> Endpoint<T> post(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.POST, path, responseType);
	}

	public static <T> Endpoint<T> delete(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.DELETE, path, responseType);
	}

}
