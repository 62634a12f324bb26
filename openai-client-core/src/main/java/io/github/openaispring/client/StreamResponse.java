package io.github.openaispring.client;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import reactor.core.publisher.Flux;

/**
 * The events of a streamed response, read as they arrive. Close it, with try-with-resources,
 * when done: closing before the end ends the HTTP exchange at once and frees its connection.
 * An exception thrown while the events are consumed through {@link #stream()} (in a
 * {@code forEach}, {@code map} or any other stage) does the same, even if the response is not
 * closed. Consumers of {@link #iterator()} that stop early must close.
 * <p>
 * Creating the response sends the request and waits for the first event, so that what fails
 * before any event (an error status, a connection failure, a timeout, an error event first) is
 * thrown where the stream is created, as for any other call; a failure after that is thrown by
 * the read that reaches it.
 *
 * @param <T> the event type
 * @since 0.1.0
 */
public final class StreamResponse<T> implements AutoCloseable {

	private final Stream<T> events;

	private final Stream<T> source;

	private StreamResponse(Flux<T> events) {
		// One event prefetched: the server's pace drives reading, not a buffer. More would also
		// let an error from the server overtake the events before it (Reactor's blocking
		// iterator throws a terminal error before the events it has queued).
		this.source = events.toStream(1);
		Iterator<T> iterator = this.source.iterator();
		try {
			iterator.hasNext();
		}
		catch (RuntimeException | Error failure) {
			this.source.close();
			throw failure;
		}
		this.events = StreamSupport.stream(new ClosingSpliterator<>(this.source, iterator), false)
			.onClose(this.source::close);
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

	/**
	 * End the exchange if it is still under way and free its connection; after the last event
	 * this does nothing. Closing twice is harmless.
	 */
	@Override
	public void close() {
		this.events.close();
	}

	/**
	 * Hands the events on, and closes the source when the code consuming them throws, so that
	 * a failing consumer does not leave the exchange holding its connection.
	 */
	private static final class ClosingSpliterator<T> extends Spliterators.AbstractSpliterator<T> {

		private final Stream<T> source;

		private final Spliterator<T> delegate;

		ClosingSpliterator(Stream<T> source, Iterator<T> events) {
			super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
			this.source = source;
			this.delegate = Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED | Spliterator.NONNULL);
		}

		@Override
		public boolean tryAdvance(Consumer<? super T> action) {
			try {
				return this.delegate.tryAdvance(action);
			}
			catch (RuntimeException | Error failure) {
				this.source.close();
				throw failure;
			}
		}

		@Override
		public void forEachRemaining(Consumer<? super T> action) {
			try {
				this.delegate.forEachRemaining(action);
			}
			catch (RuntimeException | Error failure) {
				this.source.close();
				throw failure;
			}
		}

	}

}
