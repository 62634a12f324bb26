package io.github.openaispring.parity;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the official TypeScript SDK's side of the parity cases ({@code node record.mjs}) and reads
 * what it recorded: for each case, the requests as they arrived and the canned responses they got.
 */
final class SdkRecording {

	/** The folder of the Node project: {@code package.json}, {@code record.mjs}, {@code cases/}. */
	static final Path PARITY_DIR = Path.of("src/test/parity");

	/** The version of the {@code openai} package the recording must be made with. */
	static final String SDK_VERSION = "7.60.0";

	static final String INSTALL = "npm ci --prefix openai-client-core/src/test/parity";

	/**
	 * One case as the SDK made it.
	 * @param id the case's id
	 * @param group the case module it comes from
	 * @param requests the requests, in order
	 * @param responses the canned responses, in order
	 * @param error what the SDK's call threw, or {@code null}
	 */
	record RecordedCase(String id, String group, List<WireRequest> requests, List<CannedResponse> responses,
			@Nullable String error) {

	}

	/**
	 * A response the recorder gave, to be given to the client too.
	 * @param status the status
	 * @param headers the headers
	 * @param body the body
	 */
	record CannedResponse(int status, Map<String, String> headers, byte[] body) {

	}

	private SdkRecording() {
	}

	/**
	 * Return why the SDK cannot be run here, or {@code null} when it can.
	 * @return the reason, with how to fix it
	 */
	static @Nullable String unavailable() {
		if (node() == null) {
			return "Node.js (node) is not on the PATH; install Node.js 20 or later, then run " + INSTALL;
		}
		Path sdkPackage = PARITY_DIR.resolve("node_modules/openai/package.json");
		if (!Files.isRegularFile(sdkPackage)) {
			return "The official SDK is not installed in " + PARITY_DIR + "/node_modules; run " + INSTALL;
		}
		String version = JsonMapper.builder().build().readTree(sdkPackage.toFile()).path("version").asString();
		if (!SDK_VERSION.equals(version)) {
			return "openai " + version + " is installed in " + PARITY_DIR + "/node_modules, not the pinned "
					+ SDK_VERSION + "; run " + INSTALL;
		}
		return null;
	}

	static @Nullable Path node() {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			for (String name : List.of("node", "node.exe")) {
				Path candidate = Path.of(directory, name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	/**
	 * Run the SDK's cases and read the recording.
	 * @param output where the recording is written
	 * @return the cases, in the order they ran
	 */
	static List<RecordedCase> record(Path output) {
		Path node = node();
		if (node == null) {
			throw new IllegalStateException(unavailable());
		}
		try {
			Files.createDirectories(output.toAbsolutePath().getParent());
			Files.deleteIfExists(output);
			Path log = output.resolveSibling(output.getFileName() + ".log");
			Process process = new ProcessBuilder(node.toString(), "record.mjs", output.toAbsolutePath().toString())
				.directory(PARITY_DIR.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("node record.mjs did not finish in 180 s; see " + log);
			}
			String printed = Files.readString(log, StandardCharsets.UTF_8);
			if (process.exitValue() != 0 || !Files.isRegularFile(output)) {
				throw new IllegalStateException("node record.mjs failed (exit " + process.exitValue() + "):\n" + printed);
			}
			return read(output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static List<RecordedCase> read(Path recording) {
		JsonNode root = JsonMapper.builder().build().readTree(recording.toFile());
		List<RecordedCase> cases = new ArrayList<>();
		for (JsonNode recorded : root) {
			List<WireRequest> requests = new ArrayList<>();
			recorded.path("requests").forEach((request) -> requests.add(WireRequest.fromRecording(request)));
			List<CannedResponse> responses = new ArrayList<>();
			for (JsonNode response : recorded.path("responses")) {
				Map<String, String> headers = new LinkedHashMap<>();
				response.path("headers").properties().forEach((entry) -> headers.put(entry.getKey(), entry.getValue().asString()));
				responses.add(new CannedResponse(response.path("status").asInt(), headers,
						Base64.getDecoder().decode(response.path("body").asString())));
			}
			JsonNode error = recorded.get("error");
			cases.add(new RecordedCase(recorded.path("id").asString(), recorded.path("group").asString(), requests,
					responses, (error != null && !error.isNull()) ? error.asString() : null));
		}
		return cases;
	}

}
