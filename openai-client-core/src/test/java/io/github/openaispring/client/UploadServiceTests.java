package io.github.openaispring.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.errors.InternalServerException;
import io.github.openaispring.models.Upload;
import io.github.openaispring.models.UploadCompleteParams;
import io.github.openaispring.models.UploadCreateParams;
import io.github.openaispring.models.UploadPart;
import io.github.openaispring.models.UploadPartCreateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@WireMockTest
class UploadServiceTests {

	private static final String UPLOAD = """
			{"id":"upload_abc","object":"upload","bytes":%d,"created_at":1719184911,"filename":"%s",
			 "purpose":"fine-tune","status":"%s","expires_at":1719127296%s}
			""";

	private static final String FILE = """
			,"file":{"id":"file-xyz","object":"file","bytes":10,"created_at":1719186911,"filename":"train.jsonl",
			 "purpose":"fine-tune","status":"uploaded"}""";

	private OpenAI client;

	@TempDir
	Path dir;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private static String upload(long bytes, String status, boolean withFile) {
		return UPLOAD.formatted(bytes, "train.jsonl", status, withFile ? FILE : "");
	}

	private static String part(String id) {
		return "{\"id\":\"" + id + "\",\"object\":\"upload.part\",\"created_at\":1719185911,\"upload_id\":\"upload_abc\"}";
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void createPartsCompleteAndCancel(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/uploads").willReturn(okJson(upload(10, "pending", false))));
		stubFor(post("/v1/uploads/upload_abc/parts").willReturn(okJson(part("part_1"))));
		stubFor(post("/v1/uploads/upload_abc/complete").willReturn(okJson(upload(10, "completed", true))));
		stubFor(post("/v1/uploads/upload_abc/cancel").willReturn(okJson(upload(10, "cancelled", false))));
		this.client = Calls.client(wireMock);
		UploadCreateParams create = UploadCreateParams.builder()
			.filename("train.jsonl")
			.purpose("fine-tune")
			.bytes(10)
			.mimeType("text/jsonl")
			.build();
		Upload created = Calls.call(async, () -> this.client.uploads().create(create),
				() -> this.client.async().uploads().create(create));
		assertThat(created.status()).isEqualTo(Upload.Status.PENDING);
		UploadPartCreateParams partParams = UploadPartCreateParams.builder()
			.uploadId("upload_abc")
			.data(UploadFile.of("0123456789".getBytes(), "part-1"))
			.build();
		UploadPart part = Calls.call(async, () -> this.client.uploads().parts().create(partParams),
				() -> this.client.async().uploads().parts().create(partParams));
		assertThat(part.id()).isEqualTo("part_1");
		assertThat(Parts.of("/v1/uploads/upload_abc/parts"))
			.containsExactly("data=<part-1|application/octet-stream|0123456789>");
		UploadCompleteParams complete = UploadCompleteParams.builder()
			.uploadId("upload_abc")
			.addPartId("part_1")
			.md5("781e5e245d69b566979b86e28d23f2c7")
			.build();
		Upload completed = Calls.call(async, () -> this.client.uploads().complete(complete),
				() -> this.client.async().uploads().complete(complete));
		assertThat(completed.file().id()).isEqualTo("file-xyz");
		Upload cancelled = Calls.call(async, () -> this.client.uploads().cancel("upload_abc"),
				() -> this.client.async().uploads().cancel("upload_abc"));
		assertThat(cancelled.status()).isEqualTo(Upload.Status.CANCELLED);
		verify(postRequestedFor(urlEqualTo("/v1/uploads")).withRequestBody(equalToJson(
				"{\"filename\":\"train.jsonl\",\"purpose\":\"fine-tune\",\"bytes\":10,\"mime_type\":\"text/jsonl\"}")));
		verify(postRequestedFor(urlEqualTo("/v1/uploads/upload_abc/complete")).withRequestBody(
				equalToJson("{\"part_ids\":[\"part_1\"],\"md5\":\"781e5e245d69b566979b86e28d23f2c7\"}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void uploadSendsTheFileInPartsAndCompletesWithTheirIdsInOrderAndTheMd5(boolean async,
			WireMockRuntimeInfo wireMock) throws Exception {
		byte[] content = new byte[2_500];
		new Random(11).nextBytes(content);
		Path file = Files.write(this.dir.resolve("train.jsonl"), content);
		stubFor(post("/v1/uploads").willReturn(okJson(upload(content.length, "pending", false))));
		for (int i = 0; i < 3; i++) {
			byte[] slice = java.util.Arrays.copyOfRange(content, i * 1000, Math.min(content.length, (i + 1) * 1000));
			stubFor(post("/v1/uploads/upload_abc/parts")
				.withMultipartRequestBody(aMultipart("data").withBody(binaryEqualTo(slice)))
				.willReturn(okJson(part("part_" + i)).withFixedDelay((3 - i) * 50)));
		}
		stubFor(post("/v1/uploads/upload_abc/complete").willReturn(okJson(upload(content.length, "completed", true))));
		this.client = Calls.client(wireMock);
		Upload upload = Calls.call(async, () -> this.client.uploads().upload(file, "fine-tune", "text/jsonl", 1000, 3),
				() -> this.client.async().uploads().upload(file, "fine-tune", "text/jsonl", 1000, 3));
		assertThat(upload.file().id()).isEqualTo("file-xyz");
		String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
		verify(postRequestedFor(urlEqualTo("/v1/uploads")).withRequestBody(equalToJson("{\"filename\":\"train.jsonl\","
				+ "\"purpose\":\"fine-tune\",\"bytes\":2500,\"mime_type\":\"text/jsonl\"}")));
		verify(3, postRequestedFor(urlEqualTo("/v1/uploads/upload_abc/parts")));
		verify(postRequestedFor(urlEqualTo("/v1/uploads/upload_abc/complete")).withRequestBody(
				equalToJson("{\"part_ids\":[\"part_0\",\"part_1\",\"part_2\"],\"md5\":\"" + md5 + "\"}")));
		verify(0, postRequestedFor(urlEqualTo("/v1/uploads/upload_abc/cancel")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aPartThatFailsForGoodCancelsTheUpload(boolean async, WireMockRuntimeInfo wireMock) throws IOException {
		Path file = Files.write(this.dir.resolve("train.jsonl"), new byte[3000]);
		stubFor(post("/v1/uploads").willReturn(okJson(upload(3000, "pending", false))));
		stubFor(post("/v1/uploads/upload_abc/parts").willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"part storage failed\",\"type\":\"server_error\"}}")));
		stubFor(post("/v1/uploads/upload_abc/cancel").willReturn(okJson(upload(3000, "cancelled", false))));
		this.client = Calls.client(wireMock);
		assertThatExceptionOfType(InternalServerException.class)
			.isThrownBy(() -> Calls.call(async, () -> this.client.uploads().upload(file, "fine-tune", "text/jsonl", 1000, 2),
					() -> this.client.async().uploads().upload(file, "fine-tune", "text/jsonl", 1000, 2)))
			.withMessageContaining("part storage failed");
		verify(1, postRequestedFor(urlEqualTo("/v1/uploads/upload_abc/cancel")));
		verify(0, postRequestedFor(urlEqualTo("/v1/uploads/upload_abc/complete")));
		List<LoggedRequest> parts = findAll(postRequestedFor(urlEqualTo("/v1/uploads/upload_abc/parts")));
		assertThat(parts).isNotEmpty();
	}

}
