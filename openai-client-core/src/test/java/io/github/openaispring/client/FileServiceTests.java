package io.github.openaispring.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.NotFoundException;
import io.github.openaispring.models.FileCreateParams;
import io.github.openaispring.models.FileExpirationAfter;
import io.github.openaispring.models.FileListParams;
import io.github.openaispring.models.FileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@WireMockTest
class FileServiceTests {

	private static final String FILE = """
			{"id":"file-abc","object":"file","bytes":27,"created_at":1700000000,"filename":"train.jsonl",
			 "purpose":"fine-tune","status":"%s","expires_at":1700003600}
			""";

	private OpenAI client;

	@TempDir
	Path dir;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private static String file(String status) {
		return FILE.formatted(status);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void createSendsTheFileAndFieldsAsAMultipartForm(boolean async, WireMockRuntimeInfo wireMock) throws IOException {
		stubFor(post("/v1/files").willReturn(okJson(file("uploaded"))));
		this.client = Calls.client(wireMock);
		Path jsonl = Files.writeString(this.dir.resolve("train.jsonl"), "{\"prompt\":\"a\"}\n{\"x\":1}\n");
		FileCreateParams params = FileCreateParams.builder()
			.file(jsonl)
			.purpose(FileCreateParams.Purpose.FINE_TUNE)
			.expiresAfter(FileExpirationAfter.builder().seconds(3600L).build())
			.build();
		FileObject file = Calls.call(async, () -> this.client.files().create(params),
				() -> this.client.async().files().create(params));
		assertThat(file.id()).isEqualTo("file-abc");
		assertThat(file.status()).isEqualTo(FileObject.Status.UPLOADED);
		assertThat(Parts.of("/v1/files")).containsExactly(
				"file=<train.jsonl|application/octet-stream|{\"prompt\":\"a\"}\n{\"x\":1}\n>", "purpose=fine-tune",
				"expires_after[anchor]=created_at", "expires_after[seconds]=3600");
		verify(postRequestedFor(urlEqualTo("/v1/files")).withHeader("Authorization", equalTo("Bearer sk-test")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void uploadsComeFromBytesStreamsAndResourcesWithTheirContentType(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/files").willReturn(okJson(file("uploaded"))));
		this.client = Calls.client(wireMock);
		List<UploadFile> uploads = List.of(UploadFile.of("abc".getBytes(StandardCharsets.UTF_8), "notes.txt"),
				UploadFile.of(new ByteArrayInputStream("png!".getBytes(StandardCharsets.UTF_8)), "cat.png"),
				UploadFile.of(new ByteArrayResource("pdf".getBytes(StandardCharsets.UTF_8)), "doc.pdf"),
				UploadFile.of("{}".getBytes(StandardCharsets.UTF_8), "data.bin").withContentType("application/jsonl"));
		for (UploadFile upload : uploads) {
			FileCreateParams params = FileCreateParams.builder().file(upload).purpose("user_data").build();
			Calls.call(async, () -> this.client.files().create(params), () -> this.client.async().files().create(params));
		}
		List<String> files = findAll(postRequestedFor(urlPathEqualTo("/v1/files"))).stream()
			.map((request) -> Parts.of(request).get(0))
			.toList();
		assertThat(files).containsExactly("file=<notes.txt|text/plain|abc>", "file=<cat.png|image/png|png!>",
				"file=<doc.pdf|application/pdf|pdf>", "file=<data.bin|application/jsonl|{}>");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void listSendsPurposeOrderAndAfterAndPagesOn(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get(urlPathEqualTo("/v1/files")).withQueryParam("after", WireMock.absent())
			.willReturn(okJson("{\"object\":\"list\",\"has_more\":true,\"data\":[" + file("processed") + "]}")));
		stubFor(get(urlPathEqualTo("/v1/files")).withQueryParam("after", equalTo("file-abc"))
			.willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":["
					+ file("processed").replace("file-abc", "file-def") + "]}")));
		this.client = Calls.client(wireMock);
		FileListParams params = FileListParams.builder().purpose("fine-tune").order("asc").limit(1L).build();
		List<String> ids = new ArrayList<>();
		if (async) {
			this.client.async().files().list(params).flatMapMany(AsyncPage::autoPager).map(FileObject::id)
				.doOnNext(ids::add).blockLast(Calls.WAIT);
		}
		else {
			this.client.files().list(params).autoPager().forEach((file) -> ids.add(file.id()));
		}
		assertThat(ids).containsExactly("file-abc", "file-def");
		verify(getRequestedFor(urlPathEqualTo("/v1/files")).withQueryParam("purpose", equalTo("fine-tune"))
			.withQueryParam("order", equalTo("asc"))
			.withQueryParam("after", equalTo("file-abc")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void contentIsTheFileByteForByte(boolean async, WireMockRuntimeInfo wireMock) throws IOException {
		byte[] body = new byte[300_000];
		new Random(7).nextBytes(body);
		stubFor(get("/v1/files/file-abc/content").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/octet-stream")
			.withHeader("x-request-id", "req-9")
			.withBody(body)));
		this.client = Calls.client(wireMock);
		Path target = this.dir.resolve("out.bin");
		if (async) {
			AsyncBinaryResponse response = this.client.async().files().content("file-abc").block(Calls.WAIT);
			assertThat(response.requestId()).isEqualTo("req-9");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.bytes().block(Calls.WAIT)).isEqualTo(body);
			this.client.async().files().content("file-abc").flatMap((again) -> again.writeTo(target)).block(Calls.WAIT);
			byte[] viaFlux = this.client.async().files().content("file-abc")
				.flatMap((again) -> DataBufferUtils.join(again.body()))
				.map((buffer) -> {
					byte[] bytes = new byte[buffer.readableByteCount()];
					buffer.read(bytes);
					DataBufferUtils.release(buffer);
					return bytes;
				})
				.block(Calls.WAIT);
			assertThat(viaFlux).isEqualTo(body);
		}
		else {
			try (BinaryResponse response = this.client.files().content("file-abc")) {
				assertThat(response.requestId()).isEqualTo("req-9");
				assertThat(response.contentType()).isEqualTo("application/octet-stream");
				assertThat(response.bytes()).isEqualTo(body);
			}
			try (BinaryResponse response = this.client.files().content("file-abc");
					InputStream in = response.inputStream()) {
				assertThat(in.readAllBytes()).isEqualTo(body);
			}
			try (BinaryResponse response = this.client.files().content("file-abc")) {
				response.streamToFile(target);
			}
		}
		assertThat(Files.readAllBytes(target)).isEqualTo(body);
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (acquired() > 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(acquired()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void closingAnUnreadContentFreesTheConnection(boolean async, WireMockRuntimeInfo wireMock) throws Exception {
		stubFor(get("/v1/files/file-abc/content").willReturn(aResponse().withStatus(200).withBody(new byte[2_000_000])));
		this.client = Calls.client(wireMock);
		if (async) {
			this.client.async().files().content("file-abc").flatMap(AsyncBinaryResponse::discard).block(Calls.WAIT);
		}
		else {
			this.client.files().content("file-abc").close();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (acquired() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(acquired()).isZero();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void contentOfAMissingFileIsNotFound(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/files/nope/content").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"No such File object: nope\",\"type\":\"invalid_request_error\"}}")));
		this.client = Calls.client(wireMock);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> Calls.call(async, () -> this.client.files().content("nope").statusCode(),
					() -> this.client.async().files().content("nope").map(AsyncBinaryResponse::statusCode)))
			.withMessageContaining("No such File object");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void retrieveContentIsText(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/files/file-abc/content").willReturn(aResponse().withStatus(200).withBody("{\"a\":\"é\"}\n")));
		this.client = Calls.client(wireMock);
		String text = Calls.call(async, () -> this.client.files().retrieveContent("file-abc"),
				() -> this.client.async().files().retrieveContent("file-abc"));
		assertThat(text).isEqualTo("{\"a\":\"é\"}\n");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void waitForProcessingPollsUntilProcessed(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("/v1/files/file-abc", okJson(file("uploaded")), okJson(file("uploaded")), okJson(file("processed")));
		this.client = Calls.client(wireMock);
		Duration poll = Duration.ofMillis(10);
		FileObject file = Calls.call(async,
				() -> this.client.files().waitForProcessing("file-abc", poll, Duration.ofSeconds(5)),
				() -> this.client.async().files().waitForProcessing("file-abc", poll, Duration.ofSeconds(5)));
		assertThat(file.status()).isEqualTo(FileObject.Status.PROCESSED);
		verify(3, getRequestedFor(urlEqualTo("/v1/files/file-abc")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void waitForProcessingGivesUpAfterTheTimeout(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/files/file-abc").willReturn(okJson(file("uploaded"))));
		this.client = Calls.client(wireMock);
		Duration poll = Duration.ofMillis(20);
		assertThatExceptionOfType(io.github.openaispring.errors.OpenAIException.class)
			.isThrownBy(() -> Calls.call(async,
					() -> this.client.files().waitForProcessing("file-abc", poll, Duration.ofMillis(200)),
					() -> this.client.async().files().waitForProcessing("file-abc", poll, Duration.ofMillis(200))))
			.withMessageContaining("still uploaded");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aConnectionResetIsRetriedFromTheStartForAPath(boolean async, WireMockRuntimeInfo wireMock) throws IOException {
		stubSequence("/v1/files", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(file("uploaded")));
		this.client = retryingClient(wireMock);
		Path data = Files.writeString(this.dir.resolve("data.jsonl"), "line one\nline two\n");
		FileCreateParams params = FileCreateParams.builder().file(data).purpose("batch").build();
		FileObject file = Calls.call(async, () -> this.client.files().create(params),
				() -> this.client.async().files().create(params));
		assertThat(file.id()).isEqualTo("file-abc");
		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = findAll(
				postRequestedFor(urlPathEqualTo("/v1/files")));
		assertThat(requests).hasSize(2);
		assertThat(Parts.of(requests.get(1))).containsExactly(
				"file=<data.jsonl|application/octet-stream|line one\nline two\n>", "purpose=batch");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aConnectionResetIsNotRetriedForAnInputStream(boolean async, WireMockRuntimeInfo wireMock) {
		stubSequence("/v1/files", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(file("uploaded")));
		this.client = retryingClient(wireMock);
		FileCreateParams params = FileCreateParams.builder()
			.file(UploadFile.of(new ByteArrayInputStream("one shot".getBytes(StandardCharsets.UTF_8)), "data.jsonl"))
			.purpose("batch")
			.build();
		assertThatExceptionOfType(APIConnectionException.class)
			.isThrownBy(() -> Calls.call(async, () -> this.client.files().create(params),
					() -> this.client.async().files().create(params)))
			.withMessageContaining("not retried: the request's upload is an InputStream");
		verify(1, postRequestedFor(urlPathEqualTo("/v1/files")));
	}

	private int acquired() {
		return ((DefaultAsyncOpenAI) this.client.async()).context().transport().acquiredConnections();
	}

	private static OpenAI retryingClient(WireMockRuntimeInfo wireMock) {
		return OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.maxRetries(2)
			.retrySleeper((delay) -> Mono.empty())
			.build();
	}

	static void stubSequence(String path, ResponseDefinitionBuilder... responses) {
		for (int i = 0; i < responses.length; i++) {
			var stub = WireMock.any(urlPathEqualTo(path))
				.inScenario("sequence " + path)
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "step " + i)
				.willReturn(responses[i]);
			stubFor((i < responses.length - 1) ? stub.willSetStateTo("step " + (i + 1)) : stub);
		}
	}

}
