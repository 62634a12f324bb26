package io.github.openaispring.core.http;

import org.jspecify.annotations.Nullable;
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
 * @param eventType the type each event of a streamed response is read as, or {@code null}
 * when the operation does not stream
 * @since 0.1.0
 */
public record Endpoint<T>(String operation, HttpMethod method, String path, Class<T> responseType,
		@Nullable Class<?> eventType) {

	public static <T> Endpoint<T> get(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.GET, path, responseType, null);
	}

	public static <T> Endpoint<T> post(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.POST, path, responseType, null);
	}

	public static <T> Endpoint<T> delete(String operation, String path, Class<T> responseType) {
		return new Endpoint<>(operation, HttpMethod.DELETE, path, responseType, null);
	}

	/**
	 * Return this endpoint, streaming events of the given type when asked to.
	 * @param eventType the type of each event
	 * @return the endpoint
	 */
	public Endpoint<T> streaming(Class<?> eventType) {
		return new Endpoint<>(this.operation, this.method, this.path, this.responseType, eventType);
	}

}
