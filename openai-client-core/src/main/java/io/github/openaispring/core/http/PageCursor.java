package io.github.openaispring.core.http;

/**
 * How a list endpoint pages: the params of the page that follows a given item.
 *
 * @param <P> the params type
 * @param <T> the item type
 * @since 0.1.0
 */
@FunctionalInterface
public interface PageCursor<P, T> {

	/**
	 * Return the params of the page after an item, typically with {@code after} set to its id.
	 * @param params the params of the current page
	 * @param last the last item of the current page
	 * @return the params of the next page
	 */
	P after(P params, T last);

}
