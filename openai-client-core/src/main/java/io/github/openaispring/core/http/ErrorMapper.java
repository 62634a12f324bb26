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

	private ErrorMapper() {
	}

	/**
	 * Map an error response to its exception.
	 * @param result the response
	 * @return the exception, typed by status
	 */
	public static APIStatusException statusError(HttpResult result) {
		JsonNode error = errorObject(result.body());
		String errorMessage = text(error, "message");
		StatusErrorDetails details = new StatusErrorDetails(result.statusCode(), result.headers(), result.requestId(),
				errorMessage, text(error, "type"), text(error, "param"), text(error, "code"),
				truncate(result.bodyText()));
		String message = result.statusCode() + ": " + ((errorMessage != null) ? errorMessage : describeBody(result))
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
	 * Map a success response whose body does not fit the declared type.
	 * @param result the response
	 * @param failure why reading failed
	 * @return the exception
	 */
	public static APIResponseValidationException invalidBody(HttpResult result, OpenAIInvalidDataException failure) {
		return new APIResponseValidationException(
				failure.getMessage() + " (HTTP " + result.statusCode()
						+ ((result.requestId() != null) ? ", request id " + result.requestId() : "") + ")",
				result.statusCode(), result.headers(), result.requestId(), truncate(result.bodyText()), failure);
	}

	/**
	 * Map the data of an error event in a stream.
	 * @param data the event data
	 * @param requestId the request id of the stream's response
	 * @return the exception
	 */
	public static StreamErrorException streamError(String data, @Nullable String requestId) {
		JsonNode error = errorObject(data.getBytes(StandardCharsets.UTF_8));
		String message = text(error, "message");
		return new StreamErrorException("The stream reported an error: "
				+ ((message != null) ? message : truncate(data))
				+ ((requestId != null) ? " (request id " + requestId + ")" : ""), requestId, text(error, "type"),
				text(error, "code"));
	}

	/** The error object of a body: {@code {"error": {...}}}, or the body itself. */
	static @Nullable JsonNode errorObject(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			JsonNode root = OpenAIJson.mapper().readTree(body);
			if (!root.isObject()) {
				return null;
			}
			JsonNode error = root.get("error");
			return (error != null && error.isObject()) ? error : root;
		}
		catch (JacksonException ex) {
			return null;
		}
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

	private static String describeBody(HttpResult result) {
		if (result.body().length == 0) {
			return "empty body";
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
