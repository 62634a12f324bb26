package io.github.openaispring.helpers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.openaispring.client.AsyncOpenAI;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.core.Blocking;
import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.core.UploadFile;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import io.github.openaispring.models.Batch;
import io.github.openaispring.models.BatchCreateParams;
import io.github.openaispring.models.FileCreateParams;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The seed's {@code batches.create(request_type, inputs, request_params)} on the real API, which
 * reads a batch's requests from an uploaded JSONL file: {@link #submit} writes one line per
 * request ({@code custom_id}, {@code method}, {@code url}, {@code body}), uploads it with
 * {@code purpose=batch}, and creates the batch; {@link #results} reads the output file of a
 * finished batch back, one {@link Result} per line.
 *
 * <pre>{@code
 * Batch batch = BatchRequests.submit(client, "/v1/chat/completions", List.of(params1, params2), "24h");
 * // ... once client.batches().retrieve(batch.id()).status() is "completed":
 * for (BatchRequests.Result result : BatchRequests.results(client, client.batches().retrieve(batch.id()))) { ... }
 * }</pre>
 *
 * @since 0.1.0
 */
public final class BatchRequests {

	private BatchRequests() {
	}

	/**
	 * Upload the requests as a JSONL file and create a batch of them.
	 * @param client the client
	 * @param endpoint the endpoint every request goes to, such as {@code /v1/chat/completions}
	 * @param bodies the request bodies, in order: params objects (such as
	 * {@code ChatCompletionCreateParams}) or anything the client's JSON mapper writes; the
	 * {@code custom_id} of the {@code n}th is {@code request-n}, from 1
	 * @param completionWindow the time frame, {@code 24h}
	 * @return the batch
	 */
	public static Mono<Batch> submit(AsyncOpenAI client, String endpoint, List<?> bodies, String completionWindow) {
		return Mono.fromCallable(() -> jsonl(endpoint, bodies))
			.flatMap((jsonl) -> client.files()
				.create(FileCreateParams.builder()
					.file(UploadFile.of(jsonl, "batch-requests.jsonl"))
					.purpose("batch")
					.build()))
			.flatMap((file) -> client.batches()
				.create(BatchCreateParams.builder()
					.inputFileId(file.id())
					.endpoint(endpoint)
					.completionWindow(completionWindow)
					.build()));
	}

	/**
	 * Upload the requests as a JSONL file and create a batch of them; see
	 * {@link #submit(AsyncOpenAI, String, List, String)}.
	 * @param client the client
	 * @param endpoint the endpoint every request goes to
	 * @param bodies the request bodies, in order
	 * @param completionWindow the time frame, {@code 24h}
	 * @return the batch
	 */
	public static Batch submit(OpenAI client, String endpoint, List<?> bodies, String completionWindow) {
		return Blocking.get(submit(client.async(), endpoint, bodies, completionWindow));
	}

	/**
	 * Read the results of a finished batch from its output file.
	 * @param client the client
	 * @param batch the batch, as retrieved once it completed
	 * @return the results, in the order of the output file
	 */
	public static Mono<List<Result>> results(AsyncOpenAI client, Batch batch) {
		String outputFileId = batch.outputFileId();
		if (outputFileId == null) {
			return Mono.error(new OpenAIException("Batch " + batch.id() + " has no output file (status "
					+ batch.status().asString() + "); retrieve it again once it is completed"));
		}
		return client.files().retrieveContent(outputFileId).map(BatchRequests::parse);
	}

	/**
	 * Read the results of a finished batch from its output file; see
	 * {@link #results(AsyncOpenAI, Batch)}.
	 * @param client the client
	 * @param batch the batch, as retrieved once it completed
	 * @return the results
	 */
	public static List<Result> results(OpenAI client, Batch batch) {
		return Blocking.get(results(client.async(), batch));
	}

	static byte[] jsonl(String endpoint, List<?> bodies) {
		// Each body is written as the client writes it for a direct call.
		StringBuilder jsonl = new StringBuilder();
		String url = OpenAIJson.write(endpoint);
		for (int i = 0; i < bodies.size(); i++) {
			jsonl.append("{\"custom_id\":\"request-").append(i + 1).append("\",\"method\":\"POST\",\"url\":")
				.append(url)
				.append(",\"body\":")
				.append(OpenAIJson.write(bodies.get(i)))
				.append("}\n");
		}
		return jsonl.toString().getBytes(StandardCharsets.UTF_8);
	}

	static List<Result> parse(String jsonl) {
		List<Result> results = new ArrayList<>();
		int number = 0;
		for (String line : jsonl.split("\n")) {
			number++;
			if (line.isBlank()) {
				continue;
			}
			JsonNode node;
			try {
				node = OpenAIJson.mapper().readTree(line);
			}
			catch (RuntimeException ex) {
				throw new OpenAIInvalidDataException("Line " + number + " of the batch output is not JSON", ex);
			}
			JsonNode response = node.path("response");
			JsonNode error = node.path("error");
			results.add(new Result(node.path("custom_id").asString(null),
					response.isObject() ? response.path("status_code").asInt() : 0,
					response.isObject() ? response.path("request_id").asString(null) : null,
					response.isObject() ? response.get("body") : null,
					(error.isObject()) ? error : null));
		}
		return results;
	}

	/**
	 * The result of one request of a batch.
	 *
	 * @param customId the {@code custom_id} of the request ({@code request-1}, ...)
	 * @param statusCode the HTTP status the request got, or 0 when it got none
	 * @param requestId the request id, or {@code null}
	 * @param body the response body, or {@code null}; read it as the endpoint's result with
	 * {@link #bodyAs(Class)}
	 * @param error the error of a request that did not run, or {@code null}
	 */
	public record Result(@Nullable String customId, int statusCode, @Nullable String requestId,
			@Nullable JsonNode body, @Nullable JsonNode error) {

		/**
		 * Read the body as the endpoint's result, such as {@code ChatCompletion}.
		 * @param <T> the result type
		 * @param type the result type
		 * @return the result
		 * @throws OpenAIException if the request has no body
		 */
		public <T> T bodyAs(Class<T> type) {
			if (this.body == null) {
				throw new OpenAIException("Request " + this.customId + " has no response body"
						+ ((this.error != null) ? ": " + this.error : ""));
			}
			return OpenAIJson.read(this.body, type);
		}

	}

}
