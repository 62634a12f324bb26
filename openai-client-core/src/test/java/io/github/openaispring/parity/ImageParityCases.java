package io.github.openaispring.parity;

import java.util.List;

import io.github.openaispring.core.UploadFile;
import io.github.openaispring.models.ImageCreateVariationParams;
import io.github.openaispring.models.ImageEditParams;
import io.github.openaispring.models.ImageGenerateParams;

/** The twin of {@code cases/images.mjs}. */
final class ImageParityCases implements ParityGroup {

	static final byte[] PNG_A = { (byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01 };

	static final byte[] PNG_B = { (byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x02 };

	static final byte[] PNG_MASK = { (byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x03 };

	@Override
	public String name() {
		return "images";
	}

	@Override
	public List<ParityCase> cases() {
		return List.of(new ParityCase("images.generate/gpt-image", (client) -> client.images()
			.generate(ImageGenerateParams.builder()
				.model("gpt-image-1")
				.prompt("A cute baby sea otter")
				.n(2)
				.size("1024x1024")
				.quality("high")
				.background("transparent")
				.outputFormat("webp")
				.outputCompression(80)
				.moderation("low")
				.user("user-1234")
				.build())),
				new ParityCase("images.generate/dall-e", (client) -> client.images()
					.generate(ImageGenerateParams.builder()
						.model("dall-e-3")
						.prompt("An otter")
						.responseFormat("url")
						.style("vivid")
						.size("1792x1024")
						.build())),
				new ParityCase("images.generate/streaming", (client) -> Drain.stream(client.images()
					.generateStreaming(
							ImageGenerateParams.builder().model("gpt-image-1").prompt("An otter").partialImages(1).build()))),
				new ParityCase("images.edit/several-images", (client) -> client.images()
					.edit(ImageEditParams.builder()
						.image(List.of(png(PNG_A, "otter.png"), png(PNG_B, "hat.png")))
						.mask(png(PNG_MASK, "mask.png"))
						.prompt("Put the hat on the otter")
						.model("gpt-image-1")
						.n(1)
						.size("1024x1536")
						.quality("medium")
						.background("auto")
						.inputFidelity("high")
						.outputFormat("jpeg")
						.outputCompression(90)
						.user("user-1234")
						.build())),
				new ParityCase("images.edit/single-image", (client) -> client.images()
					.edit(ImageEditParams.builder()
						.image(png(PNG_A, "otter.png"))
						.prompt("Add a hat")
						.model("dall-e-2")
						.responseFormat("url")
						.size("512x512")
						.build())),
				new ParityCase("images.edit/streaming", (client) -> Drain.stream(client.images()
					.editStreaming(ImageEditParams.builder()
						.image(List.of(png(PNG_A, "otter.png"), png(PNG_B, "hat.png")))
						.prompt("Put the hat on the otter")
						.model("gpt-image-1")
						.partialImages(2)
						.build()))),
				new ParityCase("images.create_variation", (client) -> client.images()
					.createVariation(ImageCreateVariationParams.builder()
						.image(png(PNG_A, "otter.png"))
						.model("dall-e-2")
						.n(2)
						.size("256x256")
						.responseFormat("url")
						.user("user-1234")
						.build())));
	}

	private static UploadFile png(byte[] bytes, String name) {
		return UploadFile.of(bytes, name).withContentType("image/png");
	}

}
