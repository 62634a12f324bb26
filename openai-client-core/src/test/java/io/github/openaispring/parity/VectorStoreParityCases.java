package io.github.openaispring.parity;

import java.util.List;

import io.github.openaispring.models.AutoChunkingStrategyRequestParam;
import io.github.openaispring.models.ComparisonFilter;
import io.github.openaispring.models.CompoundFilter;
import io.github.openaispring.models.CreateVectorStoreFileRequest;
import io.github.openaispring.models.StaticChunkingStrategy;
import io.github.openaispring.models.StaticChunkingStrategyRequestParam;
import io.github.openaispring.models.VectorStoreCreateParams;
import io.github.openaispring.models.VectorStoreExpirationAfter;
import io.github.openaispring.models.VectorStoreFileAttributesValue;
import io.github.openaispring.models.VectorStoreFileBatchCreateParams;
import io.github.openaispring.models.VectorStoreFileBatchListFilesParams;
import io.github.openaispring.models.VectorStoreFileCreateParams;
import io.github.openaispring.models.VectorStoreFileListParams;
import io.github.openaispring.models.VectorStoreFileUpdateParams;
import io.github.openaispring.models.VectorStoreListParams;
import io.github.openaispring.models.VectorStoreSearchParams;
import io.github.openaispring.models.VectorStoreUpdateParams;

/** The twin of {@code cases/vector_stores.mjs}. */
final class VectorStoreParityCases implements ParityGroup {

	@Override
	public String name() {
		return "vector_stores";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("vector_stores.create", (client) -> client.vectorStores()
			.create(VectorStoreCreateParams.builder()
				.name("Support FAQ")
				.description("Answers to common questions")
				.addFileId("file-abc123")
				.addFileId("file-abc456")
				.expiresAfter(VectorStoreExpirationAfter.builder().anchor("last_active_at").days(7).build())
				.chunkingStrategy(staticChunking())
				.putMetadata("team", "support")
				.putMetadata("tier", "gold")
				.build())),
				new ParityCase("vector_stores.create/expires-after-days", (client) -> client.vectorStores()
					.create(VectorStoreCreateParams.builder()
						.name("Support FAQ")
						.expiresAfterDays(30)
						.chunkingStrategy(AutoChunkingStrategyRequestParam.builder().build())
						.build())),
				new ParityCase("vector_stores.retrieve", (client) -> client.vectorStores().retrieve("vs_abc123")),
				new ParityCase("vector_stores.update", (client) -> client.vectorStores()
					.update(VectorStoreUpdateParams.builder()
						.vectorStoreId("vs_abc123")
						.name("Support FAQ v2")
						.expiresAfterDays(14)
						.putMetadata("team", "support")
						.putMetadata("reviewed", "yes")
						.build())),
				new ParityCase("vector_stores.list/pages", (client) -> Drain.pages(client.vectorStores()
					.list(VectorStoreListParams.builder().limit(2).order("desc").before("vs_9").build()))),
				new ParityCase("vector_stores.delete", (client) -> client.vectorStores().delete("vs_abc123")),
				new ParityCase("vector_stores.search/filters", (client) -> client.vectorStores()
					.search(VectorStoreSearchParams.builder()
						.vectorStoreId("vs_abc123")
						.query(List.of("return policy", "refunds"))
						.rewriteQuery(true)
						.maxNumResults(5)
						.filters(CompoundFilter.builder()
							.type("and")
							.addComparisonFilter(ComparisonFilter.builder().type("eq").key("author").value("ada").build())
							.addComparisonFilter(ComparisonFilter.builder().type("gte").key("year").value(2023.0).build())
							.addComparisonFilter(ComparisonFilter.builder().type("eq").key("public").value(true).build())
							.addComparisonFilter(ComparisonFilter.builder()
								.type("in")
								.key("region")
								.value(List.of(ComparisonFilter.Value.ValueItem.ofString("eu"),
										ComparisonFilter.Value.ValueItem.ofString("us")))
								.build())
							.build())
						.rankingOptions(VectorStoreSearchParams.RankingOptions.builder()
							.ranker("auto")
							.scoreThreshold(0.5)
							.build())
						.build())),
				new ParityCase("vector_stores.search/comparison-filter", (client) -> client.vectorStores()
					.search(VectorStoreSearchParams.builder()
						.vectorStoreId("vs_abc123")
						.query("return policy")
						.filters(ComparisonFilter.builder().type("lt").key("year").value(2025.5).build())
						.build())),
				new ParityCase("vector_stores.search/query-helper",
						(client) -> client.vectorStores().query("vs_abc123", "return policy", 3)),
				new ParityCase("vector_stores.files.create", (client) -> client.vectorStores()
					.files()
					.create(VectorStoreFileCreateParams.builder()
						.vectorStoreId("vs_abc123")
						.fileId("file-abc123")
						.chunkingStrategy(staticChunking())
						.putAttributes("author", VectorStoreFileAttributesValue.ofString("ada"))
						.putAttributes("year", VectorStoreFileAttributesValue.ofNumber(2024.0))
						.putAttributes("public", VectorStoreFileAttributesValue.ofBoolean(true))
						.build())),
				new ParityCase("vector_stores.files.retrieve",
						(client) -> client.vectorStores().files().retrieve("vs_abc123", "file-abc123")),
				new ParityCase("vector_stores.files.update", (client) -> client.vectorStores()
					.files()
					.update(VectorStoreFileUpdateParams.builder()
						.vectorStoreId("vs_abc123")
						.fileId("file-abc123")
						.putAttributes("author", VectorStoreFileAttributesValue.ofString("grace"))
						.putAttributes("year", VectorStoreFileAttributesValue.ofNumber(2025.5))
						.putAttributes("public", VectorStoreFileAttributesValue.ofBoolean(false))
						.build())),
				new ParityCase("vector_stores.files.list/filter-pages", (client) -> Drain.pages(client.vectorStores()
					.files()
					.list(VectorStoreFileListParams.builder()
						.vectorStoreId("vs_abc123")
						.filter("completed")
						.limit(2)
						.order("asc")
						.after("file-0")
						.build()))),
				new ParityCase("vector_stores.files.delete",
						(client) -> client.vectorStores().files().delete("vs_abc123", "file-abc123")),
				new ParityCase("vector_stores.files.content",
						(client) -> client.vectorStores().files().content("vs_abc123", "file-abc123")),
				new ParityCase("vector_stores.file_batches.create", (client) -> client.vectorStores()
					.fileBatches()
					.create(VectorStoreFileBatchCreateParams.builder()
						.vectorStoreId("vs_abc123")
						.addFile(CreateVectorStoreFileRequest.builder()
							.fileId("file-abc123")
							.putAttributes("author", VectorStoreFileAttributesValue.ofString("ada"))
							.chunkingStrategy(staticChunking())
							.build())
						.addFile(CreateVectorStoreFileRequest.builder()
							.fileId("file-abc456")
							.chunkingStrategy(AutoChunkingStrategyRequestParam.builder().build())
							.build())
						.putAttributes("batch", VectorStoreFileAttributesValue.ofString("nightly"))
						.putAttributes("count", VectorStoreFileAttributesValue.ofNumber(2.0))
						.build())),
				new ParityCase("vector_stores.file_batches.create/file-ids", (client) -> client.vectorStores()
					.fileBatches()
					.create(VectorStoreFileBatchCreateParams.builder()
						.vectorStoreId("vs_abc123")
						.addFileId("file-abc123")
						.addFileId("file-abc456")
						.chunkingStrategy(AutoChunkingStrategyRequestParam.builder().build())
						.build())),
				new ParityCase("vector_stores.file_batches.retrieve",
						(client) -> client.vectorStores().fileBatches().retrieve("vs_abc123", "vsfb_abc123")),
				new ParityCase("vector_stores.file_batches.cancel",
						(client) -> client.vectorStores().fileBatches().cancel("vs_abc123", "vsfb_abc123")),
				new ParityCase("vector_stores.file_batches.list_files/filter-pages", (client) -> Drain.pages(client
					.vectorStores()
					.fileBatches()
					.listFiles(VectorStoreFileBatchListFilesParams.builder()
						.vectorStoreId("vs_abc123")
						.batchId("vsfb_abc123")
						.filter("in_progress")
						.limit(2)
						.order("desc")
						.build()))));
	}

	private static StaticChunkingStrategyRequestParam staticChunking() {
		return StaticChunkingStrategyRequestParam.builder()
			.static_(StaticChunkingStrategy.builder().maxChunkSizeTokens(800).chunkOverlapTokens(400).build())
			.build();
	}

}
