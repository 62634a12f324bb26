package io.github.openaispring.core.http;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.openaispring.core.OpenAIJson;
import io.github.openaispring.core.Params;
import io.github.openaispring.errors.OpenAIInvalidDataException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How a list endpoint pages: where its items are in a response, and the params of the page
 * that follows. Declared once per list operation beside its {@link Endpoint}.
 * <p>
 * The rules are openai-python's ({@code pagination.py}): a next page is asked for unless the
 * response says {@code "has_more": false}, the page is empty, or there is no cursor to ask
 * after; the cursor is the last item's {@code id}, or for some lists (conversation items,
 * checkpoint permissions) the response's {@code last_id}.
 *
 * @param <P> the params type
 * @param <R> the list response type
 * @param <T> the item type
 * @since 0.1.0
 */
public final class Paging<P extends Params, R, T> {

	private final Function<R, List<T>> data;

	private final @Nullable Function<R, @Nullable Boolean> hasMore;

	/** The cursor of the page after a response and its items, or {@code null} for none. */
	private final @Nullable BiFunction<R, List<T>, @Nullable String> cursor;

	private final @Nullable BiFunction<P, String, P> after;

	private Paging(Function<R, List<T>> data, @Nullable Function<R, @Nullable Boolean> hasMore,
			@Nullable BiFunction<R, List<T>, @Nullable String> cursor, @Nullable BiFunction<P, String, P> after) {
		this.data = data;
		this.hasMore = hasMore;
		this.cursor = cursor;
		this.after = after;
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
		return new Paging<>(data, null, null, null);
	}

	/**
	 * A list paged by the last item's id: the next page starts after it.
	 * @param <P> the params type
	 * @param <R> the list response type
	 * @param <T> the item type
	 * @param data the items of a response
	 * @param hasMore whether a response says more pages follow; only {@code false} ends the
	 * list, a response that leaves {@code has_more} out goes on as the official SDKs do
	 * @param id the id of an item; an item without one ends the list
	 * @param after the params of the page after a cursor
	 * @return the paging
	 */
	public static <P extends Params, R, T> Paging<P, R, T> cursor(Function<R, List<T>> data,
			Function<R, @Nullable Boolean> hasMore, Function<T, @Nullable String> id, BiFunction<P, String, P> after) {
		return new Paging<>(data, hasMore, (response, items) -> id.apply(items.get(items.size() - 1)), after);
	}

	/**
	 * A list paged by the {@code last_id} of each response: the next page starts after it.
	 * @param <P> the params type
	 * @param <R> the list response type
	 * @param <T> the item type
	 * @param data the items of a response
	 * @param hasMore whether a response says more pages follow; only {@code false} ends the list
	 * @param lastId the {@code last_id} of a response; none ends the list
	 * @param after the params of the page after a cursor
	 * @return the paging
	 */
	public static <P extends Params, R, T> Paging<P, R, T> lastId(Function<R, List<T>> data,
			Function<R, @Nullable Boolean> hasMore, Function<R, @Nullable String> lastId,
			BiFunction<P, String, P> after) {
		return new Paging<>(data, hasMore, (response, items) -> lastId.apply(response), after);
	}

	/**
	 * Return the {@code id} of an item whose type has no common accessor for it, such as a
	 * union of item kinds that all carry an id.
	 * @param item the item
	 * @return the id, or {@code null} when the item has no string {@code id}
	 */
	public static @Nullable String jsonId(Object item) {
		JsonNode id = OpenAIJson.toTree(item).get("id");
		return (id != null && id.isString()) ? id.asString() : null;
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
		if (items.isEmpty() || this.hasMore == null || this.cursor == null || this.after == null) {
			return new PageData<>(items, null);
		}
		Function<R, @Nullable Boolean> hasMore = this.hasMore;
		BiFunction<R, List<T>, @Nullable String> cursorOf = this.cursor;
		String cursor = Boolean.FALSE.equals(present(() -> hasMore.apply(response))) ? null
				: present(() -> cursorOf.apply(response, items));
		if (cursor == null || cursor.isEmpty()) {
			return new PageData<>(items, null);
		}
		P nextParams = this.after.apply(params, cursor);
		return new PageData<>(items, () -> next.apply(nextParams));
	}

	/** A field of the response that may be absent: a required one left out reads as absent. */
	private static <V> @Nullable V present(Supplier<@Nullable V> field) {
		try {
			return field.get();
		}
		catch (OpenAIInvalidDataException absent) {
			return null;
		}
	}

}
