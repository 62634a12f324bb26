package io.github.openaispring.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import io.github.openaispring.errors.OpenAIInvalidDataException;
import org.jspecify.annotations.Nullable;

/**
 * A file sent in a multipart request, such as the {@code file} of a file upload or the
 * {@code image} of an image edit. Its content is opened only when the request is written, so
 * a file on disk is streamed rather than read whole into memory, and a file that can be
 * opened again ({@link #of(Path)}, {@link #of(byte[], String)}) can be sent again when a
 * request is retried.
 *
 * @since 0.1.0
 */
public final class UploadFile {

	private final String filename;

	private final @Nullable String contentType;

	private final long contentLength;

	private final boolean repeatable;

	private final Supplier<InputStream> content;

	private UploadFile(String filename, @Nullable String contentType, long contentLength, boolean repeatable,
			Supplier<InputStream> content) {
		if (filename == null || filename.isBlank()) {
			throw new OpenAIInvalidDataException("An upload needs a file name; it was blank");
		}
		this.filename = filename;
		this.contentType = contentType;
		this.contentLength = contentLength;
		this.repeatable = repeatable;
		this.content = content;
	}

	/**
	 * A file on disk, sent under its own name.
	 * @param path the file
	 * @return the upload
	 * @throws OpenAIInvalidDataException if the file is not a readable regular file
	 */
	public static UploadFile of(Path path) {
		if (path == null || !Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new OpenAIInvalidDataException("Cannot upload " + path + ": not a readable regular file");
		}
		Path fileName = path.getFileName();
		long size;
		try {
			size = Files.size(path);
		}
		catch (IOException ex) {
			throw new OpenAIInvalidDataException("Cannot upload " + path + ": " + ex.getMessage(), ex);
		}
		return new UploadFile((fileName != null) ? fileName.toString() : path.toString(), null, size, true, () -> {
			try {
				return Files.newInputStream(path);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * Bytes in memory, sent under the given file name.
	 * @param content the bytes
	 * @param filename the file name the server sees
	 * @return the upload
	 */
	public static UploadFile of(byte[] content, String filename) {
		byte[] copy = ModelSupport.checkRequired(content, "UploadFile", "content").clone();
		return new UploadFile(filename, null, copy.length, true, () -> new ByteArrayInputStream(copy));
	}

	/**
	 * A stream, read once and sent under the given file name. A request with such a body is
	 * not retried, since the stream cannot be read a second time.
	 * @param content the stream, closed after the request is written
	 * @param filename the file name the server sees
	 * @return the upload
	 */
	public static UploadFile of(InputStream content, String filename) {
		ModelSupport.checkRequired(content, "UploadFile", "content");
		return new UploadFile(filename, null, -1, false, () -> content);
	}

	/**
	 * Return a copy of this upload with an explicit content type.
	 * @param contentType the media type, such as {@code audio/mpeg}
	 * @return the copy
	 */
	public UploadFile withContentType(String contentType) {
		return new UploadFile(this.filename, contentType, this.contentLength, this.repeatable, this.content);
	}

	/**
	 * Return the file name the server sees.
	 * @return the file name
	 */
	public String filename() {
		return this.filename;
	}

	/**
	 * Return the explicit content type, if one was given.
	 * @return the content type or {@code null} to guess it from the file name
	 */
	public @Nullable String contentType() {
		return this.contentType;
	}

	/**
	 * Return the length of the content, if known.
	 * @return the length in bytes, or {@code -1}
	 */
	public long contentLength() {
		return this.contentLength;
	}

	/**
	 * Return whether the content can be opened more than once, so a request can be retried.
	 * @return whether the content is repeatable
	 */
	public boolean isRepeatable() {
		return this.repeatable;
	}

	/**
	 * Open the content.
	 * @return a stream over the content, to be closed by the caller
	 */
	public InputStream open() {
		return this.content.get();
	}

	@Override
	public String toString() {
		return "UploadFile{filename=" + this.filename + ", length=" + this.contentLength + "}";
	}

}
