package io.github.openaispring.core.http;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query string as OpenAI's API reads it.
 */
class QueryStringTests {

	private static Map<String, Object> params(Object... entries) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < entries.length; i += 2) {
			params.put((String) entries[i], entries[i + 1]);
		}
		return params;
	}

	@Test
	void plainValuesKeepTheirOrder() {
		assertThat(QueryString.format(params("limit", 20, "order", "desc", "after", "file-1")))
			.isEqualTo("limit=20&order=desc&after=file-1");
	}

	@Test
	void noParametersGiveAnEmptyString() {
		assertThat(QueryString.format(Map.of())).isEmpty();
	}

	@Test
	void aListIsRepeatedWithBrackets() {
		assertThat(QueryString.format(params("include", List.of("a", "b", "c"))))
			.isEqualTo("include%5B%5D=a&include%5B%5D=b&include%5B%5D=c");
	}

	@Test
	void anEmptyListIsLeftOut() {
		assertThat(QueryString.format(params("include", List.of(), "limit", 1))).isEqualTo("limit=1");
	}

	@Test
	void aMapIsNestedWithBrackets() {
		assertThat(QueryString.format(params("metadata", params("user", "u1", "team", "t2"))))
			.isEqualTo("metadata%5Buser%5D=u1&metadata%5Bteam%5D=t2");
	}

	@Test
	void nestingGoesAsDeepAsTheValues() {
		assertThat(QueryString.format(params("filter", params("tags", List.of("x", "y"), "range", params("gt", 1)))))
			.isEqualTo("filter%5Btags%5D%5B%5D=x&filter%5Btags%5D%5B%5D=y&filter%5Brange%5D%5Bgt%5D=1");
	}

	@Test
	void nullsAreLeftOutAtEveryLevel() {
		Map<String, Object> nested = new HashMap<>();
		nested.put("gone", null);
		nested.put("kept", "v");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("a", null);
		params.put("b", Arrays.asList("x", null, "y"));
		params.put("c", nested);
		params.put("d", null);
		assertThat(QueryString.format(params)).isEqualTo("b%5B%5D=x&b%5B%5D=y&c%5Bkept%5D=v");
	}

	@Test
	void booleansAndNumbersAreWrittenAsJsonWouldBe() {
		assertThat(QueryString.format(params("stream", true, "n", 2, "temperature", 0.5, "big", 12345678901L)))
			.isEqualTo("stream=true&n=2&temperature=0.5&big=12345678901");
	}

	@Test
	void spacesArePercentEncodedNotPlus() {
		assertThat(QueryString.format(params("q", "hello world"))).isEqualTo("q=hello%20world");
	}

	@Test
	void reservedCharactersInValuesAreEncoded() {
		assertThat(QueryString.format(params("q", "a&b=c+d/e?f#g%h"))).isEqualTo("q=a%26b%3Dc%2Bd%2Fe%3Ff%23g%25h");
	}

	@Test
	void unicodeIsEncodedAsUtf8() {
		assertThat(QueryString.format(params("q", "café ☕", "名前", "値"))).isEqualTo(
				"q=caf%C3%A9%20%E2%98%95&%E5%90%8D%E5%89%8D=%E5%80%A4");
	}

	@Test
	void namesAreEncodedToo() {
		assertThat(QueryString.format(params("a b", "1", "x&y", "2"))).isEqualTo("a%20b=1&x%26y=2");
	}

	@Test
	void mapKeysAreEncodedInsideTheBrackets() {
		assertThat(QueryString.format(params("metadata", params("user name", "Zoë"))))
			.isEqualTo("metadata%5Buser%20name%5D=Zo%C3%AB");
	}

	@Test
	void listNamedWithBracketsGetsNoSecondPair() {
		assertThat(QueryString.format(Map.of("include[]", List.of("a.b", "c[*]")))).isEqualTo("include%5B%5D=a.b&include%5B%5D=c%5B%2A%5D");
	}

}
