package io.github.openaispring.core;

import java.util.List;
import java.util.Map;

/**
 * The parameters of one API operation: its path parameters, query parameters, headers and
 * body. Generated {@code <Subject><Verb>Params} types implement it; the JSON body is the
 * params object itself, written by {@link OpenAIJson}, with the path and query parameters
 * left out of it.
 *
 * @since 0.1.0
 */
public interface Params {

	/**
	 * Return the values of the path template's variables, by variable name.
	 * @return the path parameters
	 */
	Map<String, String> pathParams();

	/**
	 * Return the query parameters, the declared ones followed by the additional ones. Values
	 * are strings, numbers, booleans, lists or maps; the transport formats them.
	 * @return the query parameters
	 */
	Map<String, Object> queryParams();

	/**
	 * Return the extra headers of this request, each with one or more values.
	 * @return the headers
	 */
	Map<String, List<String>> headers();

}
