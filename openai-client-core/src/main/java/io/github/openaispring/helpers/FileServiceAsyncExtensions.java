package io.github.openaispring.helpers;

import java.time.Duration;

import io.github.openaispring.client.AsyncBinaryResponse;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.models.FileObject;
import reactor.core.publisher.Mono;

/**
 * The hand-written helpers of the {@code files} resource of the reactive client, written over
 * its generated calls; {@code FileServiceAsync} implements this interface.
 *
 * @since 0.1.0
 */
public interface FileServiceAsyncExtensions {

	/** How often {@link #waitForProcessing(String)} asks, as OpenAI's SDKs do. */
	Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

	/** How long {@link #waitForProcessing(String)} waits at most, as OpenAI's SDKs do. */
	Duration DEFAULT_PROCESSING_TIMEOUT = Duration.ofMinutes(30);

	/**
	 * Return a file: {@code GET /files/{file_id}}.
	 * @param fileId the file's id
	 * @return the file
	 */
	Mono<FileObject> retrieve(String fileId);

	/**
	 * Return a file's content: {@code GET /files/{file_id}/content}.
	 * @param fileId the file's id
	 * @return the content, read as it is consumed
	 */
	Mono<AsyncBinaryResponse> content(String fileId);

	/**
	 * Return a file's content as UTF-8 text (the seed's {@code retrieve_content}), read whole
	 * into memory: for JSONL and other text files.
	 * @param fileId the file's id
	 * @return the text
	 */
	default Mono<String> retrieveContent(String fileId) {
		return content(fileId).flatMap(AsyncBinaryResponse::text);
	}

	/**
	 * Wait until a file is {@code processed} or {@code error}, asking every 5 seconds for at
	 * most 30 minutes.
	 * @param fileId the file's id
	 * @return the file once processed or failed
	 */
	default Mono<FileObject> waitForProcessing(String fileId) {
		return waitForProcessing(fileId, DEFAULT_POLL_INTERVAL, DEFAULT_PROCESSING_TIMEOUT);
	}

	/**
	 * Wait until a file is {@code processed} or {@code error}, asking every 5 seconds.
	 * @param fileId the file's id
	 * @param timeout how long to wait at most
	 * @return the file once processed or failed
	 */
	default Mono<FileObject> waitForProcessing(String fileId, Duration timeout) {
		return waitForProcessing(fileId, DEFAULT_POLL_INTERVAL, timeout);
	}

	/**
	 * Wait until a file is {@code processed} or {@code error}.
	 * @param fileId the file's id
	 * @param pollInterval how long to wait between two requests
	 * @param timeout how long to wait at most
	 * @return the file once processed or failed (its {@code status} says which); an
	 * {@link OpenAIException} if it is still being processed after the timeout
	 */
	default Mono<FileObject> waitForProcessing(String fileId, Duration pollInterval, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		return Mono.defer(() -> retrieve(fileId)).expand((file) -> {
			if (isProcessed(file)) {
				return Mono.empty();
			}
			if (System.nanoTime() - deadline >= 0) {
				return Mono.error(new OpenAIException("File " + fileId + " was still " + file.status().asString()
						+ " after " + timeout.toMillis() + " ms"));
			}
			return Mono.delay(pollInterval).then(Mono.defer(() -> retrieve(fileId)));
		}).filter(FileServiceAsyncExtensions::isProcessed).next();
	}

	private static boolean isProcessed(FileObject file) {
		return FileObject.Status.PROCESSED.equals(file.status()) || FileObject.Status.ERROR.equals(file.status());
	}

}
