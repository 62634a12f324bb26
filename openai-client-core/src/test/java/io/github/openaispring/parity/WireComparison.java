package io.github.openaispring.parity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares the client's request with the official SDK's, and lists every difference: method,
 * path, query (as a multimap), headers (all of them but {@link #IGNORED_HEADERS}), and the body:
 * JSON as trees, {@code multipart/form-data} part by part, anything else byte for byte.
 */
final class WireComparison {

	/**
	 * The headers not compared, each with the reason: what each HTTP stack or SDK says of
	 * itself, and framing that the body's own comparison covers.
	 */
	static final Map<String, String> IGNORED_HEADERS;

	static {
		Map<String, String> ignored = new LinkedHashMap<>();
		ignored.put("user-agent", "each client names itself");
		ignored.put("x-stainless-*", "the Stainless SDKs' telemetry about themselves (language, package version, OS, "
				+ "architecture, runtime, retry count, timeout); not part of the API");
		ignored.put("host", "the recorder's address, a random port on each side");
		ignored.put("connection", "connection management of each HTTP stack");
		ignored.put("keep-alive", "connection management of each HTTP stack");
		ignored.put("content-length", "framing; the bodies themselves are compared");
		ignored.put("transfer-encoding", "framing; the bodies themselves are compared");
		ignored.put("accept-encoding", "response compression each HTTP stack negotiates for itself");
		ignored.put("accept-language", "added by Node's fetch (undici) as the Fetch standard says, not by the SDK");
		ignored.put("sec-fetch-mode", "added by Node's fetch (undici) as the Fetch standard says, not by the SDK");
		ignored.put("content-type boundary", "the multipart boundary is random; the parts are compared by parsing both "
				+ "bodies with their own boundary");
		IGNORED_HEADERS = Collections.unmodifiableMap(ignored);
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Difference> differences = new ArrayList<>();

	private int request;

	private WireComparison() {
	}

	/**
	 * Compare the requests of one case, in order.
	 * @param sdk the SDK's requests
	 * @param client the client's requests
	 * @return every difference, none when they match
	 */
	static List<Difference> compare(List<WireRequest> sdk, List<WireRequest> client) {
		WireComparison comparison = new WireComparison();
		if (sdk.size() != client.size()) {
			comparison.request = Math.min(sdk.size(), client.size());
			comparison.add("requests", "sdk sent " + sdk.size() + " " + sdk + ", client " + client.size() + " " + client);
		}
		for (int i = 0; i < Math.min(sdk.size(), client.size()); i++) {
			comparison.request = i;
			comparison.compare(sdk.get(i), client.get(i));
		}
		return comparison.differences;
	}

	static boolean ignoredHeader(String name) {
		return name.startsWith("x-stainless-") || IGNORED_HEADERS.containsKey(name);
	}

	private void add(String what, String detail) {
		this.differences.add(new Difference(this.request, what, detail));
	}

	private void compare(WireRequest sdk, WireRequest client) {
		if (!sdk.method().equals(client.method())) {
			add("method", "sdk " + sdk.method() + ", client " + client.method());
		}
		if (!sdk.path().equals(client.path())) {
			add("path", "sdk " + sdk.rawPath() + ", client " + client.rawPath());
		}
		else if (!sdk.rawPath().equals(client.rawPath())) {
			add("path encoding", "sdk " + sdk.rawPath() + ", client " + client.rawPath());
		}
		compareQuery(sdk, client);
		compareHeaders(sdk, client);
		compareBody(sdk, client);
	}

	private void compareQuery(WireRequest sdk, WireRequest client) {
		Map<String, List<String>> sdkQuery = sdk.query();
		Map<String, List<String>> clientQuery = client.query();
		Set<String> names = new TreeSet<>(sdkQuery.keySet());
		names.addAll(clientQuery.keySet());
		boolean same = true;
		for (String name : names) {
			List<String> sdkValues = sdkQuery.getOrDefault(name, Collections.emptyList());
			List<String> clientValues = clientQuery.getOrDefault(name, Collections.emptyList());
			if (!sorted(sdkValues).equals(sorted(clientValues))) {
				same = false;
				add("query " + name, "sdk " + show(sdkValues) + ", client " + show(clientValues));
			}
		}
		if (same && !sorted(rawPairs(sdk.rawQuery())).equals(sorted(rawPairs(client.rawQuery())))) {
			add("query encoding", "sdk " + sdk.rawQuery() + ", client " + client.rawQuery());
		}
	}

	private static List<String> rawPairs(String rawQuery) {
		return rawQuery.isEmpty() ? Collections.emptyList() : Arrays.asList(rawQuery.split("&"));
	}

	private static List<String> sorted(List<String> values) {
		List<String> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted;
	}

	private void compareHeaders(WireRequest sdk, WireRequest client) {
		Set<String> names = new TreeSet<>(sdk.headers().keySet());
		names.addAll(client.headers().keySet());
		for (String name : names) {
			if (ignoredHeader(name)) {
				continue;
			}
			List<String> sdkValues = sdk.header(name);
			List<String> clientValues = client.header(name);
			if (name.equals("content-type")) {
				sdkValues = sdkValues.stream().map(WireComparison::withoutBoundary).toList();
				clientValues = clientValues.stream().map(WireComparison::withoutBoundary).toList();
			}
			if (!sdkValues.equals(clientValues)) {
				add("header " + name, "sdk " + show(sdkValues) + ", client " + show(clientValues));
			}
		}
	}

	private static String withoutBoundary(String contentType) {
		return contentType.replaceAll("(?i);\\s*boundary=(\"[^\"]*\"|[^;]*)", "").trim();
	}

	private void compareBody(WireRequest sdk, WireRequest client) {
		byte[] sdkBody = sdk.body();
		byte[] clientBody = client.body();
		if (sdkBody.length == 0 || clientBody.length == 0) {
			if (sdkBody.length != clientBody.length) {
				add("body", "sdk " + describe(sdkBody) + ", client " + describe(clientBody));
			}
			return;
		}
		String mediaType = sdk.mediaType();
		if (mediaType.equals("application/json")) {
			compareJson(sdkBody, clientBody);
		}
		else if (mediaType.equals("multipart/form-data") && client.mediaType().equals("multipart/form-data")) {
			compareForms(sdk, client);
		}
		else if (!Arrays.equals(sdkBody, clientBody)) {
			add("body", "sdk " + describe(sdkBody) + ", client " + describe(clientBody));
		}
	}

	private void compareJson(byte[] sdkBody, byte[] clientBody) {
		JsonNode sdkJson = JSON.readTree(sdkBody);
		JsonNode clientJson = readJson(clientBody);
		if (clientJson == null) {
			add("body", "sdk JSON " + describe(sdkBody) + ", client not JSON: " + describe(clientBody));
			return;
		}
		compareJson("body ", "$", sdkJson, clientJson);
	}

	private static JsonNode readJson(byte[] bytes) {
		try {
			return JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private void compareJson(String prefix, String path, JsonNode sdk, JsonNode client) {
		if (sdk.isObject() && client.isObject()) {
			Set<String> names = new LinkedHashSet<>();
			sdk.propertyNames().forEach(names::add);
			client.propertyNames().forEach(names::add);
			for (String name : names) {
				String child = path + "." + name;
				if (!sdk.has(name)) {
					add(prefix + child, "sdk (absent), client " + client.get(name));
				}
				else if (!client.has(name)) {
					add(prefix + child, "sdk " + sdk.get(name) + ", client (absent)");
				}
				else {
					compareJson(prefix, child, sdk.get(name), client.get(name));
				}
			}
		}
		else if (sdk.isArray() && client.isArray()) {
			if (sdk.size() != client.size()) {
				add(prefix + path, "sdk " + sdk + ", client " + client);
				return;
			}
			for (int i = 0; i < sdk.size(); i++) {
				compareJson(prefix, path + "[" + i + "]", sdk.get(i), client.get(i));
			}
		}
		else if (sdk.isNumber() && client.isNumber()) {
			if (sdk.decimalValue().compareTo(client.decimalValue()) != 0) {
				add(prefix + path, "sdk " + sdk + ", client " + client);
			}
		}
		else if (!sdk.equals(client)) {
			add(prefix + path, "sdk " + sdk + ", client " + client);
		}
	}

	private void compareForms(WireRequest sdk, WireRequest client) {
		Map<String, List<MultipartForm.Part>> sdkParts = byName(
				MultipartForm.parse(sdk.header("content-type").get(0), sdk.body()));
		Map<String, List<MultipartForm.Part>> clientParts = byName(
				MultipartForm.parse(client.header("content-type").get(0), client.body()));
		Set<String> names = new LinkedHashSet<>(sdkParts.keySet());
		names.addAll(clientParts.keySet());
		for (String name : names) {
			List<MultipartForm.Part> sdkList = sdkParts.getOrDefault(name, Collections.emptyList());
			List<MultipartForm.Part> clientList = clientParts.getOrDefault(name, Collections.emptyList());
			if (sdkList.size() != clientList.size()) {
				add("part " + name, "sdk " + showParts(sdkList) + ", client " + showParts(clientList));
				continue;
			}
			for (int i = 0; i < sdkList.size(); i++) {
				comparePart(name + ((sdkList.size() > 1) ? " #" + (i + 1) : ""), sdkList.get(i), clientList.get(i));
			}
		}
	}

	private void comparePart(String label, MultipartForm.Part sdk, MultipartForm.Part client) {
		// "file <name> ..." for a part with a file name on either side, "field <name> ..." otherwise
		String what = ((sdk.filename() != null || client.filename() != null) ? "file " : "field ") + sdk.name();
		if (!Objects.equals(sdk.filename(), client.filename())) {
			add(what + " filename", label + ": sdk " + sdk.filename() + ", client " + client.filename());
		}
		if (!Objects.equals(sdk.contentType(), client.contentType())) {
			add(what + " content-type",
					label + ": sdk " + showValue(sdk.contentType()) + ", client " + showValue(client.contentType()));
		}
		Set<String> headers = new TreeSet<>(sdk.headers().keySet());
		headers.addAll(client.headers().keySet());
		headers.remove("content-type");
		for (String header : headers) {
			String sdkValue = sdk.headers().get(header);
			String clientValue = client.headers().get(header);
			if (header.equals("content-disposition") && sdkValue != null && clientValue != null) {
				continue; // name and filename are compared on their own; parameter order and quoting are not
			}
			if (!Objects.equals(sdkValue, clientValue)) {
				add(what + " header " + header,
						label + ": sdk " + showValue(sdkValue) + ", client " + showValue(clientValue));
			}
		}
		if (!Arrays.equals(sdk.body(), client.body()) && !sameJsonLines(what + " value line ", sdk.body(), client.body())) {
			add(what + " value", label + ": sdk " + describe(sdk.body()) + ", client " + describe(client.body()));
		}
	}

	/**
	 * Compare two values that are JSON, or JSON Lines (batch input files), as JSON: key order and
	 * spacing do not matter. Return false when either is not JSON, or they have different lines.
	 */
	private boolean sameJsonLines(String prefix, byte[] sdk, byte[] client) {
		String[] sdkLines = new String(sdk, StandardCharsets.UTF_8).split("\n");
		String[] clientLines = new String(client, StandardCharsets.UTF_8).split("\n");
		if (sdkLines.length != clientLines.length) {
			return false;
		}
		List<JsonNode[]> pairs = new ArrayList<>();
		for (int i = 0; i < sdkLines.length; i++) {
			JsonNode sdkJson = readJson(sdkLines[i].getBytes(StandardCharsets.UTF_8));
			JsonNode clientJson = readJson(clientLines[i].getBytes(StandardCharsets.UTF_8));
			if (sdkJson == null || clientJson == null || !sdkJson.isContainer()) {
				return false;
			}
			pairs.add(new JsonNode[] { sdkJson, clientJson });
		}
		for (int i = 0; i < pairs.size(); i++) {
			compareJson(prefix + (i + 1) + " ", "$", pairs.get(i)[0], pairs.get(i)[1]);
		}
		return true;
	}

	private static Map<String, List<MultipartForm.Part>> byName(List<MultipartForm.Part> parts) {
		Map<String, List<MultipartForm.Part>> byName = new LinkedHashMap<>();
		for (MultipartForm.Part part : parts) {
			byName.computeIfAbsent(part.name(), (name) -> new ArrayList<>()).add(part);
		}
		return byName;
	}

	private static String showParts(List<MultipartForm.Part> parts) {
		if (parts.isEmpty()) {
			return "(absent)";
		}
		List<String> shown = new ArrayList<>();
		for (MultipartForm.Part part : parts) {
			shown.add((part.filename() != null) ? "<" + part.filename() + ">" : describe(part.body()));
		}
		return shown.toString();
	}

	private static String show(List<String> values) {
		return values.isEmpty() ? "(absent)" : values.toString();
	}

	private static String showValue(String value) {
		return (value != null) ? value : "(absent)";
	}

	/** Bytes shown as text when they are printable, else as their length. */
	static String describe(byte[] bytes) {
		if (bytes.length == 0) {
			return "(empty)";
		}
		String text = new String(bytes, StandardCharsets.UTF_8);
		boolean printable = text.chars().allMatch((c) -> c >= 0x20 && c != 0xFFFD || c == '\n' || c == '\r' || c == '\t');
		if (!printable) {
			return bytes.length + " bytes " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 32))
					+ ((bytes.length > 32) ? "..." : "");
		}
		String shown = (text.length() > 300) ? text.substring(0, 300) + "..." : text;
		return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
	}

}
