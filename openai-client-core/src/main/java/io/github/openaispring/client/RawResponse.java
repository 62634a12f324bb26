package io.github.openaispring.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.openaispring.core.http.HttpResult;
import org.jspecify.annotations.Nullable;

/**
 * A response as it came: status, headers and body, with {@link #parse()} to read the body as
 * the operation's usual result. What {@code client.withRawResponse()} returns, for callers who
 * need a header (the request id, the rate-limit headers) as well as the result.
 * <p>
 * The body is read, but parsed only when asked, and then once.
 *
 * @param <T> the type the body parses to
 * @since 0.1.0
 */
public final class RawResponse<T> {

	private final HttpResult result;

	private final Function<HttpResult, T> parser;

	private volatile @Nullable Parsed<T> parsed;

	private RawResponse(HttpResult result, Function<HttpResult, T> parser) {
		this.result = result;
		this.parser = parser;
	}

	/**
	 * Return a raw response for a result.
	 * @param <T> the parsed type
	 * @param result the status, headers and body
	 * @param parser reads the body as the result
	 * @return the raw response
	 */
	public static <T> RawResponse<T> of(HttpResult result, Function<HttpResult, T> parser) {
		return new RawResponse<>(result, parser);
	}

	/**
	 * Return the HTTP status code.
	 * @return the status code
	 */
	public int statusCode() {
		return this.result.statusCode();
	}

	/**
	 * Return the response headers, by lower-case name.
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.result.headers();
	}

	/**
	 * Return the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return this.result.header(name);
	}

	/**
	 * Return the {@code x-request-id} the server gave the request, for support requests.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String requestId() {
		return this.result.requestId();
	}

	/**
	 * Return the body as it came.
	 * @return a copy of the body's bytes
	 */
	public byte[] body() {
		return this.result.body().clone();
	}

	/**
	 * Return the body as UTF-8 text.
	 * @return the text
	 */
	public String bodyText() {
		return new String(this.result.body(), StandardCharsets.UTF_8);
	}

	/**
	 * Read the body as the operation's result; later calls return the same value.
	 * @return the result, {@code null} for an operation that answers with no body
	 * @throws io.github.openaispring.errors.APIResponseValidationException if the body does not
	 * parse
	 */
	public T parse() {
		Parsed<T> value = this.parsed;
		if (value == null) {
			value = new Parsed<>(this.parser.apply(this.result));
			this.parsed = value;
		}
		return value.value();
	}

	/**
	 * Return this response with its parsed result turned into another type, as the blocking
	 * client does with an async page.
	 * @param <U> the new result type
	 * @param mapper turns the parsed result into the new one, when it is asked for
	 * @return the response
	 */
	public <U> RawResponse<U> map(Function<? super T, ? extends U> mapper) {
		return new RawResponse<>(this.result, (result) -> mapper.apply(parse()));
	}

	@Override
	public String toString() {
		return "RawResponse{status=" + statusCode() + ", requestId=" + requestId() + ", bodyBytes="
				+ this.result.body().length + "}";
	}

	private record Parsed<T>(T value) {
	}

}
