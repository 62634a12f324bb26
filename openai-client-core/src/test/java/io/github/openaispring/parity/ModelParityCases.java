package io.github.openaispring.parity;

import java.util.List;

/** The twin of {@code cases/models.mjs}. */
final class ModelParityCases implements ParityGroup {

	@Override
	public String name() {
		return "models";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("models.list", (client) -> Drain.pages(client.models().list())),
				new ParityCase("models.retrieve", (client) -> client.models().retrieve("gpt-4o")),
				new ParityCase("models.retrieve/escaped-id", (client) -> client.models().retrieve("my model/v1?x#y")),
				new ParityCase("models.delete/fine-tuned-id",
						(client) -> client.models().delete("ft:gpt-4o-mini:acme:suffix:abc123")));
	}

}
