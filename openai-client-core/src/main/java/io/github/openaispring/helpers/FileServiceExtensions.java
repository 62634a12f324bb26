package io.github.openaispring.helpers;

import java.time.Duration;

import io.github.openaispring.core.Blocking;
import io.github.openaispring.models.FileObject;
import io.github.openaispring.services.async.FileServiceAsync;

/**
 * The hand-written helpers of the {@code files} resource of the blocking client; each waits
 * for the same helper of the reactive client ({@link FileServiceAsyncExtensions}).
 * {@code FileService} implements this interface.
 *
 * @since 0.1.0
 */
public interface FileServiceExtensions {

	/**
	 * Return the same resource on the reactive client.
	 * @return the resource
	 */
	FileServiceAsync async();

	/**
	 * Return a file's content as UTF-8 text (the seed's {@code retrieve_content}), read whole
	 * into memory: for JSONL and other text files.
	 * @param fileId the file's id
	 * @return the text
	 */
	default String retrieveContent(String fileId) {
		return Blocking.get(async().retrieveContent(fileId));
	}

	/**
	 * Wait until a file is {@code processed} or {@code error}, asking every 5 seconds for at
	 * most 30 minutes.
	 * @param fileId the file's id
	 * @return the file once processed or failed
	 */
	default FileObject waitForProcessing(String fileId) {
		return Blocking.get(async().waitForProcessing(fileId));
	}

	/**
	 * Wait until a file is {@code processed} or {@code error}, asking every 5 seconds.
	 * @param fileId the file's id
	 * @param timeout how long to wait at most
	 * @return the file once processed or failed
	 */
	default FileObject waitForProcessing(String fileId, Duration timeout) {
		return Blocking.get(async().waitForProcessing(fileId, timeout));
	}

	/**
	 * Wait until a file is {@code processed} or {@code error}.
	 * @param fileId the file's id
	 * @param pollInterval how long to wait between two requests
	 * @param timeout how long to wait at most
	 * @return the file once processed or failed
	 */
	default FileObject waitForProcessing(String fileId, Duration pollInterval, Duration timeout) {
		return Blocking.get(async().waitForProcessing(fileId, pollInterval, timeout));
	}

}
