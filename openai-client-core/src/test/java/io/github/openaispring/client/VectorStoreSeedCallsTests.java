package io.github.openaispring.client;

import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.models.VectorStoreCreateParams;
import io.github.openaispring.models.VectorStoreExpirationAfter;
import io.github.openaispring.models.VectorStoreObject;
import io.github.openaispring.models.VectorStoreSearchResultsPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's vector-store calls on the real API: {@code vector_stores.query(id, query, max_files)}
 * is a search with {@code query} and {@code max_num_results}; {@code expires_after=30} is the
 * real {@code expires_after} object.
 */
class VectorStoreSeedCallsTests extends WireMockClientTests {

	private static final String VECTOR_STORE = """
			{"id":"vs_1","object":"vector_store","created_at":1700000000,"name":"Support FAQ","usage_bytes":0,
			 "file_counts":{"in_progress":0,"completed":0,"failed":0,"cancelled":0,"total":0},"status":"completed",
			 "expires_after":{"anchor":"last_active_at","days":30},"last_active_at":1700000000,"metadata":{}}""";

	private static final String RESULTS = """
			{"object":"vector_store.search_results.page","search_query":["return policy"],
			 "data":[{"file_id":"file-1","filename":"policy.md","score":0.91,"attributes":{},
			          "content":[{"type":"text","text":"Returns are accepted within 30 days."}]}],
			 "has_more":false,"next_page":null}""";

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void queryIsASearchWithTheTextAndTheMaximum(boolean async) {
		stubFor(post("/v1/vector_stores/vs_1/search").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(RESULTS)));
		VectorStoreSearchResultsPage page = Calls.call(async,
				() -> this.client.vectorStores().query("vs_1", "return policy", 3),
				() -> this.client.async().vectorStores().query("vs_1", "return policy", 3));
		verify(postRequestedFor(urlEqualTo("/v1/vector_stores/vs_1/search"))
			.withRequestBody(equalToJson("{\"query\":\"return policy\",\"max_num_results\":3}")));
		assertThat(page.data()).hasSize(1);
		assertThat(page.data().get(0).filename()).isEqualTo("policy.md");
		assertThat(page.data().get(0).score()).isEqualTo(0.91);
		assertThat(page.data().get(0).content().get(0).text()).isEqualTo("Returns are accepted within 30 days.");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void expiresAfterDaysSendsTheExpirationObject(boolean async) {
		stubFor(post("/v1/vector_stores").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(VECTOR_STORE)));
		VectorStoreCreateParams params = VectorStoreCreateParams.builder()
			.name("Support FAQ")
			.expiresAfterDays(30)
			.build();
		VectorStoreObject store = Calls.call(async, () -> this.client.vectorStores().create(params),
				() -> this.client.async().vectorStores().create(params));
		verify(postRequestedFor(urlEqualTo("/v1/vector_stores")).withRequestBody(
				equalToJson("{\"name\":\"Support FAQ\",\"expires_after\":{\"anchor\":\"last_active_at\",\"days\":30}}")));
		assertThat(store.expiresAfter().days()).isEqualTo(30);
		assertThat(params).isEqualTo(VectorStoreCreateParams.builder()
			.name("Support FAQ")
			.expiresAfter(VectorStoreExpirationAfter.builder().anchor("last_active_at").days(30).build())
			.build());
	}

}
