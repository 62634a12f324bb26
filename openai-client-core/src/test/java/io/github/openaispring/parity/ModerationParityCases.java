package io.github.openaispring.parity;

import java.util.List;

import io.github.openaispring.models.ModerationCreateParams;
import io.github.openaispring.models.ModerationCreateParams.Input.InputItem;

/** The twin of {@code cases/moderations.mjs}. */
final class ModerationParityCases implements ParityGroup {

	@Override
	public String name() {
		return "moderations";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(
				new ParityCase("moderations.create/string",
						(client) -> client.moderations()
							.create(ModerationCreateParams.builder().input("I want to hug everyone.").build())),
				new ParityCase("moderations.create/strings", (client) -> client.moderations()
					.create(ModerationCreateParams.builder()
						.input(List.of("first text", "second text"))
						.model("text-moderation-latest")
						.build())),
				new ParityCase("moderations.create/multimodal", (client) -> client.moderations()
					.create(ModerationCreateParams.builder()
						.model("omni-moderation-latest")
						.inputOfArrayOfInputItems(List.of(InputItem.Text.builder().text("Is this fine?").build(),
								InputItem.ImageUrl.builder()
									.imageUrl(InputItem.ImageUrl.ImageUrlValue.builder()
										.url("https://example.com/image.png")
										.build())
									.build()))
						.build())));
	}

}
