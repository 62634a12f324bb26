package io.github.openaispring.core.http;

import java.util.List;
import java.util.Map;

import io.github.openaispring.client.RequestOptions;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One logical call of the API, before the transport adds what every call has (authentication,
 * default headers and query parameters, retries).
 *
 * @param operation the operation's name for logs and metrics, such as
 * {@code chat.completions.create}
 * @param method the HTTP method
 * @param pathTemplate the path below the base URL, with {@code {name}} variables
 * @param pathParams the values of the path variables
 * @param queryParams the query parameters
 * @param headers the call's own headers
 * @param body the request body, or {@code null} for none
 * @param contentType the media type of the body, or {@code null}
 * @param accept the media type asked for
 * @param options the call's options
 * @param multipart the multipart body, or {@code null} for none; sent instead of
 * {@code body}, with the {@code multipart/form-data} content type and boundary the writer
 * chooses
 * @since 0.1.0
 */
public record HttpCall(String operation, HttpMethod method, String pathTemplate, Map<String, String> pathParams,
		Map<String, Object> queryParams, Map<String, List<String>> headers, byte @Nullable [] body,
		@Nullable String contentType, String accept, RequestOptions options, @Nullable MultipartBody multipart) {

	/**
	 * A call with a body of bytes, or none.
	 * @param operation the operation's name
	 * @param method the HTTP method
	 * @param pathTemplate the path template
	 * @param pathParams the path variables
	 * @param queryParams the query parameters
	 * @param headers the call's own headers
	 * @param body the body, or {@code null}
	 * @param contentType the media type of the body, or {@code null}
	 * @param accept the media type asked for
	 * @param options the call's options
	 */
	public HttpCall(String operation, HttpMethod method, String pathTemplate, Map<String, String> pathParams,
			Map<String, Object> queryParams, Map<String, List<String>> headers, byte @Nullable [] body,
			@Nullable String contentType, String accept, RequestOptions options) {
		this(operation, method, pathTemplate, pathParams, queryParams, headers, body, contentType, accept, options,
				null);
	}

	/**
	 * Return whether the call can be sent again: false when its body holds a one-shot stream.
	 * @return whether the call can be retried
	 */
	public boolean repeatable() {
		return this.multipart == null || this.multipart.repeatable();
	}

	@Override
	public String toString() {
		return this.method + " " + this.pathTemplate + " (" + this.operation + ")";
	}

}
