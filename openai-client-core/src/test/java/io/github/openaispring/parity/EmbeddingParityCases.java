package io.github.openaispring.parity;

import java.time.Duration;
import java.util.List;

import io.github.openaispring.models.EmbeddingCreateParams;

/** The twin of {@code cases/embeddings.mjs}. */
final class EmbeddingParityCases implements ParityGroup {

	@Override
	public String name() {
		return "embeddings";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(
				new ParityCase("embeddings.create/default-encoding", (client) -> client.embeddings()
					.create(EmbeddingCreateParams.builder()
						.model("text-embedding-3-small")
						.input("The food was delicious and the service was excellent.")
						.build())
					.data()
					.get(0)
					.embedding()),
				new ParityCase("embeddings.create/float-string-array", (client) -> client.embeddings()
					.create(EmbeddingCreateParams.builder()
						.model("text-embedding-3-large")
						.input(List.of("first document", "second document"))
						.encodingFormat("float")
						.dimensions(2)
						.user("user-1234")
						.build())),
				new ParityCase("embeddings.create/token-arrays-base64", (client) -> client.embeddings()
					.create(EmbeddingCreateParams.builder()
						.model("text-embedding-ada-002")
						.inputOfArrayOfArraysOfIntegers(List.of(List.of(1212L, 318L, 257L), List.of(1332L, 13L)))
						.encodingFormat("base64")
						.build())),
				new ParityCase("embeddings.create/tokens", (client) -> client.embeddings()
					.create(EmbeddingCreateParams.builder()
						.model("text-embedding-ada-002")
						.inputOfArrayOfIntegers(List.of(1212L, 318L, 257L))
						.build())),
				new ParityCase("embeddings.create/async-client", (client) -> client.async()
					.embeddings()
					.create(EmbeddingCreateParams.builder().model("text-embedding-3-small").input("Reactive").build())
					.block(Duration.ofSeconds(30))));
	}

}
