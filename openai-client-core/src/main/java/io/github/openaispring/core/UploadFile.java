package io.github.openaispring.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * A file sent in a multipart request, such as the {@code file} of a file upload or the
 * {@code image} of an image edit. Its content is opened only when the request is written, so
 * a file on disk is streamed rather than read whole into memory, and a file that can be
 * opened again ({@link #of(Path)}, {@link #of(byte[], String)}, {@link #of(Resource)}) is
 * sent again when a request is retried. A one-shot {@link #of(InputStream, String) stream} is
 * not: a request carrying one fails on its first failed attempt, and says so.
 * <p>
 * The content type is the one given with {@link #withContentType(String)}, else guessed from
 * the file name ({@code .png} is {@code image/png}), else {@code application/octet-stream}.
 *
 * @since 0.1.0
 */
public final class UploadFile {

	private final String filename;

	private final @Nullable String contentType;

	private final long contentLength;

	private final boolean repeatable;

	private final Supplier<Resource> content;

	private UploadFile(@Nullable String filename, @Nullable String contentType, long contentLength, boolean repeatable,
			Supplier<Resource> content) {
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
		checkReadable(path);
		Path fileName = path.getFileName();
		return new UploadFile((fileName != null) ? fileName.toString() : path.toString(), null, size(path), true,
				() -> new FileSystemResource(path));
	}

	/**
	 * A region of a file on disk, such as one part of a large upload, read from disk when the
	 * request is written.
	 * @param path the file
	 * @param offset where the region starts
	 * @param length how many bytes it has
	 * @param filename the file name the server sees
	 * @return the upload
	 */
	public static UploadFile of(Path path, long offset, long length, String filename) {
		checkReadable(path);
		long size = size(path);
		if (offset < 0 || length < 0 || offset + length > size) {
			throw new OpenAIInvalidDataException(
					"Cannot upload bytes " + offset + " to " + (offset + length) + " of " + path + ": it has " + size);
		}
		return new UploadFile(filename, null, length, true, () -> new FileRegionResource(path, offset, length, filename));
	}

	/**
	 * Bytes in memory, sent under the given file name.
	 * @param content the bytes
	 * @param filename the file name the server sees
	 * @return the upload
	 */
	public static UploadFile of(byte[] content, String filename) {
		byte[] copy = ModelSupport.checkRequired(content, "UploadFile", "content").clone();
		return new UploadFile(filename, null, copy.length, true, () -> new ByteArrayResource(copy));
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
		AtomicBoolean opened = new AtomicBoolean();
		return new UploadFile(filename, null, -1, false, () -> {
			if (!opened.compareAndSet(false, true)) {
				throw new OpenAIException("The upload " + filename
						+ " is an InputStream, which can be read only once; it was already sent");
			}
			return new InputStreamResource(content);
		});
	}

	/**
	 * A Spring resource, sent under its file name. It is opened for each attempt, so a request
	 * is retried if the resource can be read again ({@link Resource#isOpen()} is false).
	 * @param resource the resource
	 * @return the upload
	 * @throws OpenAIInvalidDataException if the resource has no file name
	 */
	public static UploadFile of(Resource resource) {
		ModelSupport.checkRequired(resource, "UploadFile", "resource");
		long length = -1;
		if (!resource.isOpen()) {
			try {
				length = resource.contentLength();
			}
			catch (IOException ex) {
				length = -1;
			}
		}
		return new UploadFile(resource.getFilename(), null, length, !resource.isOpen(), () -> resource);
	}

	/**
	 * A Spring resource, sent under the given file name.
	 * @param resource the resource
	 * @param filename the file name the server sees
	 * @return the upload
	 */
	public static UploadFile of(Resource resource, String filename) {
		return of(new NamedResource(ModelSupport.checkRequired(resource, "UploadFile", "resource"), filename));
	}

	private static void checkReadable(@Nullable Path path) {
		if (path == null || !Files.isRegularFile(path) || !Files.isReadable(path)) {
			throw new OpenAIInvalidDataException("Cannot upload " + path + ": not a readable regular file");
		}
	}

	private static long size(Path path) {
		try {
			return Files.size(path);
		}
		catch (IOException ex) {
			throw new OpenAIInvalidDataException("Cannot upload " + path + ": " + ex.getMessage(), ex);
		}
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
	 * Return the content type sent: the explicit one, else the one the file name suggests,
	 * else {@code application/octet-stream}.
	 * @return the media type
	 */
	public MediaType mediaType() {
		if (this.contentType != null) {
			return MediaType.parseMediaType(this.contentType);
		}
		return MediaTypeFactory.getMediaType(this.filename).orElse(MediaType.APPLICATION_OCTET_STREAM);
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
	 * Return the content as a resource to write, once per attempt of a request.
	 * @return the resource
	 * @throws OpenAIException for a one-shot stream asked for a second time
	 */
	public Resource resource() {
		return this.content.get();
	}

	/**
	 * Open the content.
	 * @return a stream over the content, to be closed by the caller
	 */
	public InputStream open() {
		try {
			return resource().getInputStream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return "UploadFile{filename=" + this.filename + ", length=" + this.contentLength + "}";
	}

	/** A region of a file, read through a channel positioned at its start. */
	private static final class FileRegionResource extends AbstractResource {

		private final Path path;

		private final long offset;

		private final long length;

		private final String filename;

		FileRegionResource(Path path, long offset, long length, String filename) {
			this.path = path;
			this.offset = offset;
			this.length = length;
			this.filename = filename;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			FileChannel channel = FileChannel.open(this.path, StandardOpenOption.READ);
			channel.position(this.offset);
			return new BoundedInputStream(Channels.newInputStream(channel), this.length);
		}

		@Override
		public long contentLength() {
			return this.length;
		}

		@Override
		public String getFilename() {
			return this.filename;
		}

		@Override
		public String getDescription() {
			return "bytes " + this.offset + "-" + (this.offset + this.length) + " of " + this.path;
		}

	}

	/** A resource under another file name. */
	private static final class NamedResource extends AbstractResource {

		private final Resource delegate;

		private final String filename;

		NamedResource(Resource delegate, String filename) {
			this.delegate = delegate;
			this.filename = filename;
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.delegate.getInputStream();
		}

		@Override
		public boolean isOpen() {
			return this.delegate.isOpen();
		}

		@Override
		public long contentLength() throws IOException {
			return this.delegate.contentLength();
		}

		@Override
		public String getFilename() {
			return this.filename;
		}

		@Override
		public String getDescription() {
			return this.delegate.getDescription();
		}

	}

	/** Reads at most a given number of bytes of a stream. */
	private static final class BoundedInputStream extends InputStream {

		private final InputStream in;

		private long remaining;

		BoundedInputStream(InputStream in, long limit) {
			this.in = in;
			this.remaining = limit;
		}

		@Override
		public int read() throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int b = this.in.read();
			if (b >= 0) {
				this.remaining--;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int read = this.in.read(buffer, off, (int) Math.min(len, this.remaining));
			if (read > 0) {
				this.remaining -= read;
			}
			return read;
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
