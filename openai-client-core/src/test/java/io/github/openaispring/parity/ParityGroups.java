package io.github.openaispring.parity;

import java.util.List;

/**
 * The registry of the Java case groups, the twin of {@code src/test/parity/cases/index.mjs}: a new
 * group is a class here and a module there, with the same name and the same case ids.
 */
final class ParityGroups {

	static final List<ParityGroup> ALL = List.of(new CompletionParityCases(), new ChatParityCases(),
			new EmbeddingParityCases(), new FileParityCases(), new ImageParityCases(), new AudioParityCases(),
			new ModerationParityCases(), new ModelParityCases(), new BatchParityCases(), new UploadParityCases(),
			new FineTuningParityCases(), new VectorStoreParityCases(), new BetaParityCases(),
			new ResponseParityCases(), new ConversationParityCases());

	private ParityGroups() {
	}

}
