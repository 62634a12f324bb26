package io.github.openaispring.localserver;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import io.github.openaispring.client.BinaryResponse;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.client.StreamResponse;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.errors.BadRequestException;
import io.github.openaispring.helpers.ImageData;
import io.github.openaispring.localserver.junit.LocalOpenAI;
import io.github.openaispring.models.CreateTranscriptionResponseJson;
import io.github.openaispring.models.CreateTranscriptionResponseStreamEvent;
import io.github.openaispring.models.CreateTranscriptionResponseVerboseJson;
import io.github.openaispring.models.CreateTranslationResponseJson;
import io.github.openaispring.models.CreateTranslationResponseVerboseJson;
import io.github.openaispring.models.ImageEditParams;
import io.github.openaispring.models.ImageGenerateParams;
import io.github.openaispring.models.ImagesResponse;
import io.github.openaispring.models.Model;
import io.github.openaispring.models.SpeechCreateParams;
import io.github.openaispring.models.TranscriptTextDeltaEvent;
import io.github.openaispring.models.TranscriptTextDoneEvent;
import io.github.openaispring.models.TranscriptionCreateParams;
import io.github.openaispring.models.TranscriptionCreateResponse;
import io.github.openaispring.models.TranslationCreateParams;
import io.github.openaispring.models.TranslationCreateResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Images and audio through the client: PNGs that decode, WAV and MP3 speech, transcriptions in every format. */
@LocalOpenAI(streamDelayMillis = 0)
class LocalServerMediaClientTests {

	private static final String SPOKEN = "Hello world! This is a test of the OpenAI text-to-speech API.";

	private static OpenAI client;

	@TempDir
	Path dir;

	@BeforeAll
	static void client(LocalOpenAIServer server) {
		client = OpenAI.builder().baseUrl(server.baseUrl()).apiKey("sk-local").build();
	}

	@AfterAll
	static void close() {
		client.close();
	}

	private static BufferedImage decode(byte[] png) throws IOException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image).as("a PNG that ImageIO reads").isNotNull();
		return image;
	}

	@Test
	void generatesBase64PngsForGptImageModelsAtASixteenthOfTheSize() throws IOException {
		ImagesResponse response = client.images()
			.generate(ImageGenerateParams.builder()
				.model("gpt-image-1")
				.prompt("A serene mountain landscape at sunset")
				.n(2)
				.size("1024x1536")
				.build());
		assertThat(response.data()).hasSize(2);
		assertThat(response.data()).allSatisfy((image) -> assertThat(image.url()).isNull());
		byte[] first = ImageData.bytes(response.data().get(0));
		BufferedImage image = decode(first);
		assertThat(image.getWidth()).isEqualTo(64);
		assertThat(image.getHeight()).isEqualTo(96);
		assertThat(ImageData.bytes(response.data().get(1))).isNotEqualTo(first);
		assertThat(response.outputFormat().asString()).isEqualTo("png");
		assertThat(response.usage().outputTokens()).isPositive();
		Path file = ImageData.write(response.data().get(0), this.dir.resolve("landscape.png"));
		assertThat(file).hasBinaryContent(first);
	}

	@Test
	void theSamePromptDrawsTheSamePicture() {
		ImageGenerateParams params = ImageGenerateParams.builder().model("gpt-image-1").prompt("an otter").build();
		assertThat(ImageData.bytes(client.images().generate(params).data().get(0)))
			.isEqualTo(ImageData.bytes(client.images().generate(params).data().get(0)));
	}

	@Test
	void dallE3AnswersAUrlOnTheServerAndARevisedPrompt() throws Exception {
		ImagesResponse response = client.images()
			.generate(ImageGenerateParams.builder()
				.model("dall-e-3")
				.prompt("A serene mountain landscape at sunset")
				.n(1)
				.size("1024x1024")
				.build());
		String url = response.data().get(0).url();
		assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/local-images/img-\\w+\\.png");
		assertThat(response.data().get(0).revisedPrompt()).isEqualTo("A serene mountain landscape at sunset");
		HttpResponse<byte[]> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(decode(download.body()).getWidth()).isEqualTo(64);
	}

	@Test
	void dallE3MakesOneImageAtATime() {
		assertThatExceptionOfType(BadRequestException.class)
			.isThrownBy(() -> client.images()
				.generate(ImageGenerateParams.builder().model("dall-e-3").prompt("two otters").n(2).build()))
			.satisfies((ex) -> assertThat(ex.errorParam()).isEqualTo("n"));
	}

	@Test
	void editsAnImageFromAMultipartForm() throws IOException {
		byte[] original = ImageData.bytes(client.images()
			.generate(ImageGenerateParams.builder().model("gpt-image-1").prompt("a room").build())
			.data()
			.get(0));
		ImagesResponse edited = client.images()
			.edit(ImageEditParams.builder()
				.image(UploadFile.of(original, "room.png"))
				.prompt("add a lamp")
				.model("dall-e-2")
				.size("512x512")
				.responseFormat("b64_json")
				.build());
		byte[] png = ImageData.bytes(edited.data().get(0));
		assertThat(decode(png).getWidth()).isEqualTo(32);
		assertThat(png).isNotEqualTo(original);
	}

	@Test
	void speechAsWavIsARiffFileWithATone() {
		try (BinaryResponse speech = client.audio()
			.speech()
			.create(SpeechCreateParams.builder()
				.model("tts-1")
				.voice("alloy")
				.input(SPOKEN)
				.responseFormat("wav")
				.build())) {
			assertThat(speech.contentType()).isEqualTo("audio/wav");
			byte[] wav = speech.bytes();
			ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
			assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
			assertThat(header.getInt(4)).isEqualTo(wav.length - 8);
			assertThat(new String(wav, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
			assertThat(header.getShort(20)).as("PCM").isEqualTo((short) 1);
			assertThat(header.getInt(24)).as("sample rate").isEqualTo(24_000);
			assertThat(new String(wav, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
			int samples = header.getInt(40) / 2;
			assertThat(samples).as("about 4 seconds").isBetween(24_000 * 3, 24_000 * 6);
			short loudest = 0;
			for (int i = 0; i < samples; i++) {
				loudest = (short) Math.max(loudest, Math.abs(header.getShort(44 + 2 * i)));
			}
			assertThat(loudest).as("not silence").isGreaterThan((short) 1000);
		}
	}

	@Test
	void speechIsAnMp3ByDefaultAndFasterSpeechIsShorter() {
		SpeechCreateParams.Builder params = SpeechCreateParams.builder().model("tts-1").voice("alloy").input(SPOKEN);
		Path file = this.dir.resolve("output.mp3");
		byte[] normal;
		try (BinaryResponse speech = client.audio().speech().create(params.build())) {
			assertThat(speech.contentType()).isEqualTo("audio/mpeg");
			speech.streamToFile(file);
		}
		normal = readAllBytes(file);
		assertThat(new String(normal, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("ID3");
		try (BinaryResponse fast = client.audio().speech().create(params.speed(2.0).build())) {
			assertThat(fast.bytes().length).isLessThan(normal.length);
		}
	}

	@Test
	void aTranscriptionOfSpeechGivesBackItsTextAsJson() {
		Path wav = speech("wav", "speech.wav");
		TranscriptionCreateResponse response = client.audio()
			.transcriptions()
			.create(TranscriptionCreateParams.builder().file(wav).model("whisper-1").build());
		assertThat(response).isInstanceOfSatisfying(CreateTranscriptionResponseJson.class,
				(json) -> assertThat(json.text()).isEqualTo(SPOKEN));
		Path mp3 = speech("mp3", "speech.mp3");
		assertThat(client.audio()
			.transcriptions()
			.create(TranscriptionCreateParams.builder().file(mp3).model("gpt-4o-transcribe").build()))
			.isInstanceOfSatisfying(CreateTranscriptionResponseJson.class,
					(json) -> assertThat(json.text()).isEqualTo(SPOKEN));
	}

	@Test
	void aTranscriptionOfAnyOtherFileNamesTheFile() {
		byte[] audio = new byte[3000];
		TranscriptionCreateResponse response = client.audio()
			.transcriptions()
			.create(TranscriptionCreateParams.builder().file(UploadFile.of(audio, "speech.m4a")).model("whisper-1").build());
		assertThat(((CreateTranscriptionResponseJson) response).text())
			.isEqualTo("Transcript of speech.m4a (3000 bytes)");
	}

	@Test
	void transcriptionsComeAsTextSubtitlesAndVerboseJson() {
		Path wav = speech("wav", "speech.wav");
		TranscriptionCreateParams.Builder params = TranscriptionCreateParams.builder().file(wav).model("whisper-1");
		assertThat(client.audio().transcriptions().createText(params.responseFormat("text").build()))
			.isEqualTo(SPOKEN + "\n");
		String srt = client.audio().transcriptions().createText(params.responseFormat("srt").build());
		assertThat(srt).startsWith("1\n00:00:00,000 --> 00:00:0").contains("\nHello world!\n\n2\n");
		String vtt = client.audio().transcriptions().createText(params.responseFormat("vtt").build());
		assertThat(vtt).startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:0").contains("This is a test");
		TranscriptionCreateResponse verbose = client.audio()
			.transcriptions()
			.create(params.responseFormat("verbose_json").addTimestampGranularity("word").addTimestampGranularity("segment")
				.language("fr")
				.build());
		assertThat(verbose).isInstanceOfSatisfying(CreateTranscriptionResponseVerboseJson.class, (result) -> {
			assertThat(result.text()).isEqualTo(SPOKEN);
			assertThat(result.language()).isEqualTo("french");
			assertThat(result.duration()).isBetween(3.0, 6.0);
			assertThat(result.segments()).hasSize(2);
			assertThat(result.words()).hasSize(11).first().satisfies((word) -> assertThat(word.word()).isEqualTo("Hello"));
		});
	}

	@Test
	void transcriptionsStreamForTheGptModels() {
		Path mp3 = speech("mp3", "speech.mp3");
		try (StreamResponse<CreateTranscriptionResponseStreamEvent> events = client.audio()
			.transcriptions()
			.createStreaming(TranscriptionCreateParams.builder().file(mp3).model("gpt-4o-mini-transcribe").build())) {
			List<CreateTranscriptionResponseStreamEvent> all = events.stream().toList();
			assertThat(all).hasSizeGreaterThan(2);
			assertThat(all.subList(0, all.size() - 1)).allSatisfy(
					(event) -> assertThat(event).isInstanceOf(TranscriptTextDeltaEvent.class));
			assertThat(all.get(all.size() - 1)).isInstanceOfSatisfying(TranscriptTextDoneEvent.class,
					(done) -> assertThat(done.text()).isEqualTo(SPOKEN));
		}
	}

	@Test
	void translationsAnswerJsonVerboseJsonAndText() {
		TranslationCreateParams.Builder params = TranslationCreateParams.builder()
			.file(UploadFile.of(new byte[1234], "french_speech.mp3"))
			.model("whisper-1");
		TranslationCreateResponse json = client.audio().translations().create(params.build());
		assertThat(json).isInstanceOfSatisfying(CreateTranslationResponseJson.class,
				(result) -> assertThat(result.text()).isEqualTo("Translation of french_speech.mp3 (1234 bytes)"));
		assertThat(client.audio().translations().create(params.responseFormat("verbose_json").build()))
			.isInstanceOfSatisfying(CreateTranslationResponseVerboseJson.class,
					(result) -> assertThat(result.language()).isEqualTo("english"));
		assertThat(client.audio().translations().createText(params.responseFormat("text").build()))
			.isEqualTo("Translation of french_speech.mp3 (1234 bytes)\n");
	}

	@Test
	void gpt4AndTheMediaModelsAreListed() {
		Model gpt4 = client.models().retrieve("gpt-4");
		assertThat(gpt4.ownedBy()).isEqualTo("openai");
		assertThat(client.models().list().data()).extracting(Model::id)
			.contains("gpt-4", "dall-e-3", "gpt-image-1", "tts-1", "whisper-1");
	}

	private Path speech(String format, String name) {
		Path file = this.dir.resolve(name);
		try (BinaryResponse speech = client.audio()
			.speech()
			.create(SpeechCreateParams.builder()
				.model("tts-1")
				.voice("alloy")
				.input(SPOKEN)
				.responseFormat(format)
				.build())) {
			speech.streamToFile(file);
		}
		return file;
	}

	private static byte[] readAllBytes(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
