package io.github.openaispring.parity;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.openaispring.core.UploadFile;
import io.github.openaispring.models.SpeechCreateParams;
import io.github.openaispring.models.TranscriptionCreateParams;
import io.github.openaispring.models.TranslationCreateParams;
import io.github.openaispring.models.VadConfig;
import io.github.openaispring.models.VoiceIdsOrCustomVoice;

/** The twin of {@code cases/audio.mjs}. */
final class AudioParityCases implements ParityGroup {

	static final byte[] WAV = "RIFF$\u0000\u0000\u0000WAVEfmt parity-audio".getBytes(StandardCharsets.ISO_8859_1);

	@Override
	public String name() {
		return "audio";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("audio.speech.create/binary", (client) -> Drain.binary(client.audio()
			.speech()
			.create(SpeechCreateParams.builder()
				.model("gpt-4o-mini-tts")
				.voice("alloy")
				.input("Hello world!")
				.instructions("Speak cheerfully.")
				.responseFormat("mp3")
				.speed(1.25)
				.build()))),
				new ParityCase("audio.speech.create/custom-voice", (client) -> Drain.binary(client.audio()
					.speech()
					.create(SpeechCreateParams.builder()
						.model("tts-1")
						.voice(VoiceIdsOrCustomVoice.Variant2.builder().id("voice_123").build())
						.input("Hi")
						.responseFormat("wav")
						.build()))),
				new ParityCase("audio.speech.create/streaming", (client) -> Drain.stream(client.audio()
					.speech()
					.createStreaming(SpeechCreateParams.builder()
						.model("gpt-4o-mini-tts")
						.voice("coral")
						.input("Hello world!")
						.streamFormat("sse")
						.build()))),
				new ParityCase("audio.transcriptions.create/json", (client) -> client.audio()
					.transcriptions()
					.create(TranscriptionCreateParams.builder()
						.file(wav())
						.model("gpt-4o-transcribe")
						.language("en")
						.prompt("A greeting.")
						.responseFormat("json")
						.temperature(0.2)
						.addInclude("logprobs")
						.chunkingStrategy(VadConfig.builder()
							.prefixPaddingMs(300)
							.silenceDurationMs(500)
							.threshold(0.5)
							.build())
						.build())),
				new ParityCase("audio.transcriptions.create/verbose-json", (client) -> client.audio()
					.transcriptions()
					.create(TranscriptionCreateParams.builder()
						.file(wav())
						.model("whisper-1")
						.responseFormat("verbose_json")
						.addTimestampGranularity("word")
						.addTimestampGranularity("segment")
						.build())),
				new ParityCase("audio.transcriptions.create/diarized-json", (client) -> client.audio()
					.transcriptions()
					.create(TranscriptionCreateParams.builder()
						.file(wav())
						.model("gpt-4o-transcribe-diarize")
						.responseFormat("diarized_json")
						.chunkingStrategy("auto")
						.addKnownSpeakerName("agent")
						.addKnownSpeakerName("customer")
						.addKnownSpeakerReference("data:audio/wav;base64,UklGRg==")
						.addKnownSpeakerReference("data:audio/wav;base64,UklGRh==")
						.build())),
				new ParityCase("audio.transcriptions.create/text", (client) -> client.audio()
					.transcriptions()
					.createText(TranscriptionCreateParams.builder()
						.file(wav())
						.model("whisper-1")
						.responseFormat("text")
						.build())),
				new ParityCase("audio.transcriptions.create/srt", (client) -> client.audio()
					.transcriptions()
					.createText(TranscriptionCreateParams.builder()
						.file(wav())
						.model("whisper-1")
						.responseFormat("srt")
						.language("en")
						.build())),
				new ParityCase("audio.transcriptions.create/vtt", (client) -> client.audio()
					.transcriptions()
					.createText(TranscriptionCreateParams.builder()
						.file(wav())
						.model("whisper-1")
						.responseFormat("vtt")
						.build())),
				new ParityCase("audio.transcriptions.create/streaming", (client) -> Drain.stream(client.audio()
					.transcriptions()
					.createStreaming(TranscriptionCreateParams.builder()
						.file(wav())
						.model("gpt-4o-mini-transcribe")
						.addInclude("logprobs")
						.language("en")
						.build()))),
				new ParityCase("audio.translations.create/json", (client) -> client.audio()
					.translations()
					.create(TranslationCreateParams.builder()
						.file(wav())
						.model("whisper-1")
						.prompt("Grüße — 你好 \"quoted\"")
						.responseFormat("json")
						.temperature(0.1)
						.build())),
				new ParityCase("audio.translations.create/text", (client) -> client.audio()
					.translations()
					.createText(TranslationCreateParams.builder()
						.file(wav())
						.model("whisper-1")
						.responseFormat("text")
						.build())));
	}

	private static UploadFile wav() {
		return UploadFile.of(WAV, "speech.wav").withContentType("audio/wav");
	}

}
