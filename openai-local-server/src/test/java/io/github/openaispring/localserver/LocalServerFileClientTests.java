package io.github.openaispring.localserver;

import java.nio.charset.StandardCharsets;

import io.github.openaispring.client.BinaryResponse;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.errors.NotFoundException;
import io.github.openaispring.localserver.junit.LocalOpenAI;
import io.github.openaispring.models.DeleteFileResponse;
import io.github.openaispring.models.FileCreateParams;
import io.github.openaispring.models.FileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Files through the client: upload as a multipart form, list, content, text, delete. */
@LocalOpenAI
class LocalServerFileClientTests {

	private static final String JSONL = "{\"prompt\":\"a\",\"completion\":\"b\"}\n";

	private static OpenAI client;

	@BeforeAll
	static void client(LocalOpenAIServer server) {
		client = OpenAI.builder().baseUrl(server.baseUrl()).apiKey("sk-local").build();
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void uploadsListsReadsAndDeletesAFile() {
		FileObject file = client.files()
			.create(FileCreateParams.builder()
				.file(UploadFile.of(JSONL.getBytes(StandardCharsets.UTF_8), "train.jsonl"))
				.purpose("fine-tune")
				.build());
		assertThat(file.id()).startsWith("file-");
		assertThat(file.filename()).isEqualTo("train.jsonl");
		assertThat(file.bytes()).isEqualTo(JSONL.length());
		assertThat(client.files().list().autoPager()).extracting(FileObject::id).contains(file.id());
		assertThat(client.files().retrieveContent(file.id())).isEqualTo(JSONL);
		try (BinaryResponse content = client.files().content(file.id())) {
			assertThat(content.bytes()).isEqualTo(JSONL.getBytes(StandardCharsets.UTF_8));
		}
		DeleteFileResponse deleted = client.files().delete(file.id());
		assertThat(deleted.deleted()).isTrue();
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> client.files().retrieve(file.id()));
	}

}
