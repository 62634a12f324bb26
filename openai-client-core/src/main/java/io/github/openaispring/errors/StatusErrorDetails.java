package io.github.openaispring.errors;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an error response said: the status, the headers, the {@code x-request-id}, the fields
 * of OpenAI's error object when the body is one, and the raw body cut to a bounded length.
 *
 * @param statusCode the HTTP status code
 * @param headers the response headers, by lower-case name
 * @param requestId the {@code x-request-id}, or {@code null}
 * @param message the {@code message} of the error object, or {@code null}
 * @param type the {@code type} of the error object, or {@code null}
 * @param param the {@code param} of the error object, or {@code null}
 * @param code the {@code code} of the error object, or {@code null}
 * @param body the body as received, cut to a bounded length
 * @since 0.1.0
 */
public record StatusErrorDetails(int statusCode, Map<String, List<String>> headers, @Nullable String requestId,
		@Nullable String message, @Nullable String type, @Nullable String param, @Nullable String code, String body) {
}
