package io.github.openaispring.parity;

import java.util.List;

import io.github.openaispring.models.ConversationCreateParams;
import io.github.openaispring.models.ConversationItemCreateParams;
import io.github.openaispring.models.ConversationItemListParams;
import io.github.openaispring.models.ConversationItemRetrieveParams;
import io.github.openaispring.models.ConversationUpdateParams;
import io.github.openaispring.models.EasyInputMessage;
import io.github.openaispring.models.FunctionCallOutputItemParam;
import io.github.openaispring.models.InputImageContent;
import io.github.openaispring.models.InputTextContent;
import io.github.openaispring.models.ItemReferenceParam;

/** The twin of {@code cases/conversations.mjs}. */
final class ConversationParityCases implements ParityGroup {

	@Override
	public String name() {
		return "conversations";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("conversations.create", (client) -> client.conversations()
			.create(ConversationCreateParams.builder()
				.addEasyInputMessage(EasyInputMessage.builder().type("message").role("user").content("Hello!").build())
				.addEasyInputMessage(
						EasyInputMessage.builder().type("message").role("assistant").content("Hi, how can I help?").build())
				.addItemReferenceParam(ItemReferenceParam.builder().type("item_reference").id("msg_prev123").build())
				.putMetadata("topic", "demo")
				.putMetadata("owner", "parity")
				.build())),
				new ParityCase("conversations.create/empty", (client) -> client.conversations().create()),
				new ParityCase("conversations.retrieve", (client) -> client.conversations().retrieve("conv_abc123")),
				new ParityCase("conversations.update", (client) -> client.conversations()
					.update(ConversationUpdateParams.builder()
						.conversationId("conv_abc123")
						.putMetadata("topic", "project-x")
						.build())),
				new ParityCase("conversations.delete", (client) -> client.conversations().delete("conv_abc123")),
				new ParityCase("conversations.items.create", (client) -> client.conversations()
					.items()
					.create(ConversationItemCreateParams.builder()
						.conversationId("conv_abc123")
						.addInclude("message.input_image.image_url")
						.addEasyInputMessage(EasyInputMessage.builder()
							.type("message")
							.role("user")
							.content(List.of(InputTextContent.builder().text("Hello!").build(),
									InputImageContent.builder()
										.imageUrl("https://example.com/cat.png")
										.detail("auto")
										.build()))
							.build())
						.addEasyInputMessage(EasyInputMessage.builder().type("message").role("user").content("And you?").build())
						.addItem(FunctionCallOutputItemParam.builder()
							.callId("call_abc123")
							.output("{\"ok\":true}")
							.build())
						.build())),
				new ParityCase("conversations.items.list/pages-by-last-id", (client) -> Drain.pages(client.conversations()
					.items()
					.list(ConversationItemListParams.builder()
						.conversationId("conv_abc123")
						.limit(2)
						.order("asc")
						.addInclude("message.output_text.logprobs")
						.build()))),
				new ParityCase("conversations.items.retrieve", (client) -> client.conversations()
					.items()
					.retrieve(ConversationItemRetrieveParams.builder()
						.conversationId("conv_abc123")
						.itemId("msg_abc123")
						.addInclude("message.input_image.image_url")
						.build())),
				new ParityCase("conversations.items.delete",
						(client) -> client.conversations().items().delete("conv_abc123", "msg_abc123")));
	}

}
