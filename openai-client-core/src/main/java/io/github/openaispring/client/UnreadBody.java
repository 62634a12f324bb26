package io.github.openaispring.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.core.http.StreamedResult;
import io.github.openaispring.errors.OpenAIException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The body of a response that came before its body was read, as the responses that hand it
 * out share it ({@link AsyncBinaryResponse}, {@link AsyncStreamingResponse} and their blocking
 * views): it can be read once, as buffers, bytes or a stream, or discarded, which ends the
 * exchange and frees its connection.
 */
final class UnreadBody {

	/** Buffers requested ahead by {@link #inputStream()}: a few, whatever the body's size. */
	private static final int DEMAND = 4;

	private final StreamedResult result;

	private final AtomicBoolean read = new AtomicBoolean();

	private volatile @Nullable InputStream stream;

	UnreadBody(StreamedResult result) {
		this.result = result;
	}

	StreamedResult result() {
		return this.result;
	}

	/** The body as buffers; subscribing takes it, and a second subscription fails. */
	Flux<DataBuffer> body() {
		return Flux.defer(() -> take() ? this.result.body() : Flux.error(alreadyRead()));
	}

	/** The whole body, read into memory when subscribed. */
	Mono<byte[]> bytes() {
		return HttpTransport.bytes(body(), -1);
	}

	/** The body as a stream read as it is read, taken now: a body already taken fails here. */
	InputStream inputStream() {
		if (!take()) {
			throw alreadyRead();
		}
		InputStream in = DataBufferUtils.subscriberInputStream(this.result.body(), DEMAND);
		this.stream = in;
		return in;
	}

	/** End the exchange if the body has not been taken; completes at once. */
	Mono<Void> discard() {
		return Mono.fromRunnable(this::release);
	}

	/** Close the stream of {@link #inputStream()}, if any, and discard the body if it has not been taken. */
	void close() {
		InputStream in = this.stream;
		if (in != null) {
			try {
				in.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		release();
	}

	private void release() {
		if (take()) {
			this.result.body().subscribe(DataBufferUtils::release, (failure) -> {
			}).dispose();
		}
	}

	private boolean take() {
		return this.read.compareAndSet(false, true);
	}

	private static OpenAIException alreadyRead() {
		return new OpenAIException("The body of this response has already been read or discarded");
	}

}
