package io.github.openaispring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionDeleted;
import io.github.openaispring.models.ChatCompletionListParams;
import io.github.openaispring.models.ChatCompletionMessageList;
import io.github.openaispring.models.ChatCompletionMessageListParams;
import io.github.openaispring.models.ChatCompletionUpdateParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Stored chat completions: retrieve, update, delete, list with its cursor paging, and the
 * messages of a completion.
 */
@WireMockTest
class ChatCompletionStoredTests {

	private OpenAI client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private static String completion(String id) {
		return """
				{"id":"%s","object":"chat.completion","created":1741569952,"model":"gpt-4o",
				 "metadata":{"project":"alpha"},
				 "choices":[{"index":0,"message":{"role":"assistant","content":"Answer %s","refusal":null},
				  "logprobs":null,"finish_reason":"stop"}]}
				""".formatted(id, id);
	}

	private static String list(boolean hasMore, String... ids) {
		String data = java.util.Arrays.stream(ids).map(ChatCompletionStoredTests::completion)
			.collect(Collectors.joining(","));
		return """
				{"object":"list","data":[%s],"first_id":"%s","last_id":"%s","has_more":%s}
				""".formatted(data, ids[0], ids[ids.length - 1], hasMore);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void retrieveGetsTheStoredCompletion(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/chat/completions/chatcmpl-abc").willReturn(okJson(completion("chatcmpl-abc"))));
		this.client = Calls.client(wireMock);
		ChatCompletion completion = Calls.call(async,
				() -> this.client.chat().completions().retrieve("chatcmpl-abc"),
				() -> this.client.async().chat().completions().retrieve("chatcmpl-abc"));
		assertThat(completion.id()).isEqualTo("chatcmpl-abc");
		assertThat(completion.metadata()).containsEntry("project", "alpha");
		assertThat(completion.choices().get(0).message().content()).isEqualTo("Answer chatcmpl-abc");
		List<LoggedRequest> requests = findAll(getRequestedFor(urlEqualTo("/v1/chat/completions/chatcmpl-abc"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("OpenAI-Organization", equalTo("org-1"))
			.withHeader("OpenAI-Project", equalTo("proj-1"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Content-Type", absent()));
		assertThat(requests).singleElement().satisfies((request) -> assertThat(request.getBody()).isEmpty());
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void updateSendsTheMetadata(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/chat/completions/chatcmpl-abc").willReturn(okJson(completion("chatcmpl-abc")
			.replace("{\"project\":\"alpha\"}", "{\"project\":\"alpha\",\"topic\":\"physics\"}"))));
		this.client = Calls.client(wireMock);
		ChatCompletionUpdateParams params = ChatCompletionUpdateParams.builder()
			.completionId("chatcmpl-abc")
			.putMetadata("project", "alpha")
			.putMetadata("topic", "physics")
			.build();
		ChatCompletion completion = Calls.call(async, () -> this.client.chat().completions().update(params),
				() -> this.client.async().chat().completions().update(params));
		assertThat(completion.metadata()).containsEntry("project", "alpha").containsEntry("topic", "physics");
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/chat/completions/chatcmpl-abc"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"metadata\":{\"project\":\"alpha\",\"topic\":\"physics\"}}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void deleteDeletesTheStoredCompletion(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(delete("/v1/chat/completions/chatcmpl-abc").willReturn(
				okJson("{\"object\":\"chat.completion.deleted\",\"id\":\"chatcmpl-abc\",\"deleted\":true}")));
		this.client = Calls.client(wireMock);
		ChatCompletionDeleted deleted = Calls.call(async,
				() -> this.client.chat().completions().delete("chatcmpl-abc"),
				() -> this.client.async().chat().completions().delete("chatcmpl-abc"));
		assertThat(deleted.id()).isEqualTo("chatcmpl-abc");
		assertThat(deleted.deleted()).isTrue();
		assertThat(deleted.object()).isEqualTo("chat.completion.deleted");
		List<LoggedRequest> requests = findAll(deleteRequestedFor(urlEqualTo("/v1/chat/completions/chatcmpl-abc"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", absent()));
		assertThat(requests).singleElement().satisfies((request) -> assertThat(request.getBody()).isEmpty());
	}

	private static void stubThreePages() {
		stubFor(get(urlPathEqualTo("/v1/chat/completions")).withQueryParam("after", absent())
			.willReturn(okJson(list(true, "c1", "c2"))));
		stubFor(get(urlPathEqualTo("/v1/chat/completions")).withQueryParam("after", equalTo("c2"))
			.willReturn(okJson(list(true, "c3", "c4"))));
		stubFor(get(urlPathEqualTo("/v1/chat/completions")).withQueryParam("after", equalTo("c4"))
			.willReturn(okJson(list(false, "c5"))));
	}

	private static ChatCompletionListParams listParams() {
		return ChatCompletionListParams.builder()
			.model("gpt-4o")
			.putMetadata("project", "alpha")
			.limit(2L)
			.order("asc")
			.build();
	}

	/**
	 * Return the URLs of the list requests received, after a moment for a request the reactive
	 * client might have sent ahead of demand to arrive: proving a request was not sent needs a
	 * wait. {@link AsyncPageTests} proves the same without one.
	 * @return the URLs
	 */
	private static List<String> settledUrls() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return requestedUrls();
	}

	private static List<String> requestedUrls() {
		return findAll(getRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
			.map(LoggedRequest::getUrl)
			.toList();
	}

	private static final String FIRST = "/v1/chat/completions?model=gpt-4o&metadata%5Bproject%5D=alpha&limit=2&order=asc";

	private static final String SECOND = "/v1/chat/completions?model=gpt-4o&metadata%5Bproject%5D=alpha&after=c2&limit=2&order=asc";

	private static final String THIRD = "/v1/chat/completions?model=gpt-4o&metadata%5Bproject%5D=alpha&after=c4&limit=2&order=asc";

	@Test
	void listSendsTheQueryAndPagesLazily(WireMockRuntimeInfo wireMock) {
		stubThreePages();
		this.client = Calls.client(wireMock);
		Page<ChatCompletion> page = this.client.chat().completions().list(listParams());
		assertThat(page.data()).extracting(ChatCompletion::id).containsExactly("c1", "c2");
		assertThat(page.hasNextPage()).isTrue();
		assertThat(requestedUrls()).containsExactly(FIRST);
		List<String> ids = new ArrayList<>();
		for (ChatCompletion completion : page.autoPager()) {
			ids.add(completion.id());
			int pagesNeeded = (ids.size() + 1) / 2;
			assertThat(requestedUrls()).as("after %s items", ids.size()).hasSize(pagesNeeded);
		}
		assertThat(ids).containsExactly("c1", "c2", "c3", "c4", "c5");
		assertThat(requestedUrls()).containsExactly(FIRST, SECOND, THIRD);
		verify(exactly(3), getRequestedFor(urlPathEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", absent()));
	}

	@Test
	void listPagesOneByOne(WireMockRuntimeInfo wireMock) {
		stubThreePages();
		this.client = Calls.client(wireMock);
		Page<ChatCompletion> first = this.client.chat().completions().list(listParams());
		Page<ChatCompletion> second = first.nextPage();
		assertThat(second.data()).extracting(ChatCompletion::id).containsExactly("c3", "c4");
		Page<ChatCompletion> third = second.nextPage();
		assertThat(third.data()).extracting(ChatCompletion::id).containsExactly("c5");
		assertThat(third.hasNextPage()).isFalse();
		assertThatExceptionOfType(OpenAIException.class).isThrownBy(third::nextPage);
		assertThat(requestedUrls()).containsExactly(FIRST, SECOND, THIRD);
		assertThat(first.stream().map(ChatCompletion::id).limit(3)).containsExactly("c1", "c2", "c3");
		assertThat(requestedUrls()).containsExactly(FIRST, SECOND, THIRD, SECOND);
	}

	@Test
	void asyncListSendsTheQueryAndPagesLazily(WireMockRuntimeInfo wireMock) {
		stubThreePages();
		this.client = Calls.client(wireMock);
		AsyncPage<ChatCompletion> page = this.client.async().chat().completions().list(listParams()).block(Calls.WAIT);
		assertThat(page.data()).extracting(ChatCompletion::id).containsExactly("c1", "c2");
		assertThat(page.hasNextPage()).isTrue();
		assertThat(settledUrls()).containsExactly(FIRST);
		StepVerifier.create(page.autoPager().map(ChatCompletion::id), 0)
			.thenRequest(2)
			.expectNext("c1", "c2")
			.then(() -> assertThat(settledUrls()).containsExactly(FIRST))
			.thenRequest(1)
			.expectNext("c3")
			.then(() -> assertThat(settledUrls()).containsExactly(FIRST, SECOND))
			.thenRequest(1)
			.expectNext("c4")
			.then(() -> assertThat(settledUrls()).containsExactly(FIRST, SECOND))
			.thenRequest(10)
			.expectNext("c5")
			.expectComplete()
			.verify(Calls.WAIT);
		assertThat(settledUrls()).containsExactly(FIRST, SECOND, THIRD);
		assertThat(page.autoPager().map(ChatCompletion::id).take(2).collectList().block(Calls.WAIT))
			.containsExactly("c1", "c2");
		assertThat(settledUrls()).as("taking the first page's items fetches no other page")
			.containsExactly(FIRST, SECOND, THIRD);
		AsyncPage<ChatCompletion> second = page.nextPage().block(Calls.WAIT);
		assertThat(second.data()).extracting(ChatCompletion::id).containsExactly("c3", "c4");
		assertThat(second.hasNextPage()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void messagesListPagesThroughTheMessages(boolean async, WireMockRuntimeInfo wireMock) {
		String message = "{\"id\":\"%s\",\"role\":\"user\",\"content\":\"Message %s\",\"content_parts\":null}";
		stubFor(get(urlPathEqualTo("/v1/chat/completions/chatcmpl-abc/messages")).withQueryParam("after", absent())
			.willReturn(okJson("{\"object\":\"list\",\"data\":[" + message.formatted("m1", "m1") + ","
					+ message.formatted("m2", "m2") + "],\"first_id\":\"m1\",\"last_id\":\"m2\",\"has_more\":true}")));
		stubFor(get(urlPathEqualTo("/v1/chat/completions/chatcmpl-abc/messages")).withQueryParam("after", equalTo("m2"))
			.willReturn(okJson("{\"object\":\"list\",\"data\":[" + message.formatted("m3", "m3")
					+ "],\"first_id\":\"m3\",\"last_id\":\"m3\",\"has_more\":false}")));
		this.client = Calls.client(wireMock);
		ChatCompletionMessageListParams params = ChatCompletionMessageListParams.builder()
			.completionId("chatcmpl-abc")
			.limit(2L)
			.order("desc")
			.build();
		List<ChatCompletionMessageList.Data> messages;
		if (async) {
			messages = this.client.async().chat().completions().messages().list(params, RequestOptions.none())
				.flatMapMany(AsyncPage::autoPager)
				.collectList()
				.block(Calls.WAIT);
		}
		else {
			messages = new ArrayList<>();
			this.client.chat().completions().messages().list(params, RequestOptions.none()).autoPager()
				.forEach(messages::add);
		}
		assertThat(messages).extracting(ChatCompletionMessageList.Data::id).containsExactly("m1", "m2", "m3");
		assertThat(messages).extracting(ChatCompletionMessageList.Data::content)
			.containsExactly("Message m1", "Message m2", "Message m3");
		assertThat(messages.get(0).role()).isEqualTo("user");
		assertThat(findAll(getRequestedFor(urlPathMatching("/v1/chat/completions/.*/messages"))))
			.extracting(LoggedRequest::getUrl)
			.containsExactly("/v1/chat/completions/chatcmpl-abc/messages?limit=2&order=desc",
					"/v1/chat/completions/chatcmpl-abc/messages?after=m2&limit=2&order=desc");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void messagesListOfACompletionId(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/chat/completions/chatcmpl-abc/messages").willReturn(okJson(
				"{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}")));
		this.client = Calls.client(wireMock);
		List<ChatCompletionMessageList.Data> data = Calls.call(async,
				() -> this.client.chat().completions().messages().list("chatcmpl-abc").data(),
				() -> this.client.async().chat().completions().messages().list("chatcmpl-abc").map(AsyncPage::data));
		assertThat(data).isEmpty();
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/chat/completions/chatcmpl-abc/messages")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void listWithoutParams(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/chat/completions").willReturn(okJson(list(false, "c1"))));
		this.client = Calls.client(wireMock);
		List<ChatCompletion> data = Calls.call(async, () -> this.client.chat().completions().list().data(),
				() -> this.client.async().chat().completions().list().map(AsyncPage::data));
		assertThat(data).extracting(ChatCompletion::id).containsExactly("c1");
		assertThat(requestedUrls()).containsExactly("/v1/chat/completions");
	}


	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void everyShortcutTakesRequestOptionsAndEveryParamsFormHasAShortOne(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/chat/completions/c1").willReturn(okJson(completion("c1"))));
		stubFor(delete("/v1/chat/completions/c1")
			.willReturn(okJson("{\"object\":\"chat.completion.deleted\",\"id\":\"c1\",\"deleted\":true}")));
		stubFor(get(urlPathEqualTo("/v1/chat/completions/c1/messages")).willReturn(okJson(
				"{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}")));
		this.client = Calls.client(wireMock);
		RequestOptions options = RequestOptions.builder().header("X-Call", "1").build();
		var sync = this.client.chat().completions();
		var reactive = this.client.async().chat().completions();
		var retrieveParams = io.github.openaispring.models.ChatCompletionRetrieveParams.builder().completionId("c1").build();
		var deleteParams = io.github.openaispring.models.ChatCompletionDeleteParams.builder().completionId("c1").build();
		var messagesParams = ChatCompletionMessageListParams.builder().completionId("c1").build();
		Calls.call(async, () -> sync.retrieve("c1", options), () -> reactive.retrieve("c1", options));
		Calls.call(async, () -> sync.retrieve(retrieveParams), () -> reactive.retrieve(retrieveParams));
		Calls.call(async, () -> sync.delete("c1", options), () -> reactive.delete("c1", options));
		Calls.call(async, () -> sync.delete(deleteParams), () -> reactive.delete(deleteParams));
		Calls.call(async, () -> sync.messages().list("c1", options).data(),
				() -> reactive.messages().list("c1", options).map(AsyncPage::data));
		Calls.call(async, () -> sync.messages().list(messagesParams).data(),
				() -> reactive.messages().list(messagesParams).map(AsyncPage::data));
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/chat/completions/c1")).withHeader("X-Call", equalTo("1")));
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/chat/completions/c1")).withHeader("X-Call", absent()));
		verify(exactly(1), deleteRequestedFor(urlEqualTo("/v1/chat/completions/c1")).withHeader("X-Call", equalTo("1")));
		verify(exactly(1), deleteRequestedFor(urlEqualTo("/v1/chat/completions/c1")).withHeader("X-Call", absent()));
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/chat/completions/c1/messages")).withHeader("X-Call", equalTo("1")));
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/chat/completions/c1/messages")).withHeader("X-Call", absent()));
	}

}
