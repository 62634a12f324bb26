package io.github.openaispring.client;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.StreamErrorException;
import io.github.openaispring.models.AssistantCreateParams;
import io.github.openaispring.models.ConversationItem;
import io.github.openaispring.models.FileObject;
import io.github.openaispring.models.ResponseErrorEvent;
import io.github.openaispring.models.ResponseRetrieveParams;
import io.github.openaispring.models.ResponseStreamEvent;
import io.github.openaispring.models.ResponseTextDeltaEvent;
import io.github.openaispring.models.SpeechCreateParams;
import io.github.openaispring.models.VectorStoreSearchParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the official SDKs send and expect that the spec does not say (issue 12), on both
 * clients: fixed headers, accept types, resumed streams, paging, streams answered with
 * something else, error events, and what an exception keeps ({@code Retry-After} is in
 * {@code RetryTests}).
 */
class WireFidelityTests extends WireMockClientTests {

	private static final String ASSISTANT = "{\"id\":\"asst_1\",\"object\":\"assistant\",\"created_at\":1,"
			+ "\"name\":null,\"description\":null,\"model\":\"gpt-4o\",\"instructions\":null,\"tools\":[],"
			+ "\"metadata\":{}}";

	private static final String FILE = "{\"id\":\"%s\",\"object\":\"file\",\"bytes\":1,\"created_at\":1,"
			+ "\"filename\":\"a.jsonl\",\"purpose\":\"batch\",\"status\":\"processed\"}";

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void assistantsAndVectorStoresSendTheBetaHeader(boolean async) {
		stubFor(post("/v1/assistants").willReturn(okJson(ASSISTANT)));
		stubFor(post("/v1/vector_stores/vs_1/search").willReturn(okJson(
				"{\"object\":\"vector_store.search_results.page\",\"search_query\":[\"q\"],\"data\":[],"
						+ "\"has_more\":false,\"next_page\":null}")));
		stubFor(get("/v1/threads/th_1/runs").willReturn(okJson("{\"object\":\"list\",\"data\":[],\"first_id\":null,"
				+ "\"last_id\":null,\"has_more\":false}")));
		AssistantCreateParams assistant = AssistantCreateParams.builder().model("gpt-4o").build();
		VectorStoreSearchParams search = VectorStoreSearchParams.builder().vectorStoreId("vs_1").query("q").build();
		Calls.call(async, () -> this.client.beta().assistants().create(assistant),
				() -> this.client.async().beta().assistants().create(assistant));
		Calls.call(async, () -> this.client.vectorStores().search(search),
				() -> this.client.async().vectorStores().search(search));
		Calls.call(async, () -> this.client.beta().threads().runs().list("th_1").data(),
				() -> this.client.async().beta().threads().runs().list("th_1").map(AsyncPage::data));
		verify(postRequestedFor(urlEqualTo("/v1/assistants")).withHeader("OpenAI-Beta", equalTo("assistants=v2")));
		verify(postRequestedFor(urlEqualTo("/v1/vector_stores/vs_1/search")).withHeader("OpenAI-Beta",
				equalTo("assistants=v2")));
		verify(getRequestedFor(urlEqualTo("/v1/threads/th_1/runs")).withHeader("OpenAI-Beta", equalTo("assistants=v2")));
	}

	@Test
	void theBetaHeaderGivesWayToTheCallsOwnAndWinsOverTheClientDefault(WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/assistants").willReturn(okJson(ASSISTANT)));
		AssistantCreateParams assistant = AssistantCreateParams.builder().model("gpt-4o").build();
		try (OpenAI withDefault = OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.defaultHeader("OpenAI-Beta", "client-default")
			.build()) {
			withDefault.beta().assistants().create(assistant);
			withDefault.beta()
				.assistants()
				.create(assistant, RequestOptions.builder().header("openai-beta", "assistants=v3").build());
		}
		List<String> sent = new ArrayList<>();
		com.github.tomakehurst.wiremock.client.WireMock.findAll(postRequestedFor(urlEqualTo("/v1/assistants")))
			.forEach((request) -> sent.add(String.join(",", request.getHeaders().getHeader("OpenAI-Beta").values())));
		assertThat(sent).containsExactly("assistants=v2", "assistants=v3");
	}

	@Test
	void otherResourcesSendNoBetaHeader() {
		stubFor(get("/v1/files/file-1").willReturn(okJson(FILE.formatted("file-1"))));
		this.client.files().retrieve("file-1");
		verify(getRequestedFor(urlEqualTo("/v1/files/file-1")).withHeader("OpenAI-Beta", absent()));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void binaryDownloadsAskForWhatTheSdkAsksFor(boolean async) {
		stubFor(get("/v1/files/file-1/content").willReturn(aResponse().withBody("line")));
		stubFor(post("/v1/audio/speech").willReturn(aResponse().withBody(new byte[] { 1, 2, 3 })));
		stubFor(delete("/v1/responses/resp_1").willReturn(aResponse().withStatus(200)));
		SpeechCreateParams speech = SpeechCreateParams.builder().model("tts-1").voice("alloy").input("Hi").build();
		byte[] content = Calls.call(async, () -> this.client.files().content("file-1").bytes(),
				() -> this.client.async().files().content("file-1").flatMap(AsyncBinaryResponse::bytes));
		byte[] audio = Calls.call(async, () -> this.client.audio().speech().create(speech).bytes(),
				() -> this.client.async().audio().speech().create(speech).flatMap(AsyncBinaryResponse::bytes));
		Calls.call(async, () -> {
			this.client.responses().delete("resp_1");
			return true;
		}, () -> this.client.async().responses().delete("resp_1").thenReturn(true));
		assertThat(content).asString().isEqualTo("line");
		assertThat(audio).containsExactly(1, 2, 3);
		verify(getRequestedFor(urlEqualTo("/v1/files/file-1/content")).withHeader("Accept",
				equalTo("application/binary")));
		verify(postRequestedFor(urlEqualTo("/v1/audio/speech")).withHeader("Accept",
				equalTo("application/octet-stream")));
		verify(deleteRequestedFor(urlEqualTo("/v1/responses/resp_1")).withHeader("Accept", equalTo("*/*")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aBackgroundResponseResumesAsAStream(boolean async) {
		stubFor(get(urlPathEqualTo("/v1/responses/resp_1")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(textDelta(4, "lo") + textDelta(5, "!"))));
		ResponseRetrieveParams params = ResponseRetrieveParams.builder().responseId("resp_1").startingAfter(3L).build();
		List<ResponseStreamEvent> events = Calls.call(async, () -> {
			try (StreamResponse<ResponseStreamEvent> stream = this.client.responses().retrieveStreaming(params)) {
				return stream.stream().toList();
			}
		}, () -> this.client.async().responses().retrieveStreaming(params).collectList());
		assertThat(events).map((event) -> ((ResponseTextDeltaEvent) event).delta()).containsExactly("lo", "!");
		verify(getRequestedFor(urlEqualTo("/v1/responses/resp_1?starting_after=3&stream=true"))
			.withHeader("Accept", equalTo("text/event-stream")));
	}

	private static String textDelta(long sequence, String delta) {
		return "event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\","
				+ "\"output_index\":0,\"content_index\":0,\"delta\":\"" + delta + "\",\"logprobs\":[],"
				+ "\"sequence_number\":" + sequence + "}\n\n";
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aStreamAnsweredWithAnotherContentTypeIsAnError(boolean async) {
		stubFor(get(urlPathEqualTo("/v1/responses/resp_1")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html; charset=utf-8")
			.withBody("<html><body>Gateway login</body></html>")));
		assertThatExceptionOfType(APIResponseValidationException.class).isThrownBy(() -> Calls.call(async, () -> {
			try (StreamResponse<ResponseStreamEvent> stream = this.client.responses().retrieveStreaming("resp_1")) {
				return stream.stream().toList();
			}
		}, () -> this.client.async().responses().retrieveStreaming("resp_1").collectList()))
			.withMessageContaining("text/html")
			.satisfies((failure) -> assertThat(failure.body()).contains("Gateway login"));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anErrorEventWithoutAnErrorObjectReachesTheReader(boolean async) {
		stubFor(get(urlPathEqualTo("/v1/responses/resp_1")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(textDelta(1, "a") + "event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\","
					+ "\"message\":\"overloaded\",\"param\":null,\"sequence_number\":2}\n\n" + textDelta(3, "b"))));
		List<ResponseStreamEvent> events = Calls.call(async, () -> {
			try (StreamResponse<ResponseStreamEvent> stream = this.client.responses().retrieveStreaming("resp_1")) {
				return stream.stream().toList();
			}
		}, () -> this.client.async().responses().retrieveStreaming("resp_1").collectList());
		assertThat(events).hasSize(3);
		assertThat(events.get(1)).isInstanceOfSatisfying(ResponseErrorEvent.class, (error) -> {
			assertThat(error.code()).isEqualTo("server_error");
			assertThat(error.message()).isEqualTo("overloaded");
		});
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anErrorEventWithAnErrorObjectIsRaised(boolean async) {
		stubFor(get(urlPathEqualTo("/v1/responses/resp_1")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withBody(textDelta(1, "a") + "event: error\ndata: {\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}\n\n")));
		assertThatExceptionOfType(StreamErrorException.class).isThrownBy(() -> Calls.call(async, () -> {
			try (StreamResponse<ResponseStreamEvent> stream = this.client.responses().retrieveStreaming("resp_1")) {
				return stream.stream().toList();
			}
		}, () -> this.client.async().responses().retrieveStreaming("resp_1").collectList()))
			.withMessageContaining("boom");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void pagingGoesOnUnlessHasMoreIsFalse(boolean async) {
		// Page 1 leaves has_more out; page 2 says true; page 3 says false: three requests.
		stubFor(get(urlEqualTo("/v1/files")).willReturn(okJson(page(null, "file-1"))));
		stubFor(get(urlEqualTo("/v1/files?after=file-1")).willReturn(okJson(page(true, "file-2"))));
		stubFor(get(urlEqualTo("/v1/files?after=file-2")).willReturn(okJson(page(false, "file-3"))));
		List<String> ids = Calls.call(async, () -> {
			List<String> seen = new ArrayList<>();
			this.client.files().list().autoPager().forEach((file) -> seen.add(file.id()));
			return seen;
		}, () -> this.client.async().files().list().flatMapMany(AsyncPage::autoPager).map(FileObject::id).collectList());
		assertThat(ids).containsExactly("file-1", "file-2", "file-3");
		verify(1, getRequestedFor(urlEqualTo("/v1/files?after=file-2")));
	}

	private static String page(Boolean hasMore, String id) {
		return "{\"object\":\"list\",\"data\":[" + FILE.formatted(id) + "]"
				+ ((hasMore != null) ? ",\"has_more\":" + hasMore : "") + "}";
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void conversationItemsPageAfterTheListsLastId(boolean async) {
		stubFor(get(urlEqualTo("/v1/conversations/conv_1/items")).willReturn(okJson(items("msg_1", "cursor_1", true))));
		stubFor(get(urlEqualTo("/v1/conversations/conv_1/items?after=cursor_1"))
			.willReturn(okJson(items("msg_2", "cursor_2", false))));
		List<ConversationItem> items = Calls.call(async, () -> {
			List<ConversationItem> seen = new ArrayList<>();
			this.client.conversations().items().list("conv_1").autoPager().forEach(seen::add);
			return seen;
		}, () -> this.client.async()
			.conversations()
			.items()
			.list("conv_1")
			.flatMapMany(AsyncPage::autoPager)
			.collectList());
		assertThat(items).hasSize(2);
		verify(1, getRequestedFor(urlEqualTo("/v1/conversations/conv_1/items?after=cursor_1")));
	}

	private static String items(String id, String lastId, boolean hasMore) {
		return "{\"object\":\"list\",\"data\":[{\"type\":\"message\",\"id\":\"" + id + "\",\"status\":\"completed\","
				+ "\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"hi\"}]}],\"first_id\":\"" + id
				+ "\",\"last_id\":\"" + lastId + "\",\"has_more\":" + hasMore + "}";
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aValidationErrorDoesNotKeepAnEchoedKey(boolean async, WireMockRuntimeInfo wireMock) {
		String key = "sk-secret-0123456789";
		stubFor(get("/v1/files/file-1").willReturn(okJson("{\"echo\":\"Bearer " + key + "\", ")));
		try (OpenAI keyed = OpenAI.builder().baseUrl(wireMock.getHttpBaseUrl() + "/v1").apiKey(key).build()) {
			assertThatExceptionOfType(APIResponseValidationException.class)
				.isThrownBy(() -> Calls.call(async, () -> keyed.files().retrieve("file-1"),
						() -> keyed.async().files().retrieve("file-1")))
				.satisfies((failure) -> {
					assertThat(failure.body()).contains("Bearer ****").doesNotContain(key);
					assertThat(failure).hasMessageNotContaining(key);
				});
		}
	}

	@Test
	void clientsAreAutoCloseable(WireMockRuntimeInfo wireMock) {
		HttpTransport[] transport = new HttpTransport[1];
		try (OpenAI closed = OpenAI.builder().baseUrl(wireMock.getHttpBaseUrl() + "/v1").apiKey("sk-test").build()) {
			transport[0] = ((DefaultAsyncOpenAI) closed.async()).context().transport();
		}
		assertThat(transport[0].pool().isDisposed()).isTrue();
		try (AsyncOpenAI closed = OpenAI.builder()
			.baseUrl(wireMock.getHttpBaseUrl() + "/v1")
			.apiKey("sk-test")
			.build()
			.async()) {
			transport[0] = ((DefaultAsyncOpenAI) closed).context().transport();
		}
		assertThat(transport[0].pool().isDisposed()).isTrue();
	}

}
