package io.github.openaispring.spec;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OpenApiSpec}.
 */
class OpenApiSpecTests {

	private final OpenApiSpec spec = OpenApiSpec.get();

	@Test
	void loadsTheSpecOnce() {
		assertThat(OpenApiSpec.get()).isSameAs(this.spec);
		assertThat(this.spec.root().path("openapi").stringValue()).startsWith("3.1");
		assertThat(this.spec.schemaNames()).hasSizeGreaterThan(1000);
		assertThat(this.spec.operationIds()).hasSizeGreaterThan(200);
	}

	@Test
	void findsComponentSchemas() {
		JsonNode schema = this.spec.schema("CreateEmbeddingRequest");
		assertThat(schema.path("type").stringValue()).isEqualTo("object");
		assertThat(schema.path("properties").has("model")).isTrue();
		assertThat(this.spec.hasSchema("CreateEmbeddingRequest")).isTrue();
		assertThat(this.spec.hasSchema("NoSuchSchema")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> this.spec.schema("NoSuchSchema"))
			.withMessageContaining("NoSuchSchema");
	}

	@Test
	void findsOperationsByOperationId() {
		assertThat(this.spec.method("createEmbedding")).isEqualTo("POST");
		assertThat(this.spec.path("createEmbedding")).isEqualTo("/embeddings");
		assertThat(this.spec.operation("createEmbedding").path("operationId").stringValue())
			.isEqualTo("createEmbedding");
		assertThat(this.spec.method("listModels")).isEqualTo("GET");
		assertThat(this.spec.path("retrieveModel")).isEqualTo("/models/{model}");
		assertThat(this.spec.method("deleteModel")).isEqualTo("DELETE");
		assertThatIllegalArgumentException().isThrownBy(() -> this.spec.operation("noSuchOperation"))
			.withMessageContaining("noSuchOperation");
	}

	@Test
	void findsJsonRequestSchema() {
		assertThat(this.spec.requestSchema("createEmbedding", "application/json")).hasValueSatisfying(
				(schema) -> assertThat(OpenApiSpec.schemaRefName(schema)).hasValue("CreateEmbeddingRequest"));
		assertThat(this.spec.requestMediaTypes("createEmbedding")).containsExactly("application/json");
		assertThat(this.spec.requestSchema("createEmbedding", "multipart/form-data")).isEmpty();
	}

	@Test
	void findsMultipartRequestSchema() {
		assertThat(this.spec.requestSchema("createFile", "multipart/form-data")).hasValueSatisfying(
				(schema) -> assertThat(OpenApiSpec.schemaRefName(schema)).hasValue("CreateFileRequest"));
		assertThat(this.spec.requestSchema("createFile", "application/json")).isEmpty();
	}

	@Test
	void operationWithoutBodyHasNoRequestSchema() {
		assertThat(this.spec.requestSchema("listModels", "application/json")).isEmpty();
		assertThat(this.spec.requestMediaTypes("listModels")).isEmpty();
	}

	@Test
	void findsResponseSchemaName() {
		assertThat(this.spec.responseSchemaName("createEmbedding")).hasValue("CreateEmbeddingResponse");
		assertThat(this.spec.responseSchemaName("createChatCompletion")).hasValue("CreateChatCompletionResponse");
	}

	@Test
	void resolvesReferences() {
		JsonNode ref = this.spec.requestSchema("createEmbedding", "application/json").orElseThrow();
		assertThat(this.spec.resolveRef(ref)).isSameAs(this.spec.schema("CreateEmbeddingRequest"));
		JsonNode plain = this.spec.schema("CreateEmbeddingRequest");
		assertThat(this.spec.resolveRef(plain)).isSameAs(plain);
	}

}
