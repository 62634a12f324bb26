package io.github.openaispring.localserver;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.openaispring.localserver.junit.LocalOpenAI;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images and audio over plain HTTP: the answers validated against the official OpenAPI
 * description, and the errors for missing or wrong fields.
 */
@LocalOpenAI
class LocalServerMediaTests {

	private static void assertValid(String schema, JsonNode value) {
		assertThat(SpecSchemas.get().validate(schema, value)).as(schema + ": " + value).isEmpty();
	}

	private static void assertError(HttpResponse<String> response, String param, String message) {
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = Http.json(response).get("error");
		assertThat(error.get("type").stringValue()).isEqualTo("invalid_request_error");
		assertThat(error.get("message").stringValue()).isEqualTo(message);
		if (param == null) {
			assertThat(error.get("param").isNull()).isTrue();
		}
		else {
			assertThat(error.get("param").stringValue()).isEqualTo(param);
		}
	}

	/** A multipart form: each pair a field name and a value; a value {@code file:<name>} is a small file. */
	private static HttpResponse<String> form(LocalOpenAIServer server, String path, String... fields) {
		String boundary = "media-test";
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < fields.length; i += 2) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
				.append('"');
			if (fields[i + 1].startsWith("file:")) {
				body.append("; filename=\"").append(fields[i + 1].substring(5)).append("\"\r\nContent-Type: audio/mpeg")
					.append("\r\n\r\n").append("not really audio");
			}
			else {
				body.append("\r\n\r\n").append(fields[i + 1]);
			}
			body.append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		return Http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
	}

	@Test
	void imagesMatchTheSpec(LocalOpenAIServer server) {
		assertValid("ImagesResponse", Http.json(Http.post(server, "/images/generations",
				"{\"model\":\"gpt-image-1\",\"prompt\":\"an otter\",\"n\":2,\"size\":\"1536x1024\",\"quality\":\"high\"}")));
		assertValid("ImagesResponse", Http.json(Http.post(server, "/images/generations",
				"{\"model\":\"dall-e-3\",\"prompt\":\"an otter\"}")));
		assertValid("ImagesResponse", Http.json(Http.post(server, "/images/generations",
				"{\"prompt\":\"an otter\",\"response_format\":\"b64_json\",\"size\":\"256x256\"}")));
	}

	@Test
	void transcriptionsAndTranslationsMatchTheSpec(LocalOpenAIServer server) {
		assertValid("CreateTranscriptionResponseJson",
				Http.json(form(server, "/audio/transcriptions", "model", "whisper-1", "file", "file:a.mp3")));
		assertValid("CreateTranscriptionResponseVerboseJson", Http.json(form(server, "/audio/transcriptions", "model",
				"whisper-1", "file", "file:a.mp3", "response_format", "verbose_json", "timestamp_granularities[]",
				"word")));
		assertValid("CreateTranscriptionResponseDiarizedJson", Http.json(form(server, "/audio/transcriptions", "model",
				"gpt-4o-transcribe-diarize", "file", "file:a.mp3", "response_format", "diarized_json")));
		assertValid("CreateTranslationResponseJson",
				Http.json(form(server, "/audio/translations", "model", "whisper-1", "file", "file:a.wav")));
		assertValid("CreateTranslationResponseVerboseJson", Http.json(form(server, "/audio/translations", "model",
				"whisper-1", "file", "file:a.wav", "response_format", "verbose_json")));
		List<JsonNode> errors = new ArrayList<>();
		errors.add(Http.json(Http.post(server, "/audio/speech", "{\"model\":\"tts-1\",\"voice\":\"alloy\"}")));
		errors.add(Http.json(form(server, "/audio/transcriptions", "model", "whisper-1")));
		errors.forEach((error) -> assertValid("ErrorResponse", error));
	}

	@Test
	void aMissingPromptOrAWrongSizeOrFormatIsA400(LocalOpenAIServer server) {
		assertError(Http.post(server, "/images/generations", "{\"model\":\"dall-e-3\"}"), "prompt",
				"Missing required parameter: 'prompt'.");
		assertError(Http.post(server, "/images/generations", "{\"prompt\":\"x\",\"size\":\"big\"}"), "size",
				"Invalid value: 'big'. Supported values are: 'auto' or 'WIDTHxHEIGHT', such as '1024x1024', "
						+ "'1536x1024' and '1024x1536'.");
		assertError(Http.post(server, "/images/generations", "{\"prompt\":\"x\",\"response_format\":\"gif\"}"),
				"response_format", "Invalid value: 'gif'. Supported values are: 'url' and 'b64_json'.");
		assertError(Http.post(server, "/images/generations", "{\"prompt\":\"x\",\"n\":11}"), "n",
				"Invalid 'n': integer above maximum value. Expected a value <= 10, but got 11 instead.");
		assertError(form(server, "/images/edits", "prompt", "x"), "image", "Missing required parameter: 'image'.");
	}

	@Test
	void speechNeedsAModelAnInputAndAVoice(LocalOpenAIServer server) {
		assertError(Http.post(server, "/audio/speech", "{\"input\":\"Hi\",\"voice\":\"alloy\"}"), null,
				"you must provide a model parameter");
		assertError(Http.post(server, "/audio/speech", "{\"model\":\"tts-1\",\"voice\":\"alloy\"}"), "input",
				"Missing required parameter: 'input'.");
		assertError(Http.post(server, "/audio/speech", "{\"model\":\"tts-1\",\"input\":\"Hi\"}"), "voice",
				"Missing required parameter: 'voice'.");
		assertError(Http.post(server, "/audio/speech",
				"{\"model\":\"tts-1\",\"input\":\"Hi\",\"voice\":\"alloy\",\"speed\":5}"), "speed",
				"Invalid 'speed': decimal above maximum value. Expected a value <= 4.0, but got 5.0 instead.");
		assertError(Http.post(server, "/audio/speech",
				"{\"model\":\"tts-1\",\"input\":\"Hi\",\"voice\":\"alloy\",\"response_format\":\"ogg\"}"),
				"response_format",
				"Invalid value: 'ogg'. Supported values are: 'mp3', 'opus', 'aac', 'flac', 'wav', and 'pcm'.");
	}

	@Test
	void speechFormatsHaveTheirContentTypes(LocalOpenAIServer server) {
		String request = "{\"model\":\"gpt-4o-mini-tts\",\"input\":\"Hi there\",\"voice\":{\"id\":\"voice_1\"},"
				+ "\"response_format\":\"%s\"}";
		assertThat(Http.post(server, "/audio/speech", request.formatted("pcm")).headers().firstValue("Content-Type"))
			.hasValue("audio/pcm");
		// Opus, AAC and FLAC need an encoder: the server sends the WAV, and says so.
		HttpResponse<String> flac = Http.post(server, "/audio/speech", request.formatted("flac"));
		assertThat(flac.headers().firstValue("Content-Type")).hasValue("audio/wav");
		assertThat(flac.body()).startsWith("RIFF");
	}

	@Test
	void transcriptionsNeedAModelAndAnAudioFile(LocalOpenAIServer server) {
		assertError(form(server, "/audio/transcriptions", "file", "file:a.mp3"), null,
				"you must provide a model parameter");
		assertError(form(server, "/audio/transcriptions", "model", "whisper-1"), "file",
				"Missing required parameter: 'file'.");
		assertError(form(server, "/audio/translations", "model", "whisper-1"), "file",
				"Missing required parameter: 'file'.");
		assertError(form(server, "/audio/transcriptions", "model", "whisper-1", "file", "file:notes.txt"), "file",
				"Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', "
						+ "'wav', 'webm']");
		assertError(form(server, "/audio/transcriptions", "model", "gpt-4o-transcribe", "file", "file:a.mp3",
				"response_format", "srt"), "response_format",
				"response_format 'srt' is not compatible with model 'gpt-4o-transcribe'.");
		assertError(Http.post(server, "/audio/transcriptions", "{\"model\":\"whisper-1\"}"), null,
				"Invalid Content-Type header (application/json), expected multipart/form-data. (HINT: If you're using "
						+ "curl, you can pass -H 'Content-Type: multipart/form-data')");
	}

	@Test
	void aKeptImageThatIsGoneIsA404(LocalOpenAIServer server) {
		String url = server.baseUrl().replace("/v1", "/local-images/img-nope.png");
		assertThat(Http.send(HttpRequest.newBuilder(URI.create(url)).GET()).statusCode()).isEqualTo(404);
	}

}
