package io.github.openaispring.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.AuthenticationException;
import io.github.openaispring.errors.BadRequestException;
import io.github.openaispring.errors.ConflictException;
import io.github.openaispring.errors.InternalServerException;
import io.github.openaispring.errors.NotFoundException;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import io.github.openaispring.errors.PermissionDeniedException;
import io.github.openaispring.errors.RateLimitException;
import io.github.openaispring.errors.StatusErrorDetails;
import io.github.openaispring.errors.StreamErrorException;
import io.github.openaispring.errors.UnprocessableEntityException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The one place where responses the client did not want become exceptions: error statuses
 * (the seed's table), success bodies that do not parse, and error events inside streams.
 *
 * @since 0.1.0
 */
public final class ErrorMapper {

	/** The most of a body an exception keeps. */
	static final int MAX_BODY = 2048;

	/** The most of a JSON error body without a message that an exception's message quotes. */
	static final int MAX_QUOTED_BODY = 512;

	private ErrorMapper() {
	}

	/**
	 * Map an error response to its exception.
	 * @param result the response
	 * @return the exception, typed by status
	 */
	public static APIStatusException statusError(HttpResult result) {
		return statusError(result, null);
	}

	/**
	 * Map an error response to its exception, removing a secret (the API key) wherever the
	 * server echoed it: in the message, the error fields and the body the exception keeps.
	 * @param result the response
	 * @param secret the text that must not appear in the exception, or {@code null}
	 * @return the exception, typed by status
	 */
	public static APIStatusException statusError(HttpResult result, @Nullable String secret) {
		JsonNode root = json(result.body());
		JsonNode error = errorObject(root);
		String errorMessage = redact(errorMessage(root, error), secret);
		StatusErrorDetails details = new StatusErrorDetails(result.statusCode(), result.headers(), result.requestId(),
				errorMessage, redact(text(error, "type"), secret), redact(text(error, "param"), secret),
				redact(text(error, "code"), secret), truncate(redact(result.bodyText(), secret)));
		String message = result.statusCode() + ": "
				+ ((errorMessage != null) ? errorMessage : redact(describeBody(result, root), secret))
				+ ((result.requestId() != null) ? " (request id " + result.requestId() + ")" : "");
		int status = result.statusCode();
		return switch (status) {
			case 400 -> new BadRequestException(message, details);
			case 401 -> new AuthenticationException(message, details);
			case 403 -> new PermissionDeniedException(message, details);
			case 404 -> new NotFoundException(message, details);
			case 409 -> new ConflictException(message, details);
			case 422 -> new UnprocessableEntityException(message, details);
			case 429 -> new RateLimitException(message, details);
			default -> (status >= 500) ? new InternalServerException(message, details)
					: new APIStatusException(message, details);
		};
	}

	/**
	 * Replace every occurrence of a secret in a text.
	 * @param text the text, or {@code null}
	 * @param secret the secret, or {@code null}; secrets shorter than 8 characters are left
	 * alone, so that a trivial key does not blank out ordinary words
	 * @return the text without the secret
	 */
	static @Nullable String redact(@Nullable String text, @Nullable String secret) {
		if (text == null || secret == null || secret.length() < 8 || !text.contains(secret)) {
			return text;
		}
		return text.replace(secret, "****");
	}

	/**
	 * Map a success response whose body does not fit the declared type, removing a secret (the
	 * API key) from the body the exception keeps, where a misbehaving server echoed it.
	 * @param result the response
	 * @param failure why reading failed
	 * @param secret the text that must not appear in the exception, or {@code null}
	 * @return the exception
	 */
	public static APIResponseValidationException invalidBody(HttpResult result, OpenAIInvalidDataException failure,
			@Nullable String secret) {
		return new APIResponseValidationException(
				redact(failure.getMessage(), secret) + " (HTTP " + result.statusCode()
						+ ((result.requestId() != null) ? ", request id " + result.requestId() : "") + ")",
				result.statusCode(), result.headers(), result.requestId(), truncate(redact(result.bodyText(), secret)),
				failure);
	}

	/**
	 * Map the data of an error event in a stream.
	 * @param data the event data
	 * @param requestId the request id of the stream's response
	 * @param secret the API key, replaced by {@code ****} if the server echoes it
	 * @return the exception
	 */
	public static StreamErrorException streamError(String data, @Nullable String requestId, @Nullable String secret) {
		JsonNode root = json(data.getBytes(StandardCharsets.UTF_8));
		JsonNode error = errorObject(root);
		String message = redact(errorMessage(root, error), secret);
		return new StreamErrorException("The stream reported an error: "
				+ ((message != null) ? message : truncate(redact(data, secret)))
				+ ((requestId != null) ? " (request id " + requestId + ")" : ""), requestId, text(error, "type"),
				text(error, "code"));
	}

	/** The JSON of a body, or {@code null} when it is empty or not JSON. */
	private static @Nullable JsonNode json(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return OpenAIJson.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The error object of a body: {@code {"error": {...}}}, or the body itself. */
	static @Nullable JsonNode errorObject(byte[] body) {
		return errorObject(json(body));
	}

	private static @Nullable JsonNode errorObject(@Nullable JsonNode root) {
		if (root == null || !root.isObject()) {
			return null;
		}
		JsonNode error = root.get("error");
		return (error != null && error.isObject()) ? error : root;
	}

	/**
	 * The message of an error body: OpenAI's {@code error.message}, or {@code error} itself when
	 * it is a string, as some compatible servers (Ollama, for one) send it.
	 */
	private static @Nullable String errorMessage(@Nullable JsonNode root, @Nullable JsonNode error) {
		String message = text(error, "message");
		if (message == null && root != null && root.isObject()) {
			JsonNode value = root.get("error");
			if (value != null && value.isString()) {
				return value.stringValue();
			}
		}
		return message;
	}

	private static @Nullable String text(@Nullable JsonNode error, String field) {
		if (error == null) {
			return null;
		}
		JsonNode value = error.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		return value.isString() ? value.stringValue() : value.toString();
	}

	private static String describeBody(HttpResult result, @Nullable JsonNode root) {
		if (result.body().length == 0) {
			return "empty body";
		}
		if (root != null) {
			String text = result.bodyText().strip();
			return (text.length() <= MAX_QUOTED_BODY) ? text
					: text.substring(0, MAX_QUOTED_BODY) + "... (" + text.length() + " chars)";
		}
		List<String> contentType = result.headers().getOrDefault("content-type", List.of());
		return "non-JSON body" + (contentType.isEmpty() ? "" : ": " + contentType.get(0));
	}

	static String truncate(String text) {
		return (text.length() <= MAX_BODY) ? text : text.substring(0, MAX_BODY) + "... (" + text.length() + " chars)";
	}

	/**
	 * Return whether a header map asks for, or forbids, a retry.
	 * @param headers the response headers
	 * @return {@code true} or {@code false} as {@code x-should-retry} says, or {@code null}
	 */
	static @Nullable Boolean shouldRetry(Map<String, List<String>> headers) {
		String value = HttpResult.firstHeader(headers, "x-should-retry");
		if ("true".equalsIgnoreCase(value)) {
			return Boolean.TRUE;
		}
		if ("false".equalsIgnoreCase(value)) {
			return Boolean.FALSE;
		}
		return null;
	}

}
