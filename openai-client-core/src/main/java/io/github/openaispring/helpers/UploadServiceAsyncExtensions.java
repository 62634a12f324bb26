package io.github.openaispring.helpers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.openaispring.core.UploadFile;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import io.github.openaispring.models.Upload;
import io.github.openaispring.models.UploadCompleteParams;
import io.github.openaispring.models.UploadCreateParams;
import io.github.openaispring.models.UploadPart;
import io.github.openaispring.models.UploadPartCreateParams;
import io.github.openaispring.services.async.UploadPartServiceAsync;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The hand-written helpers of the {@code uploads} resource of the reactive client, written
 * over its generated calls; {@code UploadServiceAsync} implements this interface.
 *
 * @since 0.1.0
 */
public interface UploadServiceAsyncExtensions {

	/** The largest part the API takes: 64 MiB. */
	long MAX_PART_SIZE = 64L * 1024 * 1024;

	/** How many parts {@link #upload(Path, String, String)} sends at once. */
	int DEFAULT_PARALLELISM = 3;

	/**
	 * Create an upload: {@code POST /uploads}.
	 * @param params the request
	 * @return the upload
	 */
	Mono<Upload> create(UploadCreateParams params);

	/**
	 * Return the {@code uploads.parts} resource.
	 * @return the resource
	 */
	UploadPartServiceAsync parts();

	/**
	 * Complete an upload: {@code POST /uploads/{upload_id}/complete}.
	 * @param params the request
	 * @return the upload
	 */
	Mono<Upload> complete(UploadCompleteParams params);

	/**
	 * Cancel an upload: {@code POST /uploads/{upload_id}/cancel}.
	 * @param uploadId the upload's id
	 * @return the upload
	 */
	Mono<Upload> cancel(String uploadId);

	/**
	 * Upload a file of any size (the seed's {@code uploads.create(file=..., purpose=...)}):
	 * create an upload, send the file in parts of 64 MiB, three at a time, and complete the
	 * upload with the parts in order and the file's MD5. If a part fails for good (after its
	 * retries), the upload is cancelled and the part's failure returned.
	 * @param file the file
	 * @param purpose the purpose of the file, such as {@code fine-tune} or {@code batch}
	 * @param mimeType the file's MIME type, such as {@code application/jsonl}
	 * @return the completed upload, whose {@code file()} is the file created
	 */
	default Mono<Upload> upload(Path file, String purpose, String mimeType) {
		return upload(file, purpose, mimeType, MAX_PART_SIZE, DEFAULT_PARALLELISM);
	}

	/**
	 * Upload a file of any size in parts, as {@link #upload(Path, String, String)} does. Each
	 * part is streamed from disk as it is sent, so memory does not grow with the part size;
	 * at most {@code parallelism} parts are in flight.
	 * @param file the file
	 * @param purpose the purpose of the file
	 * @param mimeType the file's MIME type
	 * @param partSize the size of each part but the last, at most 64 MiB
	 * @param parallelism how many parts are sent at once
	 * @return the completed upload
	 */
	default Mono<Upload> upload(Path file, String purpose, String mimeType, long partSize, int parallelism) {
		if (partSize <= 0 || partSize > MAX_PART_SIZE) {
			throw new OpenAIInvalidDataException("The part size must be between 1 and " + MAX_PART_SIZE + "; it was "
					+ partSize);
		}
		if (parallelism < 1) {
			throw new OpenAIInvalidDataException("The parallelism must be at least 1; it was " + parallelism);
		}
		UploadFile whole = UploadFile.of(file);
		long size = whole.contentLength();
		String filename = whole.filename();
		int partCount = (int) Math.max(1, (size + partSize - 1) / partSize);
		Mono<String> md5 = Mono.fromCallable(() -> md5(file)).subscribeOn(Schedulers.boundedElastic());
		return create(UploadCreateParams.builder()
			.filename(filename)
			.purpose(purpose)
			.bytes(size)
			.mimeType(mimeType)
			.build()).flatMap((upload) -> {
				Mono<java.util.List<String>> partIds = Flux.range(0, partCount).flatMapSequential((index) -> {
					long offset = index * partSize;
					long length = Math.min(partSize, size - offset);
					return parts().create(UploadPartCreateParams.builder()
						.uploadId(upload.id())
						.data(UploadFile.of(file, offset, length, filename))
						.build()).map(UploadPart::id);
				}, parallelism, 1).collectList();
				return Mono.zip(partIds, md5)
					.flatMap((done) -> complete(UploadCompleteParams.builder()
						.uploadId(upload.id())
						.partIds(done.getT1())
						.md5(done.getT2())
						.build()))
					.onErrorResume((failure) -> cancel(upload.id()).then(Mono.<Upload>error(failure))
						.onErrorResume((cancelFailure) -> {
							if (cancelFailure != failure) {
								failure.addSuppressed(cancelFailure);
							}
							return Mono.error(failure);
						}));
			});
	}

	private static String md5(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("MD5");
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
