package io.github.openaispring.helpers;

import io.github.openaispring.core.Blocking;
import io.github.openaispring.models.VectorStoreSearchResultsPage;
import io.github.openaispring.services.async.VectorStoreServiceAsync;

/**
 * The hand-written helpers of the {@code vector_stores} resource of the blocking client; each
 * waits for the same helper of the reactive client ({@link VectorStoreServiceAsyncExtensions}).
 * {@code VectorStoreService} implements this interface.
 *
 * @since 0.1.0
 */
public interface VectorStoreServiceExtensions {

	/**
	 * Return the same resource on the reactive client.
	 * @return the resource
	 */
	VectorStoreServiceAsync async();

	/**
	 * Search a vector store for a text, the seed's {@code vector_stores.query(id, query,
	 * max_files)}: a shorthand for {@code search} with {@code query} and
	 * {@code max_num_results}.
	 * @param vectorStoreId the vector store's id
	 * @param query the text to search for
	 * @param maxResults the most results to return, between 1 and 50
	 * @return the results
	 */
	default VectorStoreSearchResultsPage query(String vectorStoreId, String query, int maxResults) {
		return Blocking.get(async().query(vectorStoreId, query, maxResults));
	}

}
