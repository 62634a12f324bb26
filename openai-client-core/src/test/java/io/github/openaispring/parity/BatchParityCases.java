package io.github.openaispring.parity;

import java.util.List;

import io.github.openaispring.helpers.BatchRequests;
import io.github.openaispring.models.BatchCreateParams;
import io.github.openaispring.models.BatchFileExpirationAfter;
import io.github.openaispring.models.BatchListParams;
import io.github.openaispring.models.ChatCompletionCreateParams;

/** The twin of {@code cases/batches.mjs}. */
final class BatchParityCases implements ParityGroup {

	@Override
	public String name() {
		return "batches";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("batches.create", (client) -> client.batches()
			.create(BatchCreateParams.builder()
				.inputFileId("file-in123")
				.endpoint("/v1/chat/completions")
				.completionWindow("24h")
				.putMetadata("job", "nightly")
				.outputExpiresAfter(BatchFileExpirationAfter.builder().anchor("created_at").seconds(604800).build())
				.build())),
				new ParityCase("batches.retrieve", (client) -> client.batches().retrieve("batch_abc123")),
				new ParityCase("batches.cancel", (client) -> client.batches().cancel("batch_abc123")),
				new ParityCase("batches.list/auto-pager",
						(client) -> Drain.pages(client.batches().list(BatchListParams.builder().limit(2).build()))),
				new ParityCase("batches.create/batch-requests-helper",
						(client) -> BatchRequests.submit(client, "/v1/chat/completions",
								List.of(chat("Hello"), chat("Bonjour")), "24h")));
	}

	private static ChatCompletionCreateParams chat(String question) {
		return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage(question).build();
	}

}
