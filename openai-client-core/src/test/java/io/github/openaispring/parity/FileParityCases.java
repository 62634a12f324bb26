package io.github.openaispring.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.openaispring.core.UploadFile;
import io.github.openaispring.models.FileCreateParams;
import io.github.openaispring.models.FileExpirationAfter;
import io.github.openaispring.models.FileListParams;

/** The twin of {@code cases/files.mjs}. */
final class FileParityCases implements ParityGroup {

	static final byte[] JSONL = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello\"}]}\n"
		.getBytes(StandardCharsets.UTF_8);

	@Override
	public String name() {
		return "files";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("files.create/multipart", (client) -> client.files()
			.create(FileCreateParams.builder()
				.file(UploadFile.of(JSONL, "train.jsonl").withContentType("application/jsonl"))
				.purpose("fine-tune")
				.expiresAfter(FileExpirationAfter.builder().anchor("created_at").seconds(86400).build())
				.build())),
				new ParityCase("files.create/content-type-from-name", (client) -> client.files()
					.create(FileCreateParams.builder()
						.file(UploadFile.of(new byte[] { (byte) 0x89, 0x50, 0x4e, 0x47 }, "photo.png"))
						.purpose("vision")
						.build())),
				new ParityCase("files.create/path", (client) -> client.files()
					.create(FileCreateParams.builder().file(file("train.jsonl", JSONL)).purpose("fine-tune").build())),
				new ParityCase("files.create/unicode-filename", (client) -> client.files()
					.create(FileCreateParams.builder()
						.file(UploadFile.of(JSONL, "données été.jsonl").withContentType("application/jsonl"))
						.purpose("user_data")
						.build())),
				new ParityCase("files.list/auto-pager", (client) -> Drain.pages(
						client.files().list(FileListParams.builder().purpose("fine-tune").limit(2).order("desc").build()))),
				new ParityCase("files.list/has-more-absent",
						(client) -> Drain.pages(client.files().list(FileListParams.builder().limit(2).build()))),
				new ParityCase("files.retrieve", (client) -> client.files().retrieve("file-abc123")),
				new ParityCase("files.retrieve/wait-for-processing",
						(client) -> client.files()
							.waitForProcessing("file-abc123", Duration.ofMillis(10), Duration.ofSeconds(10))),
				new ParityCase("files.delete", (client) -> client.files().delete("file-abc123")),
				new ParityCase("files.content/binary", (client) -> Drain.binary(client.files().content("file-abc123"))),
				new ParityCase("files.content/text", (client) -> client.files().retrieveContent("file-abc123")));
	}

	static Path file(String name, byte[] content) {
		try {
			Path directory = Files.createDirectories(Path.of("target/parity/files"));
			return Files.write(directory.resolve(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
