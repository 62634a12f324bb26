package io.github.openaispring.client;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.models.CreateEmbeddingResponse;
import io.github.openaispring.models.Embedding;
import io.github.openaispring.models.EmbeddingCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@WireMockTest
class EmbeddingServiceTests {

	/** float32 values, including ones a decimal round trip through double would not keep. */
	private static final float[] FIRST = { 0.1f, -0.25f, 1.0e-7f, 123456.78f, -0.0023064255f, Float.MAX_VALUE,
			Float.MIN_VALUE };

	private static final float[] SECOND = { 0.5f, -1.5f, 0.33333334f };

	private OpenAI client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private static String base64(float... values) {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : values) {
			buffer.putFloat(value);
		}
		return Base64.getEncoder().encodeToString(buffer.array());
	}

	private static List<Double> doubles(float... values) {
		List<Double> result = new ArrayList<>();
		for (float value : values) {
			result.add((double) value);
		}
		return result;
	}

	private static String response(String... embeddings) {
		StringBuilder data = new StringBuilder();
		for (int i = 0; i < embeddings.length; i++) {
			data.append((i > 0) ? "," : "")
				.append("{\"object\":\"embedding\",\"index\":")
				.append(i)
				.append(",\"embedding\":")
				.append(embeddings[i])
				.append("}");
		}
		return "{\"object\":\"list\",\"data\":[" + data + "],\"model\":\"text-embedding-ada-002\","
				+ "\"usage\":{\"prompt_tokens\":8,\"total_tokens\":8}}";
	}

	private CreateEmbeddingResponse create(boolean async, EmbeddingCreateParams params) {
		return Calls.call(async, () -> this.client.embeddings().create(params),
				() -> this.client.async().embeddings().create(params));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void oneStringAsksForBase64AndDecodesItToTheSameFloats(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/embeddings").willReturn(okJson(response("\"" + base64(FIRST) + "\""))));
		this.client = Calls.client(wireMock);
		EmbeddingCreateParams params = EmbeddingCreateParams.builder()
			.model("text-embedding-ada-002")
			.input("The food was delicious and the service was excellent.")
			.build();
		CreateEmbeddingResponse response = create(async, params);
		assertThat(response.object()).isEqualTo("list");
		assertThat(response.model()).isEqualTo("text-embedding-ada-002");
		assertThat(response.usage().promptTokens()).isEqualTo(8);
		assertThat(response.usage().totalTokens()).isEqualTo(8);
		assertThat(response.data()).singleElement().satisfies((embedding) -> {
			assertThat(embedding.index()).isZero();
			assertThat(embedding.object()).isEqualTo("embedding");
			assertThat(embedding.embedding()).containsExactlyElementsOf(doubles(FIRST));
		});
		for (int i = 0; i < FIRST.length; i++) {
			assertThat(response.data().get(0).embedding().get(i).floatValue()).isEqualTo(FIRST[i]);
		}
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/embeddings"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withRequestBody(equalToJson("""
					{"model":"text-embedding-ada-002","encoding_format":"base64",
					 "input":"The food was delicious and the service was excellent."}
					""")));
	}

	@ParameterizedTest
	@CsvSource({ "false,strings", "true,strings", "false,tokens", "true,tokens", "false,token-arrays",
			"true,token-arrays" })
	void manyInputsAreSentAndEachEmbeddingIsDecoded(boolean async, String form, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/embeddings")
			.willReturn(okJson(response("\"" + base64(FIRST) + "\"", "\"" + base64(SECOND) + "\""))));
		this.client = Calls.client(wireMock);
		UnaryOperator<EmbeddingCreateParams.Builder> input = switch (form) {
			case "strings" -> (b) -> b.input(List.of("first text", "second text"));
			case "tokens" -> (b) -> b.inputOfArrayOfIntegers(List.of(1820L, 25977L, 374L));
			default -> (b) -> b.inputOfArrayOfArraysOfIntegers(List.of(List.of(1820L, 25977L), List.of(374L)));
		};
		String json = switch (form) {
			case "strings" -> "[\"first text\",\"second text\"]";
			case "tokens" -> "[1820,25977,374]";
			default -> "[[1820,25977],[374]]";
		};
		CreateEmbeddingResponse response = create(async,
				input.apply(EmbeddingCreateParams.builder().model("text-embedding-3-small")).build());
		assertThat(response.data()).extracting(Embedding::index).containsExactly(0L, 1L);
		assertThat(response.data().get(0).embedding()).containsExactlyElementsOf(doubles(FIRST));
		assertThat(response.data().get(1).embedding()).containsExactlyElementsOf(doubles(SECOND));
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/embeddings")).withRequestBody(equalToJson(
				"{\"model\":\"text-embedding-3-small\",\"encoding_format\":\"base64\",\"input\":" + json + "}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void dimensionsAndUserAreSent(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/embeddings").willReturn(okJson(response("\"" + base64(SECOND) + "\""))));
		this.client = Calls.client(wireMock);
		EmbeddingCreateParams params = EmbeddingCreateParams.builder()
			.model("text-embedding-3-large")
			.input("text")
			.dimensions(3L)
			.user("user-1")
			.build();
		CreateEmbeddingResponse response = create(async, params);
		assertThat(response.data().get(0).embedding()).hasSize(3).containsExactlyElementsOf(doubles(SECOND));
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/embeddings")).withRequestBody(equalToJson("""
				{"model":"text-embedding-3-large","input":"text","dimensions":3,"user":"user-1",
				 "encoding_format":"base64"}
				""")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void explicitFloatIsSentAndFloatsAreRead(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/embeddings")
			.willReturn(okJson(response("[0.0023064255,-0.009327292,0.015797347]", "[1.0,-2.5e-3,0]"))));
		this.client = Calls.client(wireMock);
		EmbeddingCreateParams params = EmbeddingCreateParams.builder()
			.model("text-embedding-ada-002")
			.input(List.of("a", "b"))
			.encodingFormat("float")
			.build();
		CreateEmbeddingResponse response = create(async, params);
		assertThat(response.data().get(0).embedding()).containsExactly(0.0023064255, -0.009327292, 0.015797347);
		assertThat(response.data().get(1).embedding()).containsExactly(1.0, -0.0025, 0.0);
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/embeddings")).withRequestBody(equalToJson("""
				{"model":"text-embedding-ada-002","input":["a","b"],"encoding_format":"float"}
				""")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void explicitBase64IsSentAndDecoded(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/embeddings").willReturn(okJson(response("\"" + base64(SECOND) + "\""))));
		this.client = Calls.client(wireMock);
		EmbeddingCreateParams params = EmbeddingCreateParams.builder()
			.model("text-embedding-ada-002")
			.input("a")
			.encodingFormat(EmbeddingCreateParams.EncodingFormat.BASE64)
			.build();
		CreateEmbeddingResponse response = create(async, params);
		assertThat(response.data().get(0).embedding()).containsExactlyElementsOf(doubles(SECOND));
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/embeddings")).withRequestBody(equalToJson("""
				{"model":"text-embedding-ada-002","input":"a","encoding_format":"base64"}
				""")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aServerThatIgnoresBase64AndSendsFloatsIsReadToo(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/embeddings").willReturn(okJson(response("[0.5,-1.5]"))));
		this.client = Calls.client(wireMock);
		EmbeddingCreateParams params = EmbeddingCreateParams.builder().model("local-model").input("a").build();
		assertThat(create(async, params).data().get(0).embedding()).containsExactly(0.5, -1.5);
	}

	@ParameterizedTest
	@CsvSource({ "false,not base64!", "true,not base64!", "false,AAAAAAA=", "true,AAAAAAA=" })
	void base64ThatIsNotFloatsIsAnInvalidResponse(boolean async, String embedding, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/embeddings")
			.willReturn(okJson(response("\"" + embedding + "\"")).withHeader("x-request-id", "req_9")));
		this.client = Calls.client(wireMock);
		EmbeddingCreateParams params = EmbeddingCreateParams.builder().model("text-embedding-ada-002").input("a").build();
		assertThatExceptionOfType(APIResponseValidationException.class).isThrownBy(() -> create(async, params))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("req_9").contains("$.data[0].embedding");
				assertThat(ex.statusCode()).isEqualTo(200);
			});
	}

}
