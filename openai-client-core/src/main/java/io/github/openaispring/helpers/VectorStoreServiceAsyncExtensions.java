package io.github.openaispring.helpers;

import io.github.openaispring.models.VectorStoreSearchParams;
import io.github.openaispring.models.VectorStoreSearchResultsPage;
import reactor.core.publisher.Mono;

/**
 * The hand-written helpers of the {@code vector_stores} resource of the reactive client,
 * written over its generated calls; {@code VectorStoreServiceAsync} implements this interface.
 *
 * @since 0.1.0
 */
public interface VectorStoreServiceAsyncExtensions {

	/**
	 * Search a vector store: {@code POST /vector_stores/{vector_store_id}/search}.
	 * @param params the request
	 * @return the results
	 */
	Mono<VectorStoreSearchResultsPage> search(VectorStoreSearchParams params);

	/**
	 * Search a vector store for a text, the seed's {@code vector_stores.query(id, query,
	 * max_files)}: a shorthand for {@link #search(VectorStoreSearchParams)} with
	 * {@code query} and {@code max_num_results}.
	 * @param vectorStoreId the vector store's id
	 * @param query the text to search for
	 * @param maxResults the most results to return, between 1 and 50
	 * @return the results
	 */
	default Mono<VectorStoreSearchResultsPage> query(String vectorStoreId, String query, int maxResults) {
		return search(VectorStoreSearchParams.builder()
			.vectorStoreId(vectorStoreId)
			.query(query)
			.maxNumResults(maxResults)
			.build());
	}

}
