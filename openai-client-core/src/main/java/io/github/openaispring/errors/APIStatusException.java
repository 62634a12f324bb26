package io.github.openaispring.errors;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error status. Subclasses name the common statuses; this class
 * itself stands for any other one. It carries what the server said: the status, the headers,
 * the {@code x-request-id}, the fields of OpenAI's error object ({@code message}, {@code type},
 * {@code param}, {@code code}) when the body is one, and the raw body.
 *
 * @since 0.1.0
 */
public class APIStatusException extends OpenAIException {

	private static final long serialVersionUID = 1L;

	private final transient StatusErrorDetails details;

	public APIStatusException(String message, StatusErrorDetails details) {
		super(message);
		this.details = details;
	}

	/**
	 * Return everything the error response said.
	 * @return the details
	 */
	public StatusErrorDetails details() {
		return this.details;
	}

	/**
	 * Return the HTTP status code.
	 * @return the status code
	 */
	public int statusCode() {
		return this.details.statusCode();
	}

	/**
	 * Return the response headers, by lower-case name.
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.details.headers();
	}

	/**
	 * Return the {@code x-request-id} the server gave the request, to quote to OpenAI support.
	 * @return the request id, or {@code null} if the response had none
	 */
	public @Nullable String requestId() {
		return this.details.requestId();
	}

	/**
	 * Return the {@code message} of OpenAI's error object.
	 * @return the message, or {@code null} if the body was not an error object
	 */
	public @Nullable String errorMessage() {
		return this.details.message();
	}

	/**
	 * Return the {@code type} of OpenAI's error object, such as {@code invalid_request_error}.
	 * @return the type, or {@code null}
	 */
	public @Nullable String errorType() {
		return this.details.type();
	}

	/**
	 * Return the {@code param} of OpenAI's error object: the request field at fault.
	 * @return the parameter, or {@code null}
	 */
	public @Nullable String errorParam() {
		return this.details.param();
	}

	/**
	 * Return the {@code code} of OpenAI's error object, such as {@code rate_limit_exceeded}.
	 * @return the code, or {@code null}
	 */
	public @Nullable String errorCode() {
		return this.details.code();
	}

	/**
	 * Return how long the server asked to wait before trying again: {@code retry-after-ms},
	 * else {@code Retry-After} in seconds or as an HTTP date. The client retries within its
	 * cap (2 minutes by default); a call asked to wait longer fails at once, and this is the
	 * wait to schedule it after.
	 * @return the wait (negative for a date in the past), or {@code null} when the response
	 * asked for none or for one that cannot be read
	 */
	public @Nullable Duration retryAfter() {
		Double millis = number(header("retry-after-ms"));
		if (millis != null) {
			return Duration.ofNanos((long) (millis * 1_000_000));
		}
		String value = header("retry-after");
		Double seconds = number(value);
		if (seconds != null) {
			return Duration.ofNanos((long) (seconds * 1_000_000_000));
		}
		if (value == null) {
			return null;
		}
		try {
			ZonedDateTime date = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
			return Duration.between(ZonedDateTime.now(date.getZone()), date);
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

	private @Nullable String header(String name) {
		for (Map.Entry<String, List<String>> header : headers().entrySet()) {
			if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
				return header.getValue().get(0);
			}
		}
		return null;
	}

	/** A finite number, or {@code null}: {@code NaN} and infinities are not waits. */
	private static @Nullable Double number(@Nullable String value) {
		if (value == null) {
			return null;
		}
		try {
			double number = Double.parseDouble(value.strip());
			return Double.isFinite(number) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Return the response body as received, cut to a bounded length.
	 * @return the body
	 */
	public String body() {
		return this.details.body();
	}

}
