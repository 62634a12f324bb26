package io.github.openaispring.localserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The audio endpoints. {@code POST /audio/speech} (JSON) answers a short tone a word
 * ({@link Media#speech}); {@code POST /audio/transcriptions} and {@code POST /audio/translations}
 * (multipart forms) give back the text of a file that speech made, and otherwise
 * {@code Transcript of <filename> (<n> bytes)} (or {@code Translation of ...}), in every
 * {@code response_format}.
 */
final class AudioEndpoints {

	private static final List<String> SPEECH_FORMATS = List.of("mp3", "opus", "aac", "flac", "wav", "pcm");

	private static final List<String> TRANSCRIPTION_FORMATS = List.of("json", "text", "srt", "verbose_json", "vtt",
			"diarized_json");

	private static final List<String> TRANSLATION_FORMATS = List.of("json", "text", "srt", "verbose_json", "vtt");

	private static final List<String> AUDIO_FILES = List.of("flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg",
			"wav", "webm");

	private static final int MAX_INPUT = 4096;

	private final LocalOpenAIServer server;

	AudioEndpoints(LocalOpenAIServer server) {
		this.server = server;
	}

	void speech(Exchange exchange) throws IOException {
		JsonNode body = exchange.json();
		String model = Fields.model(body);
		String input = Fields.string(body, "input", null);
		if (input == null) {
			throw ApiException.missing("input");
		}
		if (input.length() > MAX_INPUT) {
			throw ApiException.invalidRequest("Invalid 'input': string too long. Expected a string with maximum length "
					+ MAX_INPUT + ", but got a string with length " + input.length() + " instead.", "input",
					"string_above_max_length");
		}
		String voice = voice(body);
		String format = Fields.oneOf("response_format", Fields.string(body, "response_format", "mp3"), SPEECH_FORMATS);
		double speed = Fields.number(body, "speed", 0.25, 4.0, 1.0);
		String streamFormat = Fields.oneOf("stream_format", Fields.string(body, "stream_format", "audio"),
				List.of("sse", "audio"));
		Media.Format made = switch (format) {
			case "mp3" -> Media.Format.MP3;
			case "pcm" -> Media.Format.PCM;
			default -> Media.Format.WAV; // opus, aac and flac need an encoder: the WAV, and its type says so
		};
		byte[] audio = Media.speech(input, voice, speed, made);
		if (streamFormat.equals("sse")) {
			if (model.startsWith("tts-1")) {
				throw ApiException.invalidRequest("stream_format 'sse' is not supported for model '" + model + "'.",
						"stream_format", "unsupported_value");
			}
			streamSpeech(exchange, audio, CannedText.count(input));
			return;
		}
		exchange.send(200, made.contentType(), audio);
	}

	private static String voice(JsonNode body) {
		JsonNode voice = Fields.required(body, "voice");
		if (voice.isObject() && voice.has("id") && voice.get("id").isString()) {
			return voice.get("id").stringValue();
		}
		if (!voice.isString()) {
			throw ApiException.invalidType("voice", "a string", Fields.kind(voice));
		}
		return voice.stringValue();
	}

	private void streamSpeech(Exchange exchange, byte[] audio, int words) throws IOException {
		int chunk = 16 * 1024;
		this.server.stream(exchange, (events, pacer) -> {
			for (int at = 0; at < audio.length; at += chunk) {
				byte[] piece = Arrays.copyOfRange(audio, at, Math.min(audio.length, at + chunk));
				events.send(Map.of("type", "speech.audio.delta", "audio", Base64.getEncoder().encodeToString(piece)));
				pacer.pause();
			}
			int output = audio.length / 1000;
			events.send(Map.of("type", "speech.audio.done", "usage",
					Map.of("input_tokens", words, "output_tokens", output, "total_tokens", words + output)));
		});
	}

	void transcribe(Exchange exchange) throws IOException {
		Form form = Form.read(exchange);
		String model = form.model();
		Multipart.Part file = audioFile(form);
		String format = Fields.oneOf("response_format", form.string("response_format", "json"), TRANSCRIPTION_FORMATS);
		boolean diarize = model.contains("diarize");
		boolean jsonOnly = !diarize && (model.startsWith("gpt-4o-transcribe") || model.startsWith("gpt-4o-mini-transcribe"));
		if ((format.equals("diarized_json") && !diarize) || (jsonOnly && !format.equals("json"))
				|| (diarize && !List.of("json", "text", "diarized_json").contains(format))) {
			throw ApiException.invalidRequest("response_format '" + format + "' is not compatible with model '" + model
					+ "'.", "response_format", "unsupported_value");
		}
		form.number("temperature", 0, 1, 0);
		List<String> granularities = form.strings("timestamp_granularities");
		granularities.forEach((granularity) -> Fields.oneOf("timestamp_granularities", granularity,
				List.of("word", "segment")));
		Media.Audio audio = Media.read(file.content());
		String text = (audio.text() != null) ? audio.text()
				: "Transcript of " + file.filename() + " (" + file.content().length + " bytes)";
		if ("true".equals(form.string("stream", null)) && !model.equals("whisper-1")) {
			streamTranscript(exchange, text, audio.seconds());
			return;
		}
		String language = language(form.string("language", null));
		answer(exchange, format, "transcribe", language, text, audio.seconds(),
				granularities.contains("word"), !granularities.isEmpty() && !granularities.contains("segment"));
	}

	void translate(Exchange exchange) throws IOException {
		Form form = Form.read(exchange);
		form.model();
		Multipart.Part file = audioFile(form);
		String format = Fields.oneOf("response_format", form.string("response_format", "json"), TRANSLATION_FORMATS);
		form.number("temperature", 0, 1, 0);
		Media.Audio audio = Media.read(file.content());
		String text = (audio.text() != null) ? audio.text()
				: "Translation of " + file.filename() + " (" + file.content().length + " bytes)";
		answer(exchange, format, "translate", "english", text, audio.seconds(), false, false);
	}

	private static Multipart.Part audioFile(Form form) {
		Multipart.Part file = form.file("file");
		String name = (file.filename() != null) ? file.filename() : "";
		String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		if (!name.contains(".") || !AUDIO_FILES.contains(extension)) {
			throw ApiException.invalidRequest("Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', "
					+ "'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']", "file", "invalid_value");
		}
		return file;
	}

	private static String language(String code) {
		if (code == null || code.isBlank()) {
			return "english";
		}
		String name = Locale.forLanguageTag(code.strip()).getDisplayLanguage(Locale.ENGLISH);
		return name.isEmpty() ? code.strip() : name.toLowerCase(Locale.ROOT);
	}

	private void streamTranscript(Exchange exchange, String text, double seconds) throws IOException {
		this.server.stream(exchange, (events, pacer) -> {
			for (String piece : CannedText.pieces(text)) {
				events.send(Map.of("type", "transcript.text.delta", "delta", piece));
				pacer.pause();
			}
			events.send(Map.of("type", "transcript.text.done", "text", text, "usage", usage(seconds)));
		});
	}

	private static void answer(Exchange exchange, String format, String task, String language, String text,
			double seconds, boolean words, boolean withoutSegments) throws IOException {
		List<Segment> segments = segments(text, seconds);
		switch (format) {
			case "text" -> sendText(exchange, text + "\n");
			case "srt" -> sendText(exchange, subtitles(segments, false));
			case "vtt" -> sendText(exchange, subtitles(segments, true));
			case "verbose_json" -> {
				Map<String, Object> response = new LinkedHashMap<>();
				response.put("task", task);
				response.put("language", language);
				response.put("duration", round(seconds));
				response.put("text", text);
				if (words) {
					response.put("words", words(text, seconds));
				}
				if (!withoutSegments) {
					List<Object> json = new ArrayList<>();
					segments.forEach((segment) -> json.add(segment.json()));
					response.put("segments", json);
				}
				response.put("usage", usage(seconds));
				exchange.sendJson(200, response);
			}
			case "diarized_json" -> {
				Map<String, Object> response = new LinkedHashMap<>();
				response.put("task", "transcribe");
				response.put("duration", round(seconds));
				response.put("text", text);
				List<Object> json = new ArrayList<>();
				for (Segment segment : segments) {
					json.add(Map.of("type", "transcript.text.segment", "id", "seg_" + segment.id(), "start",
							round(segment.start()), "end", round(segment.end()), "text", segment.text(), "speaker",
							(segment.id() % 2 == 0) ? "A" : "B"));
				}
				response.put("segments", json);
				response.put("usage", usage(seconds));
				exchange.sendJson(200, response);
			}
			default -> {
				Map<String, Object> response = new LinkedHashMap<>();
				response.put("text", text);
				response.put("usage", usage(seconds));
				exchange.sendJson(200, response);
			}
		}
	}

	private static void sendText(Exchange exchange, String text) throws IOException {
		exchange.send(200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, Object> usage(double seconds) {
		return Map.of("type", "duration", "seconds", (long) Math.ceil(seconds));
	}

	/** One sentence of the text, with the part of the audio it takes (by its length). */
	private record Segment(int id, double start, double end, String text) {

		Map<String, Object> json() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("id", this.id);
			json.put("seek", (int) (this.start * 100));
			json.put("start", round(this.start));
			json.put("end", round(this.end));
			json.put("text", " " + this.text);
			List<Integer> tokens = new ArrayList<>();
			for (String word : this.text.split("\\s+")) {
				tokens.add(50364 + Math.floorMod(word.hashCode(), 40000));
			}
			json.put("tokens", tokens);
			json.put("temperature", 0.0);
			json.put("avg_logprob", -0.25);
			json.put("compression_ratio", 1.0);
			json.put("no_speech_prob", 0.01);
			return json;
		}

	}

	private static List<Segment> segments(String text, double seconds) {
		String[] sentences = text.strip().split("(?<=[.!?])\\s+");
		double perCharacter = seconds / Math.max(1, text.strip().length());
		List<Segment> segments = new ArrayList<>();
		double at = 0;
		for (int i = 0; i < sentences.length; i++) {
			double end = (i == sentences.length - 1) ? seconds : at + sentences[i].length() * perCharacter;
			segments.add(new Segment(i, at, end, sentences[i]));
			at = end;
		}
		return segments;
	}

	private static List<Object> words(String text, double seconds) {
		String[] words = text.strip().split("\\s+");
		List<Object> json = new ArrayList<>();
		double each = seconds / words.length;
		for (int i = 0; i < words.length; i++) {
			json.add(Map.of("word", words[i].replaceAll("^\\p{Punct}+|\\p{Punct}+$", ""), "start", round(i * each),
					"end", round((i + 1) * each)));
		}
		return json;
	}

	/** SubRip ({@code 00:00:01,500}) or WebVTT ({@code WEBVTT} first, {@code 00:00:01.500}) captions. */
	private static String subtitles(List<Segment> segments, boolean vtt) {
		StringBuilder captions = new StringBuilder(vtt ? "WEBVTT\n\n" : "");
		for (Segment segment : segments) {
			if (!vtt) {
				captions.append(segment.id() + 1).append('\n');
			}
			captions.append(timestamp(segment.start(), vtt)).append(" --> ").append(timestamp(segment.end(), vtt))
				.append('\n').append(segment.text()).append("\n\n");
		}
		return captions.toString();
	}

	private static String timestamp(double seconds, boolean vtt) {
		long millis = Math.round(seconds * 1000);
		return String.format(Locale.ROOT, "%02d:%02d:%02d%s%03d", millis / 3_600_000, (millis / 60_000) % 60,
				(millis / 1000) % 60, vtt ? "." : ",", millis % 1000);
	}

	private static double round(double seconds) {
		return Math.round(seconds * 100) / 100.0;
	}

}
