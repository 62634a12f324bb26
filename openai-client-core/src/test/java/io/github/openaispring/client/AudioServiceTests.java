package io.github.openaispring.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.models.CreateSpeechResponseStreamEvent;
import io.github.openaispring.models.CreateTranscriptionResponseDiarizedJson;
import io.github.openaispring.models.CreateTranscriptionResponseJson;
import io.github.openaispring.models.CreateTranscriptionResponseStreamEvent;
import io.github.openaispring.models.CreateTranscriptionResponseVerboseJson;
import io.github.openaispring.models.CreateTranslationResponseJson;
import io.github.openaispring.models.CreateTranslationResponseVerboseJson;
import io.github.openaispring.models.SpeechAudioDeltaEvent;
import io.github.openaispring.models.SpeechAudioDoneEvent;
import io.github.openaispring.models.SpeechCreateParams;
import io.github.openaispring.models.TranscriptTextDeltaEvent;
import io.github.openaispring.models.TranscriptTextDoneEvent;
import io.github.openaispring.models.TranscriptionCreateParams;
import io.github.openaispring.models.TranscriptionCreateResponse;
import io.github.openaispring.models.TranslationCreateParams;
import io.github.openaispring.models.TranslationCreateResponse;
import io.github.openaispring.models.VadConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

@WireMockTest
class AudioServiceTests {

	private static final byte[] AUDIO = "RIFF....WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);

	private OpenAI client;

	@TempDir
	Path dir;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private static SpeechCreateParams speech() {
		return SpeechCreateParams.builder()
			.model("gpt-4o-mini-tts")
			.voice("alloy")
			.input("Hello world!")
			.instructions("Cheerful")
			.responseFormat("mp3")
			.speed(1.25)
			.build();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void speechIsBinaryByteForByte(boolean async, WireMockRuntimeInfo wireMock) throws IOException {
		byte[] mp3 = new byte[200_000];
		new Random(3).nextBytes(mp3);
		stubFor(post("/v1/audio/speech").willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "audio/mpeg").withBody(mp3)));
		this.client = Calls.client(wireMock);
		Path out = this.dir.resolve("output.mp3");
		if (async) {
			AsyncBinaryResponse response = this.client.async().audio().speech().create(speech()).block(Calls.WAIT);
			assertThat(response.contentType()).isEqualTo("audio/mpeg");
			response.writeTo(out).block(Calls.WAIT);
		}
		else {
			this.client.audio().speech().create(speech()).streamToFile(out);
			try (BinaryResponse response = this.client.audio().speech().create(speech());
					InputStream in = response.inputStream()) {
				assertThat(in.readAllBytes()).isEqualTo(mp3);
			}
		}
		assertThat(Files.readAllBytes(out)).isEqualTo(mp3);
		verify(postRequestedFor(urlEqualTo("/v1/audio/speech")).withRequestBody(equalToJson("""
				{"model":"gpt-4o-mini-tts","voice":"alloy","input":"Hello world!","instructions":"Cheerful",
				 "response_format":"mp3","speed":1.25}""")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void speechStreamsAudioDeltasAsEvents(boolean async, WireMockRuntimeInfo wireMock) {
		String chunk = Base64.getEncoder().encodeToString(AUDIO);
		stubFor(post("/v1/audio/speech").willReturn(ImageServiceTests.sse(
				"{\"type\":\"speech.audio.delta\",\"audio\":\"" + chunk + "\"}",
				"{\"type\":\"speech.audio.done\",\"usage\":{\"input_tokens\":3,\"output_tokens\":5,\"total_tokens\":8}}")));
		this.client = Calls.client(wireMock);
		List<CreateSpeechResponseStreamEvent> events = async
				? this.client.async().audio().speech().createStreaming(speech()).collectList().block(Calls.WAIT)
				: this.client.audio().speech().createStreaming(speech()).stream().toList();
		assertThat(events).hasSize(2);
		assertThat(Base64.getDecoder().decode(((SpeechAudioDeltaEvent) events.get(0)).audio())).isEqualTo(AUDIO);
		assertThat(events.get(1)).isInstanceOf(SpeechAudioDoneEvent.class);
		verify(postRequestedFor(urlEqualTo("/v1/audio/speech")).withHeader("Accept", equalTo("application/octet-stream"))
			.withRequestBody(equalToJson("{\"stream_format\":\"sse\"}", true, true)));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void transcriptionSendsEveryFieldAsAPart(boolean async, WireMockRuntimeInfo wireMock) throws IOException {
		stubFor(post("/v1/audio/transcriptions").willReturn(okJson("""
				{"language":"english","duration":2.5,"text":"Hello world","words":[{"word":"Hello","start":0.0,"end":0.5}]}""")));
		this.client = Calls.client(wireMock);
		Path wav = Files.write(this.dir.resolve("hello.wav"), AUDIO);
		TranscriptionCreateParams params = TranscriptionCreateParams.builder()
			.file(wav)
			.model("whisper-1")
			.language("en")
			.prompt("Greetings")
			.responseFormat("verbose_json")
			.temperature(0.2)
			.addTimestampGranularity("word")
			.addTimestampGranularity("segment")
			.addInclude("logprobs")
			.chunkingStrategy(VadConfig.builder().type("server_vad").threshold(0.5).silenceDurationMs(300).build())
			.addKnownSpeakerName("agent")
			.addKnownSpeakerReference("data:audio/wav;base64,AAAA")
			.build();
		TranscriptionCreateResponse response = Calls.call(async,
				() -> this.client.audio().transcriptions().create(params),
				() -> this.client.async().audio().transcriptions().create(params));
		assertThat(response).isInstanceOfSatisfying(CreateTranscriptionResponseVerboseJson.class, (verbose) -> {
			assertThat(verbose.language()).isEqualTo("english");
			assertThat(verbose.duration()).isEqualTo(2.5);
			assertThat(verbose.words()).singleElement().satisfies((word) -> assertThat(word.word()).isEqualTo("Hello"));
		});
		assertThat(Parts.of("/v1/audio/transcriptions")).containsExactly(
				"file=<hello.wav|audio/x-wav|" + new String(AUDIO, StandardCharsets.ISO_8859_1) + ">", "model=whisper-1",
				"language=en", "prompt=Greetings", "response_format=verbose_json", "temperature=0.2",
				"include[]=logprobs", "timestamp_granularities[]=word", "timestamp_granularities[]=segment",
				"chunking_strategy[type]=server_vad", "chunking_strategy[silence_duration_ms]=300",
				"chunking_strategy[threshold]=0.5", "known_speaker_names[]=agent",
				"known_speaker_references[]=data:audio/wav;base64,AAAA");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void transcriptionJsonFormatsReadAsTheirOwnTypes(boolean async, WireMockRuntimeInfo wireMock) {
		this.client = Calls.client(wireMock);
		stubFor(post("/v1/audio/transcriptions").withMultipartRequestBody(
				com.github.tomakehurst.wiremock.client.WireMock.aMultipart("response_format").withBody(equalTo("json")))
			.willReturn(okJson("{\"text\":\"Hello\",\"usage\":{\"type\":\"duration\",\"seconds\":2}}")));
		stubFor(post("/v1/audio/transcriptions").withMultipartRequestBody(
				com.github.tomakehurst.wiremock.client.WireMock.aMultipart("response_format").withBody(equalTo("diarized_json")))
			.willReturn(okJson("""
					{"task":"transcribe","duration":1.5,"text":"Hi there","segments":[
					 {"type":"transcript.text.segment","id":"seg_1","start":0.0,"end":1.5,"text":"Hi there","speaker":"A"}]}""")));
		TranscriptionCreateResponse json = transcribe(async, "json");
		assertThat(json).isInstanceOfSatisfying(CreateTranscriptionResponseJson.class,
				(text) -> assertThat(text.text()).isEqualTo("Hello"));
		TranscriptionCreateResponse diarized = transcribe(async, "diarized_json");
		assertThat(diarized).isInstanceOfSatisfying(CreateTranscriptionResponseDiarizedJson.class,
				(result) -> assertThat(result.segments()).singleElement()
					.satisfies((segment) -> assertThat(segment.speaker()).isEqualTo("A")));
	}

	private TranscriptionCreateResponse transcribe(boolean async, String format) {
		TranscriptionCreateParams params = TranscriptionCreateParams.builder()
			.file(UploadFile.of(AUDIO, "a.mp3"))
			.model("gpt-4o-transcribe-diarize")
			.responseFormat(format)
			.build();
		return Calls.call(async, () -> this.client.audio().transcriptions().create(params),
				() -> this.client.async().audio().transcriptions().create(params));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void transcriptionTextFormatsReadAsStrings(boolean async, WireMockRuntimeInfo wireMock) {
		String srt = "1\n00:00:00,000 --> 00:00:01,000\nHello\n";
		stubFor(post("/v1/audio/transcriptions").willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(srt)));
		this.client = Calls.client(wireMock);
		for (String format : List.of("text", "srt", "vtt")) {
			TranscriptionCreateParams params = TranscriptionCreateParams.builder()
				.file(UploadFile.of(AUDIO, "a.mp3"))
				.model("whisper-1")
				.responseFormat(format)
				.build();
			String text = Calls.call(async, () -> this.client.audio().transcriptions().createText(params),
					() -> this.client.async().audio().transcriptions().createText(params));
			assertThat(text).isEqualTo(srt);
		}
		assertThat(findAll(postRequestedFor(urlPathEqualTo("/v1/audio/transcriptions"))).stream()
			.map((request) -> Parts.of(request).get(2))).containsExactly("response_format=text", "response_format=srt",
					"response_format=vtt");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void transcriptionStreamsTextEvents(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/audio/transcriptions").willReturn(ImageServiceTests.sse(
				"{\"type\":\"transcript.text.delta\",\"delta\":\"Hel\"}",
				"{\"type\":\"transcript.text.delta\",\"delta\":\"lo\"}",
				"{\"type\":\"transcript.text.done\",\"text\":\"Hello\"}")));
		this.client = Calls.client(wireMock);
		TranscriptionCreateParams params = TranscriptionCreateParams.builder()
			.file(UploadFile.of(AUDIO, "a.mp3"))
			.model("gpt-4o-mini-transcribe")
			.build();
		List<CreateTranscriptionResponseStreamEvent> events = async
				? this.client.async().audio().transcriptions().createStreaming(params).collectList().block(Calls.WAIT)
				: this.client.audio().transcriptions().createStreaming(params).stream().toList();
		assertThat(events).hasSize(3);
		assertThat(((TranscriptTextDeltaEvent) events.get(0)).delta()).isEqualTo("Hel");
		assertThat(((TranscriptTextDoneEvent) events.get(2)).text()).isEqualTo("Hello");
		assertThat(Parts.of("/v1/audio/transcriptions")).containsExactly("file=<a.mp3|audio/mpeg|"
				+ new String(AUDIO, StandardCharsets.ISO_8859_1) + ">", "model=gpt-4o-mini-transcribe", "stream=true");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void translationReadsJsonAndText(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/audio/translations").withMultipartRequestBody(
				com.github.tomakehurst.wiremock.client.WireMock.aMultipart("response_format").withBody(equalTo("verbose_json")))
			.willReturn(okJson("{\"language\":\"french\",\"duration\":1.0,\"text\":\"Hello\"}")));
		stubFor(post("/v1/audio/translations").withMultipartRequestBody(
				com.github.tomakehurst.wiremock.client.WireMock.aMultipart("response_format").withBody(equalTo("json")))
			.willReturn(okJson("{\"text\":\"Hello\"}")));
		stubFor(post("/v1/audio/translations").withMultipartRequestBody(
				com.github.tomakehurst.wiremock.client.WireMock.aMultipart("response_format").withBody(equalTo("text")))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("Hello")));
		this.client = Calls.client(wireMock);
		TranslationCreateParams.Builder builder = TranslationCreateParams.builder()
			.file(UploadFile.of(AUDIO, "bonjour.m4a"))
			.model("whisper-1")
			.prompt("Bonjour")
			.temperature(0.0);
		TranslationCreateParams verbose = builder.responseFormat("verbose_json").build();
		TranslationCreateResponse response = Calls.call(async, () -> this.client.audio().translations().create(verbose),
				() -> this.client.async().audio().translations().create(verbose));
		assertThat(response).isInstanceOfSatisfying(CreateTranslationResponseVerboseJson.class,
				(result) -> assertThat(result.language()).isEqualTo("french"));
		TranslationCreateParams json = builder.responseFormat("json").build();
		assertThat(Calls.call(async, () -> this.client.audio().translations().create(json),
				() -> this.client.async().audio().translations().create(json)))
			.isInstanceOf(CreateTranslationResponseJson.class);
		TranslationCreateParams text = builder.responseFormat("text").build();
		assertThat(Calls.call(async, () -> this.client.audio().translations().createText(text),
				() -> this.client.async().audio().translations().createText(text))).isEqualTo("Hello");
		List<String> parts = Parts.of(findAll(postRequestedFor(urlPathEqualTo("/v1/audio/translations"))).get(0));
		assertThat(parts).containsExactly("file=<bonjour.m4a|audio/mp4|" + new String(AUDIO, StandardCharsets.ISO_8859_1)
				+ ">", "model=whisper-1", "prompt=Bonjour", "response_format=verbose_json", "temperature=0.0");
	}

}
