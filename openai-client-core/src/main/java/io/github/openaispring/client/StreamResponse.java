package io.github.openaispring.client;

import java.util.Iterator;
import java.util.stream.Stream;

import reactor.core.publisher.Flux;

/**
 * The events of a streamed response, read as they arrive. Close it, with try-with-resources,
 * when done: closing before the end, like an exception thrown while reading, ends the HTTP
 * exchange at once and frees its connection.
 *
 * @param <T> the event type
 * @since 0.1.0
 */
public final class StreamResponse<T> implements AutoCloseable {

	private final Stream<T> events;

	private StreamResponse(Flux<T> events) {
		// One event prefetched: the server's pace drives reading, not a buffer.
		this.events = events.toStream(1);
	}

	/**
	 * Read a stream of events through a blocking stream.
	 * @param <T> the event type
	 * @param events the events
	 * @return the response, to be closed
	 */
	public static <T> StreamResponse<T> of(Flux<T> events) {
		return new StreamResponse<>(events);
	}

	/**
	 * Return the events as a stream; it can be consumed once.
	 * @return the events
	 */
	public Stream<T> stream() {
		return this.events;
	}

	/**
	 * Return an iterator over the events; it can be consumed once.
	 * @return the iterator
	 */
	public Iterator<T> iterator() {
		return this.events.iterator();
	}

	@Override
	public void close() {
		this.events.close();
	}

}
