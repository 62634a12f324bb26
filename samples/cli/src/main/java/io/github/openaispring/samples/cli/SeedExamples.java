package io.github.openaispring.samples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.openaispring.client.BinaryResponse;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.client.Page;
import io.github.openaispring.client.StreamResponse;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.helpers.ImageData;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.Completion;
import io.github.openaispring.models.CompletionCreateParams;
import io.github.openaispring.models.CreateEmbeddingResponse;
import io.github.openaispring.models.CreateModerationResponse;
import io.github.openaispring.models.CreateTranscriptionResponseJson;
import io.github.openaispring.models.CreateTranslationResponseJson;
import io.github.openaispring.models.DeleteFileResponse;
import io.github.openaispring.models.EmbeddingCreateParams;
import io.github.openaispring.models.FileCreateParams;
import io.github.openaispring.models.FileObject;
import io.github.openaispring.models.ImageEditParams;
import io.github.openaispring.models.ImageGenerateParams;
import io.github.openaispring.models.ImagesResponse;
import io.github.openaispring.models.Model;
import io.github.openaispring.models.ModerationCreateParams;
import io.github.openaispring.models.SpeechCreateParams;
import io.github.openaispring.models.TranscriptionCreateParams;
import io.github.openaispring.models.TranscriptionCreateResponse;
import io.github.openaispring.models.TranslationCreateParams;
import io.github.openaispring.models.TranslationCreateResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * The seed's examples, in the seed's order, each printing what the API returned. An example that
 * fails is reported and the others still run; the exit code is 1 if any failed. The files the
 * examples write (the JSONL uploaded, the pictures, the speech) go to {@code cli.output-dir}, or a
 * new temporary directory, and are kept so that you can look at them.
 */
@Component
class SeedExamples implements CommandLineRunner, ExitCodeGenerator {

	private static final String TRAINING_DATA = """
			{"messages":[{"role":"user","content":"What is the capital of France?"},{"role":"assistant","content":"Paris."}]}
			{"messages":[{"role":"user","content":"What is 2 + 2?"},{"role":"assistant","content":"4."}]}
			""";

	private static final String SPOKEN = "Hello world! This is a test of the OpenAI text-to-speech API.";

	private final OpenAI client;

	private final String baseUrl;

	private final PrintStream out = System.out;

	private final Map<String, String> outcomes = new LinkedHashMap<>();

	private final String configuredOutputDir;

	private Path outputDir;

	SeedExamples(OpenAI client, @Value("${openai.base-url}") String baseUrl,
			@Value("${cli.output-dir:}") String outputDir) {
		this.client = client;
		this.baseUrl = baseUrl;
		this.configuredOutputDir = outputDir;
	}

	@Override
	public void run(String... args) {
		long start = System.nanoTime();
		this.out.println("OpenAI examples against " + this.baseUrl);
		example("Completions", "completions().create", this::completions);
		example("Chat", "chat().completions().create", this::chat);
		example("Chat, streamed", "chat().completions().createStreaming", this::chatStreaming);
		example("Embeddings", "embeddings().create", this::embeddings);
		example("Files", "files().create, list, retrieveContent, delete", this::files);
		example("Images", "images().generate, edit", this::images);
		example("Audio", "audio().speech(), transcriptions(), translations()", this::audio);
		example("Moderations", "moderations().create", this::moderations);
		example("Models", "models().list, models().retrieve", this::models);
		summary((System.nanoTime() - start) / 1_000_000);
	}

	private void completions() {
		Completion completion = this.client.completions()
			.create(CompletionCreateParams.builder()
				.model("gpt-3.5-turbo-instruct")
				.prompt("Write a short poem about programming")
				.maxTokens(150)
				.temperature(0.7)
				.build());
		print("text", completion.choices().get(0).text().strip());
	}

	private void chat() {
		ChatCompletion chat = this.client.chat()
			.completions()
			.create(ChatCompletionCreateParams.builder()
				.model("gpt-4o-mini")
				.addSystemMessage("You are a helpful assistant.")
				.addUserMessage("Explain quantum computing in simple terms")
				.temperature(0.7)
				.build());
		print("answer", chat.choices().get(0).message().content());
		if (chat.usage() != null) {
			print("usage", chat.usage().promptTokens() + " prompt + " + chat.usage().completionTokens()
					+ " completion tokens");
		}
	}

	private void chatStreaming() {
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("gpt-4o-mini")
			.addUserMessage("Write a haiku about streams")
			.build();
		int chunks = 0;
		this.out.print("   streamed: ");
		try (StreamResponse<ChatCompletionChunk> stream = this.client.chat().completions().createStreaming(params)) {
			Iterator<ChatCompletionChunk> iterator = stream.iterator();
			while (iterator.hasNext()) {
				ChatCompletionChunk chunk = iterator.next();
				chunks++;
				if (!chunk.choices().isEmpty() && chunk.choices().get(0).delta().content() != null) {
					this.out.print(chunk.choices().get(0).delta().content());
					this.out.flush(); // each piece as it arrives
				}
			}
		}
		this.out.println();
		print("chunks", String.valueOf(chunks));
	}

	private void embeddings() {
		CreateEmbeddingResponse response = this.client.embeddings()
			.create(EmbeddingCreateParams.builder()
				.model("text-embedding-ada-002")
				.input("The food was delicious and the service was excellent.")
				.build());
		List<Double> embedding = response.data().get(0).embedding();
		print("dimension", String.valueOf(embedding.size()));
		print("first values", embedding.subList(0, 3)
			.stream()
			.map((value) -> String.format("%.4f", value))
			.collect(Collectors.joining(", ")));
	}

	private void files() throws IOException {
		Path jsonl = Files.writeString(outputDir().resolve("training_data.jsonl"), TRAINING_DATA);
		FileObject uploaded = this.client.files()
			.create(FileCreateParams.builder().file(jsonl).purpose("fine-tune").build());
		print("upload", uploaded.id() + " " + uploaded.filename() + ", " + uploaded.bytes() + " bytes, purpose "
				+ uploaded.purpose());
		List<FileObject> files = new ArrayList<>();
		this.client.files().list().autoPager().forEach(files::add);
		print("list", files.size() + ": " + files.stream()
			.map((file) -> file.id() + " " + file.filename())
			.collect(Collectors.joining(", ")));
		String content = this.client.files().retrieveContent(uploaded.id());
		print("content", content.lines().count() + " lines, the first " + content.lines().findFirst().orElse(""));
		DeleteFileResponse deleted = this.client.files().delete(uploaded.id());
		print("delete", deleted.id() + " deleted: " + deleted.deleted());
		try {
			this.client.files().retrieve(uploaded.id());
			print("retrieve", "unexpectedly still found " + uploaded.id());
		}
		catch (APIStatusException ex) {
			print("retrieve", "the deleted file -> " + ex.statusCode() + " " + ex.getClass().getSimpleName() + ": "
					+ ex.errorMessage());
		}
	}

	private void images() throws IOException {
		// The seed prints a URL (dall-e-3's default); b64_json brings the picture in the response to write it.
		ImagesResponse generated = this.client.images()
			.generate(ImageGenerateParams.builder()
				.model("dall-e-3")
				.prompt("A serene mountain landscape at sunset")
				.n(1)
				.size("1024x1024")
				.responseFormat("b64_json")
				.build());
		Path landscape = ImageData.write(generated.data().get(0), outputDir().resolve("landscape.png"));
		print("generated", landscape + ", " + Files.size(landscape) + " bytes");
		if (generated.data().get(0).revisedPrompt() != null) {
			print("revised prompt", generated.data().get(0).revisedPrompt());
		}
		// The seed edits image.png with a mask using DALL-E 2; a GPT image model edits any PNG, mask or not.
		ImagesResponse edited = this.client.images()
			.edit(ImageEditParams.builder()
				.image(UploadFile.of(landscape))
				.prompt("A mountain landscape with a rainbow")
				.model("gpt-image-1")
				.n(1)
				.size("1024x1024")
				.build());
		Path rainbow = ImageData.write(edited.data().get(0), outputDir().resolve("landscape-rainbow.png"));
		print("edited", rainbow + ", " + Files.size(rainbow) + " bytes");
	}

	private void audio() throws IOException {
		// The seed transcribes speech.mp3 and translates french_speech.mp3: here both read the speech made first.
		Path speech = outputDir().resolve("output.mp3");
		try (BinaryResponse response = this.client.audio()
			.speech()
			.create(SpeechCreateParams.builder().model("tts-1").voice("alloy").input(SPOKEN).build())) {
			response.streamToFile(speech);
		}
		print("speech", speech + ", " + Files.size(speech) + " bytes");
		TranscriptionCreateResponse transcript = this.client.audio()
			.transcriptions()
			.create(TranscriptionCreateParams.builder().model("whisper-1").file(speech).build());
		print("transcription", (transcript instanceof CreateTranscriptionResponseJson json) ? json.text()
				: transcript.toString());
		TranslationCreateResponse translation = this.client.audio()
			.translations()
			.create(TranslationCreateParams.builder().model("whisper-1").file(speech).build());
		print("translation", (translation instanceof CreateTranslationResponseJson json) ? json.text()
				: translation.toString());
	}

	private void moderations() {
		for (String input : List.of("I will kill them all.", "I love programming.")) {
			CreateModerationResponse response = this.client.moderations()
				.create(ModerationCreateParams.builder().input(input).build());
			CreateModerationResponse.Result result = response.results().get(0);
			print("\"" + input + "\"", "flagged: " + result.flagged()
					+ (result.flagged() ? String.format(" (violence %s, score %.2f)", result.categories().violence(),
							result.categoryScores().violence()) : ""));
		}
	}

	private void models() {
		Page<Model> page = this.client.models().list();
		print("list", page.data().size() + " models: " + page.data()
			.stream()
			.limit(5)
			.map(Model::id)
			.collect(Collectors.joining(", ")) + (page.data().size() > 5 ? ", ..." : ""));
		Model model = this.client.models().retrieve("gpt-4");
		print("retrieve", model.id() + ", created " + Instant.ofEpochSecond(model.created()) + ", owned by "
				+ model.ownedBy());
	}

	private void example(String name, String calls, Example example) {
		this.out.println();
		this.out.println("== " + name + ": " + calls);
		try {
			example.run();
			this.outcomes.put(name, "ok");
		}
		catch (IOException | RuntimeException ex) {
			print("FAILED", ex.getClass().getSimpleName() + ": " + ex.getMessage());
			this.outcomes.put(name, "failed");
		}
	}

	/** Where the files the examples write go: {@code cli.output-dir}, or a new temporary directory. */
	private Path outputDir() throws IOException {
		if (this.outputDir == null) {
			this.outputDir = this.configuredOutputDir.isBlank() ? Files.createTempDirectory("openai-cli-")
					: Files.createDirectories(Path.of(this.configuredOutputDir));
		}
		return this.outputDir;
	}

	/** One example: it may write files. */
	@FunctionalInterface
	private interface Example {

		void run() throws IOException;

	}

	private void print(String label, String value) {
		this.out.println("   " + label + ": " + value);
	}

	private void summary(long millis) {
		Map<String, List<String>> byOutcome = new LinkedHashMap<>();
		this.outcomes.forEach((name, outcome) -> byOutcome.computeIfAbsent(outcome, (key) -> new ArrayList<>()).add(name));
		this.out.println();
		this.out.println("== Summary: " + this.outcomes.size() + " examples in " + millis + " ms");
		byOutcome.forEach((outcome, names) -> print(outcome, names.size() + " (" + String.join(", ", names) + ")"));
	}

	@Override
	public int getExitCode() {
		return this.outcomes.containsValue("failed") ? 1 : 0;
	}

}
