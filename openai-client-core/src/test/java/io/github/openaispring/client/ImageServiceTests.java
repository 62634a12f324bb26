package io.github.openaispring.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import io.github.openaispring.helpers.ImageData;
import io.github.openaispring.models.ImageCreateVariationParams;
import io.github.openaispring.models.ImageEditCompletedEvent;
import io.github.openaispring.models.ImageEditParams;
import io.github.openaispring.models.ImageEditPartialImageEvent;
import io.github.openaispring.models.ImageEditStreamEvent;
import io.github.openaispring.models.ImageGenPartialImageEvent;
import io.github.openaispring.models.ImageGenStreamEvent;
import io.github.openaispring.models.ImageGenerateParams;
import io.github.openaispring.models.ImagesResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.FileSystemResource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
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
class ImageServiceTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };

	private static final String B64 = Base64.getEncoder().encodeToString(PNG);

	private static final String IMAGES = """
			{"created":1713833628,"data":[{"b64_json":"%s","revised_prompt":"an otter"}],
			 "usage":{"total_tokens":100,"input_tokens":50,"output_tokens":50,
			  "input_tokens_details":{"text_tokens":10,"image_tokens":40}}}
			""".formatted(B64);

	private OpenAI client;

	@TempDir
	Path dir;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void generateSendsJsonAndImagesDecodeToBytesAndFiles(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/images/generations").willReturn(okJson(IMAGES)));
		this.client = Calls.client(wireMock);
		ImageGenerateParams params = ImageGenerateParams.builder()
			.model("gpt-image-1")
			.prompt("an otter")
			.size("1024x1024")
			.build();
		ImagesResponse response = Calls.call(async, () -> this.client.images().generate(params),
				() -> this.client.async().images().generate(params));
		assertThat(ImageData.bytes(response.data().get(0))).isEqualTo(PNG);
		Path file = ImageData.write(response.data().get(0), this.dir.resolve("otter.png"));
		assertThat(file).hasBinaryContent(PNG);
		verify(postRequestedFor(urlEqualTo("/v1/images/generations")).withRequestBody(
				equalToJson("{\"model\":\"gpt-image-1\",\"prompt\":\"an otter\",\"size\":\"1024x1024\"}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void editSendsSeveralImagesAndAMaskAsAMultipartForm(boolean async, WireMockRuntimeInfo wireMock)
			throws IOException {
		stubFor(post("/v1/images/edits").willReturn(okJson(IMAGES)));
		this.client = Calls.client(wireMock);
		Path first = Files.write(this.dir.resolve("room.png"), "room".getBytes(StandardCharsets.UTF_8));
		ImageEditParams params = ImageEditParams.builder()
			.image(List.of(UploadFile.of(first), UploadFile.of("lamp".getBytes(StandardCharsets.UTF_8), "lamp.webp"),
					UploadFile.of("sofa".getBytes(StandardCharsets.UTF_8), "sofa.jpg")))
			.mask(UploadFile.of("mask".getBytes(StandardCharsets.UTF_8), "mask.png"))
			.prompt("a cosy room")
			.model("gpt-image-1")
			.n(2)
			.quality("high")
			.inputFidelity("high")
			.size("1536x1024")
			.outputFormat("webp")
			.outputCompression(80)
			.background("transparent")
			.user("user-1")
			.build();
		ImagesResponse response = Calls.call(async, () -> this.client.images().edit(params),
				() -> this.client.async().images().edit(params));
		assertThat(response.data()).hasSize(1);
		assertThat(Parts.of("/v1/images/edits")).containsExactly("image[]=<room.png|image/png|room>",
				"image[]=<lamp.webp|image/webp|lamp>", "image[]=<sofa.jpg|image/jpeg|sofa>", "prompt=a cosy room",
				"mask=<mask.png|image/png|mask>", "background=transparent", "model=gpt-image-1", "n=2",
				"size=1536x1024", "output_format=webp", "output_compression=80", "user=user-1", "input_fidelity=high",
				"quality=high");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void everyFileFieldTakesAPathAResourceBytesOrAStream(boolean async, WireMockRuntimeInfo wireMock)
			throws IOException {
		stubFor(post("/v1/images/edits").willReturn(okJson(IMAGES)));
		this.client = Calls.client(wireMock);
		Path room = Files.write(this.dir.resolve("room.png"), "room".getBytes(StandardCharsets.UTF_8));
		Path mask = Files.write(this.dir.resolve("mask.png"), "mask".getBytes(StandardCharsets.UTF_8));
		List<ImageEditParams> forms = List.of(
				ImageEditParams.builder().image(room).mask(new FileSystemResource(mask)).prompt("p").build(),
				ImageEditParams.builder()
					.image(new FileSystemResource(room))
					.mask(Files.readAllBytes(mask), "mask.png")
					.prompt("p")
					.build(),
				ImageEditParams.builder()
					.image(Files.readAllBytes(room), "room.png")
					.mask(new ByteArrayInputStream(Files.readAllBytes(mask)), "mask.png")
					.prompt("p")
					.build(),
				ImageEditParams.builder()
					.image(new ByteArrayInputStream(Files.readAllBytes(room)), "room.png")
					.mask(mask)
					.prompt("p")
					.build());
		for (ImageEditParams params : forms) {
			Calls.call(async, () -> this.client.images().edit(params), () -> this.client.async().images().edit(params));
		}
		List<LoggedRequest> requests = findAll(postRequestedFor(urlPathEqualTo("/v1/images/edits")));
		assertThat(requests).hasSize(forms.size());
		for (LoggedRequest request : requests) {
			assertThat(Parts.of(request)).containsExactly("image=<room.png|image/png|room>", "prompt=p",
					"mask=<mask.png|image/png|mask>");
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void editWithOneImageSendsItUnderImage(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/images/edits").willReturn(okJson(IMAGES)));
		this.client = Calls.client(wireMock);
		ImageEditParams params = ImageEditParams.builder()
			.image(UploadFile.of("room".getBytes(StandardCharsets.UTF_8), "room.png"))
			.prompt("add a lamp")
			.model("dall-e-2")
			.responseFormat("b64_json")
			.build();
		Calls.call(async, () -> this.client.images().edit(params), () -> this.client.async().images().edit(params));
		assertThat(Parts.of("/v1/images/edits")).containsExactly("image=<room.png|image/png|room>",
				"prompt=add a lamp", "model=dall-e-2", "response_format=b64_json");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void createVariationSendsTheImage(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/images/variations").willReturn(okJson(IMAGES)));
		this.client = Calls.client(wireMock);
		ImageCreateVariationParams params = ImageCreateVariationParams.builder()
			.image(UploadFile.of(PNG, "otter.png"))
			.model("dall-e-2")
			.n(1)
			.size("256x256")
			.responseFormat("b64_json")
			.build();
		ImagesResponse response = Calls.call(async, () -> this.client.images().createVariation(params),
				() -> this.client.async().images().createVariation(params));
		assertThat(ImageData.bytes(response.data().get(0))).isEqualTo(PNG);
		assertThat(Parts.of("/v1/images/variations")).hasSize(5)
			.contains("model=dall-e-2", "n=1", "size=256x256", "response_format=b64_json")
			.first()
			.asString()
			.startsWith("image=<otter.png|image/png|");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void editStreamsPartialImagesFromAMultipartForm(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/images/edits").willReturn(sse(
				"{\"type\":\"image_edit.partial_image\",\"b64_json\":\"" + B64 + "\",\"created_at\":1,\"size\":\"1024x1024\","
						+ "\"quality\":\"low\",\"background\":\"opaque\",\"output_format\":\"png\",\"partial_image_index\":0}",
				"{\"type\":\"image_edit.completed\",\"b64_json\":\"" + B64 + "\",\"created_at\":2,\"size\":\"1024x1024\","
						+ "\"quality\":\"low\",\"background\":\"opaque\",\"output_format\":\"png\",\"usage\":{\"total_tokens\":3,"
						+ "\"input_tokens\":1,\"output_tokens\":2,\"input_tokens_details\":{\"text_tokens\":1,\"image_tokens\":0}}}")));
		this.client = Calls.client(wireMock);
		ImageEditParams params = ImageEditParams.builder()
			.image(UploadFile.of("room".getBytes(StandardCharsets.UTF_8), "room.png"))
			.prompt("a lamp")
			.partialImages(1)
			.build();
		List<ImageEditStreamEvent> events;
		if (async) {
			events = this.client.async().images().editStreaming(params).collectList().block(Calls.WAIT);
		}
		else {
			try (StreamResponse<ImageEditStreamEvent> stream = this.client.images().editStreaming(params)) {
				events = stream.stream().toList();
			}
		}
		assertThat(events).hasSize(2);
		assertThat(ImageData.decode(((ImageEditPartialImageEvent) events.get(0)).b64Json())).isEqualTo(PNG);
		assertThat(events.get(1)).isInstanceOf(ImageEditCompletedEvent.class);
		assertThat(Parts.of("/v1/images/edits")).containsExactly("image=<room.png|image/png|room>", "prompt=a lamp",
				"partial_images=1", "stream=true");
		verify(postRequestedFor(urlEqualTo("/v1/images/edits")).withHeader("Accept", equalTo("application/json")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void generateStreamsPartialImages(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/images/generations").willReturn(sse("{\"type\":\"image_generation.partial_image\",\"b64_json\":\""
				+ B64 + "\",\"created_at\":1,\"size\":\"1024x1024\",\"quality\":\"low\",\"background\":\"opaque\","
				+ "\"output_format\":\"png\",\"partial_image_index\":0}")));
		this.client = Calls.client(wireMock);
		ImageGenerateParams params = ImageGenerateParams.builder().prompt("an otter").partialImages(1).build();
		List<ImageGenStreamEvent> events = async
				? this.client.async().images().generateStreaming(params).collectList().block(Calls.WAIT)
				: this.client.images().generateStreaming(params).stream().toList();
		assertThat(ImageData.decode(((ImageGenPartialImageEvent) events.get(0)).b64Json())).isEqualTo(PNG);
		verify(postRequestedFor(urlEqualTo("/v1/images/generations"))
			.withRequestBody(equalToJson("{\"prompt\":\"an otter\",\"partial_images\":1,\"stream\":true}")));
	}

	@Test
	void anImageThatCameAsAUrlCannotBeDecoded() {
		ImagesResponse response = io.github.openaispring.core.OpenAIJson.read(
				"{\"created\":1,\"data\":[{\"url\":\"https://example.com/a.png\"}]}", ImagesResponse.class);
		assertThatExceptionOfType(OpenAIInvalidDataException.class)
			.isThrownBy(() -> ImageData.bytes(response.data().get(0)))
			.withMessageContaining("response_format b64_json");
	}

	static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder sse(String... events) {
		StringBuilder body = new StringBuilder();
		for (String event : events) {
			body.append("data: ").append(event).append("\n\n");
		}
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
	}

}
