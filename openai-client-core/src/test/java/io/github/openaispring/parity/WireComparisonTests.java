package io.github.openaispring.parity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The comparison {@link ParityTests} relies on finds each kind of difference, and only those: run
 * without Node, on requests written here.
 */
class WireComparisonTests {

	private static final String JSON = "application/json";

	@Test
	void sameRequestsHaveNoDifference() {
		WireRequest request = json("POST", "/v1/chat/completions", "", "{\"model\":\"gpt-4o\",\"n\":1}");
		assertThat(WireComparison.compare(List.of(request), List.of(request))).isEmpty();
	}

	@Test
	void methodPathAndItsEncodingAreCompared() {
		assertThat(whats(get("/v1/models/gpt-4o", ""), delete("/v1/models/gpt-4o"))).containsExactly("method");
		assertThat(whats(get("/v1/models/gpt-4o", ""), get("/v1/models/gpt-4o-mini", ""))).containsExactly("path");
		assertThat(whats(get("/v1/models/ft:a", ""), get("/v1/models/ft%3Aa", ""))).containsExactly("path encoding");
	}

	@Test
	void queryIsAMultimapWhoseOrderDoesNotMatter() {
		assertThat(whats(get("/v1/files", "limit=2&order=desc"), get("/v1/files", "order=desc&limit=2"))).isEmpty();
		assertThat(whats(get("/v1/files", "limit=2&order=desc"), get("/v1/files", "limit=3&order=desc")))
			.containsExactly("query limit");
		assertThat(whats(get("/v1/files", "limit=2"), get("/v1/files", "limit=2&after=file-1")))
			.containsExactly("query after");
		assertThat(whats(get("/v1/x", "a=1&a=2"), get("/v1/x", "a=2&a=1"))).isEmpty();
		assertThat(whats(get("/v1/x", "m%5Bk%5D=v"), get("/v1/x", "m[k]=v"))).containsExactly("query encoding");
	}

	@Test
	void headersAreComparedByLowerCaseNameExceptTheIgnoredOnes() {
		WireRequest sdk = request("GET", "/v1/models", "",
				Map.of("accept", List.of(JSON), "user-agent", List.of("OpenAI/JS 7.60.0"), "x-stainless-lang",
						List.of("js"), "host", List.of("127.0.0.1:1"), "openai-project", List.of("proj")),
				new byte[0]);
		WireRequest client = request("GET", "/v1/models", "",
				Map.of("accept", List.of("*/*"), "user-agent", List.of("Java"), "host", List.of("localhost:2"),
						"x-extra", List.of("1")),
				new byte[0]);
		assertThat(whats(sdk, client)).containsExactly("header accept", "header openai-project", "header x-extra");
		assertThat(WireRequest.fromRecording(tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree("{\"method\":\"GET\",\"path\":\"/v1\",\"query\":\"\",\"headers\":[[\"Accept\",\"a\"]],\"body\":\"\"}"))
			.header("ACCEPT")).containsExactly("a");
	}

	@Test
	void jsonBodiesAreComparedAsTrees() {
		String sdk = "{\"model\":\"gpt-4o\",\"temperature\":1,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}";
		assertThat(whats(json(sdk), json("{\"messages\":[{\"content\":\"Hi\",\"role\":\"user\"}],"
				+ "\"temperature\":1.0,\"model\":\"gpt-4o\"}"))).isEmpty();
		assertThat(whats(json(sdk), json("{\"model\":\"gpt-4o\",\"temperature\":0.5,\"messages\":"
				+ "[{\"role\":\"user\",\"content\":\"Hi\",\"name\":\"a\"}],\"store\":true}")))
			.containsExactly("body $.temperature", "body $.messages[0].name", "body $.store");
		assertThat(whats(json(sdk), json("{\"model\":\"gpt-4o\",\"temperature\":1,\"messages\":[]}")))
			.containsExactly("body $.messages");
		assertThat(whats(json(sdk), json("not json"))).containsExactly("body");
		assertThat(whats(json(sdk), request("POST", "/v1/chat/completions", "", Map.of(), new byte[0])))
			.containsExactlyInAnyOrder("body", "header content-type");
	}

	@Test
	void formsAreComparedPartByPartWhateverTheirBoundaryAndOrder() {
		String sdkForm = form("sdk-boundary", filePart("image[]", "a.png", "image/png", "AAA"),
				filePart("image[]", "b.png", "image/png", "BBB"), field("model", "gpt-image-1", null));
		String clientForm = form("client-boundary", field("model", "gpt-image-1", null),
				filePart("image[]", "a.png", "image/png", "AAA"), filePart("image[]", "b.png", "image/png", "BBB"));
		assertThat(whats(multipart("sdk-boundary", sdkForm), multipart("client-boundary", clientForm))).isEmpty();
		String different = form("client-boundary", field("model", "gpt-image-1", "text/plain;charset=UTF-8"),
				filePart("image[]", "a.jpg", "image/jpeg", "AAA"), filePart("image[]", "b.png", "image/png", "BBX"),
				field("n", "1", null));
		assertThat(whats(multipart("sdk-boundary", sdkForm), multipart("client-boundary", different)))
			.containsExactlyInAnyOrder("field model content-type", "file image[] filename", "file image[] content-type",
					"file image[] value", "part n");
		String oneImage = form("client-boundary", field("model", "gpt-image-1", null),
				filePart("image[]", "a.png", "image/png", "AAA"));
		assertThat(whats(multipart("sdk-boundary", sdkForm), multipart("client-boundary", oneImage)))
			.containsExactly("part image[]");
	}

	@Test
	void jsonLinesFilesAreComparedLineByLineAsJson() {
		String sdkForm = form("s", filePart("file", "b.jsonl", "application/octet-stream",
				"{\"custom_id\":\"request-1\",\"body\":{\"a\":1,\"b\":2}}\n"));
		String sameForm = form("c", filePart("file", "b.jsonl", "application/octet-stream",
				"{\"body\":{\"b\":2,\"a\":1},\"custom_id\":\"request-1\"}\n"));
		String otherForm = form("c", filePart("file", "b.jsonl", "application/octet-stream",
				"{\"body\":{\"b\":3,\"a\":1},\"custom_id\":\"request-1\"}\n"));
		assertThat(whats(multipart("s", sdkForm), multipart("c", sameForm))).isEmpty();
		assertThat(whats(multipart("s", sdkForm), multipart("c", otherForm)))
			.containsExactly("file file value line 1 $.body.b");
	}

	@Test
	void aMissingOrExtraRequestIsADifference() {
		WireRequest request = get("/v1/files", "");
		assertThat(WireComparison.compare(List.of(request, request), List.of(request)))
			.extracting(Difference::what, Difference::request)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("requests", 1));
	}

	@Test
	void theAllowListAcceptsByGlobAndKnowsItsUnusedEntries(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("allowlist.tsv"), """
				# comment

				*/streaming*\theader accept\twhy
				files.create/*\tfield * content-type\twhy not
				models.list\tpath\tnever matched
				""");
		AllowList allowList = AllowList.read(file);
		assertThat(allowList.accept("chat.completions.create/streaming-response-format", "header accept")).isNotNull();
		assertThat(allowList.accept("chat.completions.create/tools", "header accept")).isNull();
		assertThat(allowList.accept("files.create/multipart", "field purpose content-type")).isNotNull();
		assertThat(allowList.accept("files.create/multipart", "file file content-type")).isNull();
		assertThat(allowList.unused()).extracting(AllowList.Entry::line).containsExactly(5);
	}

	@Test
	void anAllowListLineWithoutItsThreeColumnsIsRefused(@TempDir Path directory) throws IOException {
		Path file = Files.writeString(directory.resolve("allowlist.tsv"), "models.list\tpath\n");
		assertThatIllegalStateException().isThrownBy(() -> AllowList.read(file)).withMessageContaining("line 1");
	}

	private static List<String> whats(WireRequest sdk, WireRequest client) {
		return WireComparison.compare(List.of(sdk), List.of(client)).stream().map(Difference::what).toList();
	}

	private static WireRequest get(String path, String query) {
		return request("GET", path, query, Map.of("accept", List.of(JSON)), new byte[0]);
	}

	private static WireRequest delete(String path) {
		return request("DELETE", path, "", Map.of("accept", List.of(JSON)), new byte[0]);
	}

	private static WireRequest json(String body) {
		return json("POST", "/v1/chat/completions", "", body);
	}

	private static WireRequest json(String method, String path, String query, String body) {
		return request(method, path, query, Map.of("content-type", List.of(JSON)), body.getBytes(StandardCharsets.UTF_8));
	}

	private static WireRequest multipart(String boundary, String body) {
		return request("POST", "/v1/images/edits", "",
				Map.of("content-type", List.of("multipart/form-data; boundary=" + boundary)),
				body.getBytes(StandardCharsets.UTF_8));
	}

	private static WireRequest request(String method, String path, String query, Map<String, List<String>> headers,
			byte[] body) {
		return new WireRequest(method, path, query, new TreeMap<>(headers), body);
	}

	private static String form(String boundary, String... parts) {
		StringBuilder form = new StringBuilder();
		for (String part : parts) {
			form.append("--").append(boundary).append("\r\n").append(part).append("\r\n");
		}
		return form.append("--").append(boundary).append("--\r\n").toString();
	}

	private static String field(String name, String value, String contentType) {
		return "Content-Disposition: form-data; name=\"" + name + "\"\r\n"
				+ ((contentType != null) ? "Content-Type: " + contentType + "\r\n" : "") + "\r\n" + value;
	}

	private static String filePart(String name, String filename, String contentType, String content) {
		return "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\nContent-Type: "
				+ contentType + "\r\n\r\n" + content;
	}

}
