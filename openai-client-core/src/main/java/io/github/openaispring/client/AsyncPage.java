package io.github.openaispring.client;

import java.util.List;

import io.github.openaispring.core.http.PageData;
import io.github.openaispring.errors.OpenAIException;
import reactor.core.publisher.Flux;
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

	public List<T> data() {
		return this.data.items();
	}

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
		return Mono.just(this.data)
			.expand((page) -> (page.next() != null) ? page.next().get() : Mono.empty())
			.concatMapIterable(PageData::items);
	}

	@Override
	public String toString() {
		return "AsyncPage{items=" + data().size() + ", hasNextPage=" + hasNextPage() + "}";
	}

}
