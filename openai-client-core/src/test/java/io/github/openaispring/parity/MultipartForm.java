package io.github.openaispring.parity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A {@code multipart/form-data} body split by its boundary into parts: each part's headers, its
 * field name, its file name if any, and its bytes.
 */
final class MultipartForm {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

	private static final Pattern NAME = Pattern.compile("(?:^|;)\\s*name=\"([^\"]*)\"");

	private static final Pattern FILENAME = Pattern.compile("(?:^|;)\\s*filename=\"([^\"]*)\"");

	private MultipartForm() {
	}

	/**
	 * One part of the form.
	 * @param name the field name
	 * @param filename the file name, or {@code null} for a plain field
	 * @param headers the part's headers by lower-case name, {@code content-disposition} included
	 * @param body the part's bytes
	 */
	record Part(String name, @Nullable String filename, Map<String, String> headers, byte[] body) {

		@Nullable String contentType() {
			return this.headers.get("content-type");
		}

	}

	/**
	 * Split a body by the boundary its content type names.
	 * @param contentType the request's {@code Content-Type}
	 * @param body the body
	 * @return the parts in order
	 * @throws IllegalArgumentException if the body is not a well-formed form
	 */
	static List<Part> parse(String contentType, byte[] body) {
		Matcher boundaryMatcher = BOUNDARY.matcher(contentType);
		if (!boundaryMatcher.find()) {
			throw new IllegalArgumentException("No boundary in " + contentType);
		}
		byte[] delimiter = ("--" + boundaryMatcher.group(1)).getBytes(StandardCharsets.ISO_8859_1);
		List<Part> parts = new ArrayList<>();
		int position = indexOf(body, delimiter, 0);
		if (position < 0) {
			throw new IllegalArgumentException("Boundary not found in the body");
		}
		while (true) {
			int afterDelimiter = position + delimiter.length;
			if (startsWith(body, afterDelimiter, "--")) {
				return parts;
			}
			int headersStart = afterDelimiter + 2; // CRLF
			int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
			int next = indexOf(body, ("\r\n" + new String(delimiter, StandardCharsets.ISO_8859_1))
				.getBytes(StandardCharsets.ISO_8859_1), headersStart);
			if (headersEnd < 0 || next < 0 || headersEnd > next) {
				throw new IllegalArgumentException("Malformed part at byte " + position);
			}
			Map<String, String> headers = new LinkedHashMap<>();
			String headerText = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
			for (String line : headerText.split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
				}
			}
			String disposition = headers.getOrDefault("content-disposition", "");
			Matcher name = NAME.matcher(disposition);
			Matcher filename = FILENAME.matcher(disposition);
			parts.add(new Part(name.find() ? name.group(1) : "", filename.find() ? filename.group(1) : null, headers,
					Arrays.copyOfRange(body, headersEnd + 4, next)));
			position = next + 2;
		}
	}

	private static boolean startsWith(byte[] body, int offset, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
		return offset + bytes.length <= body.length
				&& Arrays.equals(body, offset, offset + bytes.length, bytes, 0, bytes.length);
	}

	private static int indexOf(byte[] body, byte[] pattern, int from) {
		outer: for (int i = Math.max(0, from); i <= body.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (body[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
