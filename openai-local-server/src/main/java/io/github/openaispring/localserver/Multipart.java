package io.github.openaispring.localserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code multipart/form-data} body split into its parts. */
final class Multipart {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"([^\"]+)\"|[^;\\s]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NAME = Pattern.compile("[;\\s]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

	private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

	private Multipart() {
	}

	/** One part: its form field name, file name and content type when given, and its bytes. */
	record Part(String name, String filename, String contentType, byte[] content) {

		String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

	/**
	 * Read the body of a request as a {@code multipart/form-data} form, failing as the real API
	 * does when it is not one.
	 * @param exchange the request
	 * @return the parts, in order
	 * @throws ApiException 400 when the content type is not multipart form data or the body is not
	 * well formed
	 */
	static List<Part> parse(Exchange exchange) throws IOException {
		String contentType = exchange.requestHeader("Content-Type");
		String boundary = boundary(contentType);
		if (boundary == null) {
			throw ApiException.invalidRequest("Invalid Content-Type header (" + contentType
					+ "), expected multipart/form-data. (HINT: If you're using curl, you can pass -H "
					+ "'Content-Type: multipart/form-data')", null, null);
		}
		try {
			return parse(exchange.body(), boundary);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.invalidRequest("Could not parse multipart form: " + ex.getMessage(), null, null);
		}
	}

	/**
	 * Return the boundary of a {@code multipart/form-data} content type.
	 * @param contentType the header value
	 * @return the boundary, or {@code null} when the type is not multipart form data with one
	 */
	static String boundary(String contentType) {
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		Matcher matcher = BOUNDARY.matcher(contentType);
		if (!matcher.find()) {
			return null;
		}
		return (matcher.group(2) != null) ? matcher.group(2) : matcher.group(1);
	}

	/**
	 * Split a body into its parts.
	 * @param body the body
	 * @param boundary the boundary
	 * @return the parts, in order
	 * @throws IllegalArgumentException when the body is not well formed
	 */
	static List<Part> parse(byte[] body, String boundary) {
		byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		List<Part> parts = new ArrayList<>();
		int at = indexOf(body, delimiter, 0);
		if (at < 0) {
			throw new IllegalArgumentException("no boundary");
		}
		at += delimiter.length;
		while (true) {
			if (at + 1 < body.length && body[at] == '-' && body[at + 1] == '-') {
				return parts;
			}
			int headersStart = indexOf(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
			if (headersStart < 0) {
				throw new IllegalArgumentException("truncated part");
			}
			headersStart += 2;
			int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart - 2);
			if (headersEnd < 0) {
				throw new IllegalArgumentException("truncated part headers");
			}
			String headers = new String(body, headersStart, Math.max(0, headersEnd - headersStart),
					StandardCharsets.UTF_8);
			int contentStart = headersEnd + 4;
			int contentEnd = indexOf(body, next, contentStart);
			if (contentEnd < 0) {
				throw new IllegalArgumentException("no closing boundary");
			}
			byte[] content = new byte[contentEnd - contentStart];
			System.arraycopy(body, contentStart, content, 0, content.length);
			parts.add(part(headers, content));
			at = contentEnd + next.length;
		}
	}

	private static Part part(String headers, byte[] content) {
		String name = null;
		String filename = null;
		String contentType = null;
		for (String header : headers.split("\r\n")) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String headerName = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			if (headerName.equals("content-disposition")) {
				Matcher nameMatcher = NAME.matcher(";" + value);
				name = nameMatcher.find() ? nameMatcher.group(1) : null;
				Matcher filenameMatcher = FILENAME.matcher(value);
				filename = filenameMatcher.find() ? filenameMatcher.group(1) : null;
			}
			else if (headerName.equals("content-type")) {
				contentType = value;
			}
		}
		return new Part(name, filename, contentType, content);
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
