package io.github.openaispring.core.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

/**
 * Reads a {@code text/event-stream} body into events: lines ended by LF, CRLF or CR, split
 * across network buffers anywhere (inside a line ending or a UTF-8 character too); {@code data}
 * lines joined with {@code \n}; {@code event}, {@code id} and {@code retry}; comments; an event
 * per blank line, and the last one when the body ends without one.
 * <p>
 * Why not Spring's {@code ServerSentEventHttpMessageReader}: the benchmark of a 1,000-chunk
 * chat stream spent half of the client's CPU in its line splitting (a delimiter matcher that
 * reads every byte through {@code DataBuffer.getByte}); scanning each buffer's bytes directly
 * here does the same work in a tight loop. The events are Spring's {@link ServerSentEvent}, so
 * everything after this class is unchanged.
 */
final class SseDecoder {

	private final int maxEventBytes;

	private byte[] line = new byte[256];

	private byte[] scratch = new byte[8192];

	private int lineLength;

	private boolean afterCarriageReturn;

	private int eventBytes;

	private @Nullable StringBuilder data;

	private @Nullable StringBuilder comment;

	private @Nullable String event;

	private @Nullable String id;

	private @Nullable Duration retry;

	private SseDecoder(int maxEventBytes) {
		this.maxEventBytes = maxEventBytes;
	}

	/**
	 * Decode a body into events.
	 * @param body the body's buffers, released here once read
	 * @param maxEventBytes the most bytes one event may take; more fails with a
	 * {@link DataBufferLimitException}
	 * @return the events
	 */
	static Flux<ServerSentEvent<String>> decode(Flux<DataBuffer> body, int maxEventBytes) {
		return Flux.defer(() -> {
			SseDecoder decoder = new SseDecoder(maxEventBytes);
			return body.concatMapIterable(decoder::read)
				.concatWith(Flux.defer(() -> Flux.fromIterable(decoder.finish())))
				.doOnDiscard(DataBuffer.class, DataBufferUtils::release);
		});
	}

	private List<ServerSentEvent<String>> read(DataBuffer buffer) {
		List<ServerSentEvent<String>> events = new ArrayList<>(4);
		try (DataBuffer.ByteBufferIterator buffers = buffer.readableByteBuffers()) {
			while (buffers.hasNext()) {
				read(buffers.next(), events);
			}
		}
		finally {
			DataBufferUtils.release(buffer);
		}
		return events;
	}

	private void read(ByteBuffer buffer, List<ServerSentEvent<String>> events) {
		int length = buffer.remaining();
		if (buffer.hasArray()) {
			read(buffer.array(), buffer.arrayOffset() + buffer.position(), length, events);
			return;
		}
		// One bulk copy out of the direct buffer, then a scan of plain array reads.
		if (this.scratch.length < length) {
			this.scratch = new byte[Math.max(length, this.scratch.length * 2)];
		}
		buffer.get(buffer.position(), this.scratch, 0, length);
		read(this.scratch, 0, length, events);
	}

	private void read(byte[] bytes, int offset, int length, List<ServerSentEvent<String>> events) {
		int limit = offset + length;
		int start = offset;
		for (int i = offset; i < limit; i++) {
			byte b = bytes[i];
			if (b != '\n' && b != '\r') {
				continue;
			}
			if (b == '\n' && this.afterCarriageReturn && start == i && this.lineLength == 0) {
				// The LF of a CRLF whose CR ended the previous line.
				this.afterCarriageReturn = false;
				start = i + 1;
				continue;
			}
			append(bytes, start, i);
			line(events);
			this.afterCarriageReturn = (b == '\r');
			start = i + 1;
		}
		if (start < limit) {
			append(bytes, start, limit);
			this.afterCarriageReturn = false;
		}
	}

	private void append(byte[] bytes, int from, int to) {
		int length = to - from;
		if (length == 0) {
			return;
		}
		this.eventBytes += length;
		if (this.eventBytes > this.maxEventBytes) {
			throw new DataBufferLimitException("An event of the stream is over " + this.maxEventBytes + " bytes");
		}
		if (this.lineLength + length > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(this.line.length * 2, this.lineLength + length));
		}
		System.arraycopy(bytes, from, this.line, this.lineLength, length);
		this.lineLength += length;
	}

	private void line(List<ServerSentEvent<String>> events) {
		int length = this.lineLength;
		this.lineLength = 0;
		if (length == 0) {
			ServerSentEvent<String> event = dispatch();
			if (event != null) {
				events.add(event);
			}
			return;
		}
		byte[] bytes = this.line;
		if (length >= 5 && bytes[0] == 'd' && bytes[1] == 'a' && bytes[2] == 't' && bytes[3] == 'a' && bytes[4] == ':') {
			// Nearly every line of a stream: its value is decoded straight from the bytes.
			int start = (length > 5 && bytes[5] == ' ') ? 6 : 5;
			this.data = append(this.data, new String(bytes, start, length - start, StandardCharsets.UTF_8));
			return;
		}
		String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
		if (text.charAt(0) == ':') {
			this.comment = append(this.comment, text.substring(1).stripLeading());
			return;
		}
		int colon = text.indexOf(':');
		String field = (colon < 0) ? text : text.substring(0, colon);
		int valueStart = (colon < 0) ? text.length()
				: (colon + 1 < text.length() && text.charAt(colon + 1) == ' ') ? colon + 2 : colon + 1;
		String value = text.substring(valueStart);
		switch (field) {
			case "data" -> this.data = append(this.data, value);
			case "event" -> this.event = value;
			case "id" -> this.id = value;
			// A retry that is not a number fails the stream: the caller reports it as unreadable.
			case "retry" -> this.retry = Duration.ofMillis(Long.parseLong(value.strip()));
			default -> {
				// Fields the format does not define are ignored.
			}
		}
	}

	private static StringBuilder append(@Nullable StringBuilder lines, String value) {
		if (lines == null) {
			return new StringBuilder(value);
		}
		return lines.append('\n').append(value);
	}

	private @Nullable ServerSentEvent<String> dispatch() {
		this.eventBytes = 0;
		if (this.data == null && this.comment == null && this.event == null && this.id == null && this.retry == null) {
			return null;
		}
		ServerSentEvent.Builder<String> builder = ServerSentEvent.builder();
		if (this.data != null) {
			builder.data(this.data.toString());
		}
		if (this.comment != null) {
			builder.comment(this.comment.toString());
		}
		if (this.event != null) {
			builder.event(this.event);
		}
		if (this.id != null) {
			builder.id(this.id);
		}
		if (this.retry != null) {
			builder.retry(this.retry);
		}
		this.data = null;
		this.comment = null;
		this.event = null;
		this.id = null;
		this.retry = null;
		return builder.build();
	}

	/** The event the body ended in without a blank line after it, if any. */
	private List<ServerSentEvent<String>> finish() {
		List<ServerSentEvent<String>> events = new ArrayList<>(1);
		if (this.lineLength > 0) {
			line(events);
		}
		ServerSentEvent<String> last = dispatch();
		if (last != null) {
			events.add(last);
		}
		return events;
	}

}
