package io.github.openaispring.core.http;

import java.util.List;
import java.util.function.Function;

import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.core.Params;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How a list endpoint pages: where its items are in a response, and the params of the page
 * that follows. Declared once per list operation beside its {@link Endpoint}.
 *
 * @param <P> the params type
 * @param <R> the list response type
 * @param <T> the item type
 * @since 0.1.0
 */
public final class Paging<P extends Params, R, T> {

	private final Function<R, List<T>> data;

	private final @Nullable Function<R, Boolean> hasMore;

	private final @Nullable PageCursor<P, T> cursor;

	private Paging(Function<R, List<T>> data, @Nullable Function<R, Boolean> hasMore,
			@Nullable PageCursor<P, T> cursor) {
		this.data = data;
		this.hasMore = hasMore;
		this.cursor = cursor;
	}

	/**
	 * A list that is one page only, as the models list is.
	 * @param <P> the params type
	 * @param <R> the list response type
	 * @param <T> the item type
	 * @param data the items of a response
	 * @return the paging
	 */
	public static <P extends Params, R, T> Paging<P, R, T> single(Function<R, List<T>> data) {
		return new Paging<>(data, null, null);
	}

	/**
	 * A list paged by cursor: {@code has_more} says whether a next page exists, and the next
	 * page starts after the last item.
	 * @param <P> the params type
	 * @param <R> the list response type
	 * @param <T> the item type
	 * @param data the items of a response
	 * @param hasMore whether a response says more pages follow; a response that leaves
	 * {@code has_more} out, as some compatible servers do, is the last page
	 * @param cursor the params of the page after a given item
	 * @return the paging
	 */
	public static <P extends Params, R, T> Paging<P, R, T> cursor(Function<R, List<T>> data,
			Function<R, Boolean> hasMore, PageCursor<P, T> cursor) {
		return new Paging<>(data, hasMore, cursor);
	}

	/**
	 * Return the {@code id} of an item whose type has no common accessor for it, such as a
	 * union of item kinds that all carry an id.
	 * @param item the item
	 * @return the id
	 * @throws OpenAIInvalidDataException if the item has no string {@code id}
	 */
	public static String jsonId(Object item) {
		JsonNode id = OpenAIJson.toTree(item).get("id");
		if (id == null || !id.isString()) {
			throw new OpenAIInvalidDataException("The last item of the page has no id to ask for the next page after");
		}
		return id.asString();
	}

	/**
	 * Return the page of a response.
	 * @param response the response
	 * @param params the params it answers
	 * @param next fetches the page for other params
	 * @return the page
	 */
	PageData<T> page(R response, P params, Function<P, reactor.core.publisher.Mono<PageData<T>>> next) {
		List<T> items = this.data.apply(response);
		if (this.cursor == null || this.hasMore == null || items.isEmpty() || !hasMore(response)) {
			return new PageData<>(items, null);
		}
		P nextParams = this.cursor.after(params, items.get(items.size() - 1));
		return new PageData<>(items, () -> next.apply(nextParams));
	}

	private boolean hasMore(R response) {
		try {
			return Boolean.TRUE.equals(this.hasMore.apply(response));
		}
		catch (OpenAIInvalidDataException absent) {
			return false;
		}
	}

}
