package io.github.openaispring.parity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP request as it arrived at a recorder: method, raw path, raw query string, headers by
 * lower-case name (each with its values in order), and the body's bytes.
 *
 * @param method the method
 * @param rawPath the path as sent, percent-encoding included
 * @param rawQuery the query string as sent, without {@code ?}; empty for none
 * @param headers the headers by lower-case name
 * @param body the body; empty for none
 */
record WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

	/** The request as the Node recorder wrote it ({@code record.mjs}). */
	static WireRequest fromRecording(JsonNode request) {
		Map<String, List<String>> headers = new TreeMap<>();
		for (JsonNode pair : request.path("headers")) {
			headers.computeIfAbsent(pair.get(0).asString().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
				.add(pair.get(1).asString());
		}
		return new WireRequest(request.path("method").asString(), request.path("path").asString(),
				request.path("query").asString(), headers, Base64.getDecoder().decode(request.path("body").asString()));
	}

	/** The request as WireMock logged it. */
	static WireRequest fromWireMock(LoggedRequest request) {
		Map<String, List<String>> headers = new TreeMap<>();
		for (HttpHeader header : request.getHeaders().all()) {
			headers.computeIfAbsent(header.key().toLowerCase(Locale.ROOT), (name) -> new ArrayList<>())
				.addAll(header.values());
		}
		String url = request.getUrl();
		int question = url.indexOf('?');
		String path = (question < 0) ? url : url.substring(0, question);
		String query = (question < 0) ? "" : url.substring(question + 1);
		byte[] body = (request.getBody() != null) ? request.getBody() : new byte[0];
		return new WireRequest(request.getMethod().getName(), path, query, headers, body);
	}

	/** The path with its percent-encoding decoded. */
	String path() {
		return decode(this.rawPath, false);
	}

	/** The query parameters, decoded, by name, each with its values in order. */
	Map<String, List<String>> query() {
		Map<String, List<String>> query = new TreeMap<>();
		if (this.rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : this.rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals), true);
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1), true);
			query.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return query;
	}

	/** The values of a header, or an empty list. */
	List<String> header(String name) {
		return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), Collections.emptyList());
	}

	/** The media type of the body without parameters, lower case, or {@code ""}. */
	String mediaType() {
		List<String> values = header("content-type");
		if (values.isEmpty()) {
			return "";
		}
		return values.get(0).split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.method + " " + this.rawPath + (this.rawQuery.isEmpty() ? "" : "?" + this.rawQuery);
	}

	private static String decode(String value, boolean plusIsSpace) {
		String text = plusIsSpace ? value : value.replace("+", "%2B");
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
