package io.github.openaispring.helpers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import io.github.openaispring.errors.OpenAIInvalidDataException;
import io.github.openaispring.models.Image;

/**
 * Decodes the base64 images of the images API ({@code b64_json} of an {@link Image}, of a
 * partial or completed image event) to bytes or a file.
 * <pre>{@code
 * ImagesResponse response = client.images().generate(params);
 * ImageData.write(response.data().get(0), Path.of("otter.png"));
 * }</pre>
 *
 * @since 0.1.0
 */
public final class ImageData {

	private ImageData() {
	}

	/**
	 * Return the bytes of an image.
	 * @param image an image of a response
	 * @return the bytes
	 * @throws OpenAIInvalidDataException if the image has no {@code b64_json} (it came as a URL:
	 * ask for {@code response_format=b64_json}) or it is not base64
	 */
	public static byte[] bytes(Image image) {
		return decode(b64Json(image));
	}

	/**
	 * Write an image to a file, creating or replacing it.
	 * @param image an image of a response
	 * @param file the file
	 * @return the file
	 */
	public static Path write(Image image, Path file) {
		return write(b64Json(image), file);
	}

	/**
	 * Decode base64 image data, such as the {@code b64_json} of a partial image event.
	 * @param b64Json the base64 text
	 * @return the bytes
	 */
	public static byte[] decode(String b64Json) {
		try {
			return Base64.getDecoder().decode(b64Json);
		}
		catch (IllegalArgumentException ex) {
			throw new OpenAIInvalidDataException("The image data is not base64: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Decode base64 image data to a file, creating or replacing it.
	 * @param b64Json the base64 text
	 * @param file the file
	 * @return the file
	 */
	public static Path write(String b64Json, Path file) {
		try {
			return Files.write(file, decode(b64Json));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String b64Json(Image image) {
		String data = image.b64Json();
		if (data == null) {
			throw new OpenAIInvalidDataException("The image has no b64_json" + ((image.url() != null)
					? " but a URL: ask for response_format b64_json to have the image in the response" : ""));
		}
		return data;
	}

}
