package io.github.openaispring.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.github.openaispring.core.Blocking;
import io.github.openaispring.core.http.PageData;
import io.github.openaispring.errors.OpenAIException;

/**
 * One page of a list result. {@link #autoPager()} walks every item of every page, fetching
 * each page only when the items before it have been read.
 *
 * @param <T> the item type
 * @since 0.1.0
 */
public final class Page<T> {

	private final PageData<T> data;

	Page(PageData<T> data) {
		this.data = data;
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
	 * @return the next page
	 * @throws OpenAIException if this is the last page
	 */
	public Page<T> nextPage() {
		if (this.data.next() == null) {
			throw new OpenAIException("This is the last page; check hasNextPage() first");
		}
		return new Page<>(Blocking.get(this.data.next().get()));
	}

	/**
	 * Return every item of this page and the pages after it, fetched lazily.
	 * @return the items
	 */
	public Iterable<T> autoPager() {
		return () -> new Iterator<T>() {

			private Page<T> page = Page.this;

			private int index;

			@Override
			public boolean hasNext() {
				while (this.index >= this.page.data().size()) {
					if (!this.page.hasNextPage()) {
						return false;
					}
					this.page = this.page.nextPage();
					this.index = 0;
				}
				return true;
			}

			@Override
			public T next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return this.page.data().get(this.index++);
			}

		};
	}

	/**
	 * Return every item of this page and the pages after it as a stream, fetched lazily.
	 * @return the items
	 */
	public Stream<T> stream() {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(autoPager().iterator(), Spliterator.ORDERED),
				false);
	}

	@Override
	public String toString() {
		return "Page{items=" + data().size() + ", hasNextPage=" + hasNextPage() + "}";
	}

	/**
	 * Return the blocking view of a page of the async client; the pages after it are fetched
	 * by blocking on the async client's calls.
	 * @param <T> the item type
	 * @param page the page
	 * @return the page
	 */
	public static <T> Page<T> of(AsyncPage<T> page) {
		return new Page<>(page.pageData());
	}

}
