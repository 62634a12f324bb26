package io.github.openaispring.localserver;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;

import io.github.openaispring.client.OpenAI;
import io.github.openaispring.errors.BadRequestException;
import io.github.openaispring.localserver.junit.LocalOpenAI;
import io.github.openaispring.models.CreateEmbeddingResponse;
import io.github.openaispring.models.Embedding;
import io.github.openaispring.models.EmbeddingCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/** Embeddings through the client (which asks for base64 by default) and as plain JSON floats. */
@LocalOpenAI
class LocalServerEmbeddingTests {

	private static OpenAI client;

	@BeforeAll
	static void client(LocalOpenAIServer server) {
		client = OpenAI.builder().baseUrl(server.baseUrl()).apiKey("sk-local").build();
	}

	@AfterAll
	static void close() {
		client.close();
	}

	private static List<Double> embed(String model, String text) {
		return client.embeddings()
			.create(EmbeddingCreateParams.builder().model(model).input(text).build())
			.data()
			.get(0)
			.embedding();
	}

	private static double norm(List<Double> vector) {
		double sum = 0;
		for (double value : vector) {
			sum += value * value;
		}
		return Math.sqrt(sum);
	}

	private static double cosine(List<Double> a, List<Double> b) {
		double dot = 0;
		for (int i = 0; i < a.size(); i++) {
			dot += a.get(i) * b.get(i);
		}
		return dot / (norm(a) * norm(b));
	}

	@Test
	void theClientsDefaultBase64GivesUnitVectorsOfTheModelsLength() {
		CreateEmbeddingResponse response = client.embeddings()
			.create(EmbeddingCreateParams.builder()
				.model("text-embedding-3-small")
				.input("The food was delicious and the service was excellent.")
				.build());
		assertThat(response.object()).isEqualTo("list");
		assertThat(response.model()).isEqualTo("text-embedding-3-small");
		assertThat(response.usage().promptTokens()).isEqualTo(9);
		assertThat(response.usage().totalTokens()).isEqualTo(9);
		Embedding embedding = response.data().get(0);
		assertThat(embedding.object()).isEqualTo("embedding");
		assertThat(embedding.index()).isZero();
		assertThat(embedding.embedding()).hasSize(1536);
		assertThat(norm(embedding.embedding())).isCloseTo(1.0, within(1e-5));
		assertThat(embed("text-embedding-ada-002", "x")).hasSize(1536);
		assertThat(embed("text-embedding-3-large", "x")).hasSize(3072);
	}

	@Test
	void theSameTextHasTheSameVectorAndADifferentTextAnother() {
		List<Double> first = embed("text-embedding-3-small", "A cat sat on the mat");
		assertThat(embed("text-embedding-3-small", "A cat sat on the mat")).isEqualTo(first);
		assertThat(embed("text-embedding-3-small", "the mat sat on A cat")).isNotEqualTo(first);
		// The same text under another model of the same size: the same vector (the model is not hashed).
		assertThat(embed("text-embedding-ada-002", "A cat sat on the mat")).isEqualTo(first);
	}

	@Test
	void textsThatShareWordsAreCloser() {
		List<Double> cats = embed("text-embedding-3-small", "Cats are small furry pets");
		List<Double> cat = embed("text-embedding-3-small", "Which pet is small and furry? A cat");
		List<Double> stocks = embed("text-embedding-3-small", "Interest rates moved the bond market");
		assertThat(cosine(cats, cat)).isGreaterThan(0.5);
		assertThat(Math.abs(cosine(cats, stocks))).isLessThan(0.2);
	}

	@Test
	void dimensionsAreHonouredAndTheVectorIsStillUnitLength() {
		List<Double> vector = client.embeddings()
			.create(EmbeddingCreateParams.builder().model("text-embedding-3-large").input("text").dimensions(256).build())
			.data()
			.get(0)
			.embedding();
		assertThat(vector).hasSize(256);
		assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
	}

	@Test
	void everyInputFormGetsOneVectorEach() {
		CreateEmbeddingResponse strings = client.embeddings()
			.create(EmbeddingCreateParams.builder().model("text-embedding-3-small").input(List.of("one", "two", "three")).build());
		assertThat(strings.data()).extracting(Embedding::index).containsExactly(0L, 1L, 2L);
		assertThat(strings.data().get(1).embedding()).isEqualTo(embed("text-embedding-3-small", "two"));
		CreateEmbeddingResponse tokens = client.embeddings()
			.create(EmbeddingCreateParams.builder()
				.model("text-embedding-3-small")
				.inputOfArrayOfIntegers(List.of(1820L, 25977L, 374L))
				.build());
		assertThat(tokens.data()).singleElement().satisfies((e) -> assertThat(e.embedding()).hasSize(1536));
		assertThat(tokens.usage().promptTokens()).isEqualTo(3);
		CreateEmbeddingResponse arrays = client.embeddings()
			.create(EmbeddingCreateParams.builder()
				.model("text-embedding-3-small")
				.inputOfArrayOfArraysOfIntegers(List.of(List.of(1820L, 25977L), List.of(374L)))
				.build());
		assertThat(arrays.data()).hasSize(2);
		assertThat(arrays.usage().promptTokens()).isEqualTo(3);
	}

	@Test
	void floatsAndBase64CarryTheSameLittleEndianFloat32Values(LocalOpenAIServer server) {
		JsonNode floats = Http.json(Http.post(server, "/embeddings",
				"{\"model\":\"text-embedding-3-small\",\"input\":\"hello world\",\"encoding_format\":\"float\"}"));
		JsonNode base64 = Http.json(Http.post(server, "/embeddings",
				"{\"model\":\"text-embedding-3-small\",\"input\":\"hello world\",\"encoding_format\":\"base64\"}"));
		JsonNode values = floats.at("/data/0/embedding");
		assertThat(values.isArray()).isTrue();
		assertThat(values.size()).isEqualTo(1536);
		ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64.at("/data/0/embedding").stringValue()))
			.order(ByteOrder.LITTLE_ENDIAN);
		assertThat(bytes.remaining()).isEqualTo(1536 * 4);
		for (int i = 0; i < 1536; i++) {
			assertThat(bytes.getFloat()).isEqualTo(values.get(i).floatValue());
		}
	}

	@Test
	void invalidRequestsAreRefusedLikeTheRealApi(LocalOpenAIServer server) {
		HttpResponse<String> empty = Http.post(server, "/embeddings", "{\"model\":\"text-embedding-3-small\",\"input\":\"\"}");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(Http.json(empty).at("/error/message").stringValue()).isEqualTo(EmbeddingEndpoint.INVALID_INPUT);
		HttpResponse<String> missing = Http.post(server, "/embeddings", "{\"model\":\"text-embedding-3-small\"}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(Http.json(missing).at("/error/param").stringValue()).isEqualTo("input");
		assertThat(Http.json(missing).at("/error/message").stringValue())
			.isEqualTo("Missing required parameter: 'input'.");
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> client.embeddings()
				.create(EmbeddingCreateParams.builder().model("text-embedding-ada-002").input("x").dimensions(8).build()))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.errorMessage()).isEqualTo("This model does not support specifying dimensions.");
				assertThat(ex.errorParam()).isEqualTo("dimensions");
				assertThat(ex.requestId()).matches("req_[0-9a-f]{32}");
			});
		HttpResponse<String> format = Http.post(server, "/embeddings",
				"{\"model\":\"text-embedding-3-small\",\"input\":\"x\",\"encoding_format\":\"int8\"}");
		assertThat(format.statusCode()).isEqualTo(400);
		assertThat(Http.json(format).at("/error/param").stringValue()).isEqualTo("encoding_format");
	}

}
