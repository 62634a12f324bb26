package io.github.openaispring.parity;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.openaispring.core.UploadFile;
import io.github.openaispring.models.FileExpirationAfter;
import io.github.openaispring.models.UploadCompleteParams;
import io.github.openaispring.models.UploadCreateParams;
import io.github.openaispring.models.UploadPartCreateParams;

/** The twin of {@code cases/uploads.mjs}. */
final class UploadParityCases implements ParityGroup {

	static final byte[] PART = "{\"prompt\":\"a\",\"completion\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);

	@Override
	public String name() {
		return "uploads";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("uploads.create", (client) -> client.uploads()
			.create(UploadCreateParams.builder()
				.bytes(2147483648L)
				.filename("training_examples.jsonl")
				.mimeType("text/jsonl")
				.purpose("fine-tune")
				.expiresAfter(FileExpirationAfter.builder().anchor("created_at").seconds(7200).build())
				.build())),
				new ParityCase("uploads.parts.create", (client) -> client.uploads()
					.parts()
					.create(UploadPartCreateParams.builder()
						.uploadId("upload_abc123")
						.data(UploadFile.of(PART, "part-1.bin").withContentType("application/octet-stream"))
						.build())),
				new ParityCase("uploads.complete", (client) -> client.uploads()
					.complete(UploadCompleteParams.builder()
						.uploadId("upload_abc123")
						.partIds(List.of("part_def456", "part_ghi789"))
						.md5("d41d8cd98f00b204e9800998ecf8427e")
						.build())),
				new ParityCase("uploads.cancel", (client) -> client.uploads().cancel("upload_abc123")),
				new ParityCase("uploads.create/upload-helper",
						(client) -> client.uploads().upload(FileParityCases.file("training_examples.jsonl", PART), "fine-tune", "text/jsonl")));
	}

}
