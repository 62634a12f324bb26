package io.github.openaispring.client;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.openaispring.core.http.PageData;
import io.github.openaispring.errors.OpenAIException;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * One page of a list result of the reactive client. {@link #autoPager()} is a {@link Flux}
 * over every item of every page, fetching a page only when the items before it are consumed.
 *
 * @param <T> the item type
 * @since 0.1.0
 */
public final class AsyncPage<T> {

	private final PageData<T> data;

	private AsyncPage(PageData<T> data) {
		this.data = data;
	}

	/**
	 * Return the first page of a list call.
	 * @param <T> the item type
	 * @param first the first page
	 * @return the page
	 */
	public static <T> Mono<AsyncPage<T>> of(Mono<PageData<T>> first) {
		return first.map(AsyncPage::new);
	}

	/**
	 * Return a page of a list call.
	 * @param <T> the item type
	 * @param data the page
	 * @return the page
	 */
	public static <T> AsyncPage<T> of(PageData<T> data) {
		return new AsyncPage<>(data);
	}

	PageData<T> pageData() {
		return this.data;
	}

	/**
	 * Return the items of this page.
	 * @return the items
	 */
	public List<T> data() {
		return this.data.items();
	}

	/**
	 * Return whether another page follows.
	 * @return whether there is a next page
	 */
	public boolean hasNextPage() {
		return this.data.next() != null;
	}

	/**
	 * Fetch the next page.
	 * @return the next page, or an error if this is the last one
	 */
	public Mono<AsyncPage<T>> nextPage() {
		if (this.data.next() == null) {
			return Mono.error(new OpenAIException("This is the last page; check hasNextPage() first"));
		}
		return this.data.next().get().map(AsyncPage::new);
	}

	/**
	 * Return every item of this page and the pages after it.
	 * @return the items
	 */
	public Flux<T> autoPager() {
		return Flux.create((sink) -> new Pager<>(this.data, sink).drain());
	}

	/**
	 * Emits the items of one page after another, fetching a page only when an item beyond the
	 * ones already fetched is requested: consuming the first page's items sends no request, and
	 * cancelling ends an in-flight fetch. Reactor's {@code expand} and
	 * {@code concatMapIterable} would each fetch pages ahead of demand.
	 *
	 * @param <T> the item type
	 */
	private static final class Pager<T> {

		private final FluxSink<T> sink;

		private final AtomicInteger wip = new AtomicInteger();

		private volatile Iterator<T> items;

		private volatile @Nullable Supplier<Mono<PageData<T>>> next;

		private volatile boolean fetching;

		private volatile @Nullable Disposable fetch;

		Pager(PageData<T> first, FluxSink<T> sink) {
			this.sink = sink;
			this.items = first.items().iterator();
			this.next = first.next();
			sink.onRequest((n) -> drain());
			sink.onDispose(() -> {
				Disposable fetch = this.fetch;
				if (fetch != null) {
					fetch.dispose();
				}
			});
		}

		void drain() {
			if (this.wip.getAndIncrement() != 0) {
				return;
			}
			int missed = 1;
			do {
				if (!this.fetching && !this.sink.isCancelled()) {
					Iterator<T> items = this.items;
					while (this.sink.requestedFromDownstream() > 0 && items.hasNext() && !this.sink.isCancelled()) {
						this.sink.next(items.next());
					}
					if (!items.hasNext() && !this.sink.isCancelled()) {
						Supplier<Mono<PageData<T>>> next = this.next;
						if (next == null) {
							this.sink.complete();
						}
						else if (this.sink.requestedFromDownstream() > 0) {
							this.fetching = true;
							this.next = null;
							Mono<PageData<T>> page;
							try {
								page = next.get();
							}
							catch (RuntimeException ex) {
								this.sink.error(ex);
								return;
							}
							// Completed without a page: the list ends. Told apart per fetch, since
							// onPage may already have started the fetch after this one.
							AtomicBoolean arrived = new AtomicBoolean();
							this.fetch = page.subscribe((data) -> {
								arrived.set(true);
								onPage(data);
							}, this.sink::error, () -> {
								if (!arrived.get()) {
									this.sink.complete();
								}
							});
						}
					}
				}
				missed = this.wip.addAndGet(-missed);
			}
			while (missed != 0);
		}

		private void onPage(PageData<T> page) {
			this.items = page.items().iterator();
			this.next = page.next();
			this.fetching = false;
			drain();
		}

	}

	@Override
	public String toString() {
		return "AsyncPage{items=" + data().size() + ", hasNextPage=" + hasNextPage() + "}";
	}

}
