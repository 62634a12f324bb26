package io.github.openaispring.helpers;

import java.nio.file.Path;

import io.github.openaispring.core.Blocking;
import io.github.openaispring.models.Upload;
import io.github.openaispring.services.async.UploadServiceAsync;

/**
 * The hand-written helpers of the {@code uploads} resource of the blocking client; each waits
 * for the same helper of the reactive client ({@link UploadServiceAsyncExtensions}).
 * {@code UploadService} implements this interface.
 *
 * @since 0.1.0
 */
public interface UploadServiceExtensions {

	/**
	 * Return the same resource on the reactive client.
	 * @return the resource
	 */
	UploadServiceAsync async();

	/**
	 * Upload a file of any size in parts of 64 MiB, three at a time, and complete the upload
	 * with the file's MD5; cancel it if a part fails for good. See
	 * {@link UploadServiceAsyncExtensions#upload(Path, String, String)}.
	 * @param file the file
	 * @param purpose the purpose of the file, such as {@code fine-tune} or {@code batch}
	 * @param mimeType the file's MIME type, such as {@code application/jsonl}
	 * @return the completed upload
	 */
	default Upload upload(Path file, String purpose, String mimeType) {
		return Blocking.get(async().upload(file, purpose, mimeType));
	}

	/**
	 * Upload a file of any size in parts; see
	 * {@link UploadServiceAsyncExtensions#upload(Path, String, String, long, int)}.
	 * @param file the file
	 * @param purpose the purpose of the file
	 * @param mimeType the file's MIME type
	 * @param partSize the size of each part but the last, at most 64 MiB
	 * @param parallelism how many parts are sent at once
	 * @return the completed upload
	 */
	default Upload upload(Path file, String purpose, String mimeType, long partSize, int parallelism) {
		return Blocking.get(async().upload(file, purpose, mimeType, partSize, parallelism));
	}

}
