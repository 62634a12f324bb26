package io.github.openaispring.client;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.core.http.TransportSettings;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.Model;
import io.github.openaispring.models.ModelListParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
 * How a client is configured: builder defaults, the environment, the API key, the base URL,
 * derived clients, default headers and query parameters, and per-call options.
 */
@WireMockTest
class ClientConfigurationTests {

	private static final String MODEL = "{\"id\":\"gpt-4\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}";

	private static final String MODELS = "{\"object\":\"list\",\"data\":[" + MODEL + "]}";

	private static final String COMPLETION = """
			{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o",
			 "choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"logprobs":null,"finish_reason":"stop"}]}
			""";

	private final List<OpenAI> clients = new java.util.ArrayList<>();

	@AfterEach
	void close() {
		this.clients.forEach(OpenAI::close);
	}

	private OpenAI track(OpenAI client) {
		this.clients.add(client);
		return client;
	}

	private static String baseUrl(WireMockRuntimeInfo wireMock) {
		return wireMock.getHttpBaseUrl() + "/v1";
	}

	private static Model retrieve(boolean async, OpenAI client) {
		return Calls.call(async, () -> client.models().retrieve("gpt-4"), () -> client.async().models().retrieve("gpt-4"));
	}

	// Defaults and the environment

	@Test
	void builderDefaults() {
		OpenAI client = track(OpenAI.builder().apiKey("sk-test").build());
		ClientOptions options = client.options();
		assertThat(options.baseUrl()).isEqualTo("https://api.openai.com/v1").isEqualTo(ClientOptions.DEFAULT_BASE_URL);
		assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(10));
		assertThat(options.maxRetries()).isEqualTo(2);
		assertThat(options.organization()).isNull();
		assertThat(options.project()).isNull();
		assertThat(options.defaultHeaders()).isEmpty();
		assertThat(options.defaultQueryParams()).isEmpty();
		assertThat(options.idempotencyKeys()).isFalse();
		assertThat(options.retry()).isEqualTo(ClientOptions.RetrySettings.DEFAULTS);
		assertThat(TransportSettings.DEFAULTS.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(ClientOptions.builder().apiKey("sk-test").build().timeout()).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void fromEnvReadsTheFourVariables() {
		Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-env", "OPENAI_ORG_ID", "org-env", "OPENAI_PROJECT_ID",
				"proj-env", "OPENAI_BASE_URL", "https://gateway.example.com/openai/v1/");
		OpenAI client = track(OpenAI.builder().fromEnv(env::get).build());
		assertThat(client.options().apiKey()).isEqualTo("sk-env");
		assertThat(client.options().organization()).isEqualTo("org-env");
		assertThat(client.options().project()).isEqualTo("proj-env");
		assertThat(client.options().baseUrl()).isEqualTo("https://gateway.example.com/openai/v1");
		assertThat(client.authHeaders()).containsEntry("Authorization", List.of("Bearer sk-env"))
			.containsEntry("OpenAI-Organization", List.of("org-env"))
			.containsEntry("OpenAI-Project", List.of("proj-env"));
	}

	@Test
	void explicitValuesSetAfterFromEnvWin() {
		Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-env", "OPENAI_ORG_ID", "org-env", "OPENAI_PROJECT_ID",
				"proj-env", "OPENAI_BASE_URL", "https://gateway.example.com/v1");
		OpenAI client = track(OpenAI.builder()
			.fromEnv(env::get)
			.apiKey("sk-explicit")
			.organization("org-explicit")
			.project("proj-explicit")
			.baseUrl("http://localhost:1/v1")
			.build());
		assertThat(client.options().apiKey()).isEqualTo("sk-explicit");
		assertThat(client.options().organization()).isEqualTo("org-explicit");
		assertThat(client.options().project()).isEqualTo("proj-explicit");
		assertThat(client.options().baseUrl()).isEqualTo("http://localhost:1/v1");
	}

	@Test
	void fromEnvLeavesUnsetVariablesAtTheirDefaults() {
		OpenAI client = track(OpenAI.builder().fromEnv(Map.of("OPENAI_API_KEY", "sk-env")::get).build());
		assertThat(client.options().baseUrl()).isEqualTo(ClientOptions.DEFAULT_BASE_URL);
		assertThat(client.options().organization()).isNull();
		assertThat(client.options().project()).isNull();
		assertThat(client.authHeaders()).containsOnlyKeys("Authorization");
	}

	@Test
	void aMissingKeyForOpenAIFailsAtBuildNamingTheMethodAndTheVariable() {
		assertThatExceptionOfType(OpenAIException.class).isThrownBy(() -> OpenAI.builder().build())
			.withMessageContaining("apiKey(")
			.withMessageContaining("OPENAI_API_KEY");
		assertThatExceptionOfType(OpenAIException.class)
			.isThrownBy(() -> OpenAI.builder().fromEnv(Map.<String, String>of()::get).build())
			.withMessageContaining("apiKey(")
			.withMessageContaining("OPENAI_API_KEY");
		assertThatExceptionOfType(OpenAIException.class)
			.isThrownBy(() -> OpenAI.builder().fromEnv(Map.of("OPENAI_API_KEY", "  ")::get).build())
			.withMessageContaining("OPENAI_API_KEY");
		assertThatExceptionOfType(OpenAIException.class)
			.isThrownBy(() -> OpenAI.builder().baseUrl("https://eu.api.openai.com/v1").build())
			.withMessageContaining("OPENAI_API_KEY");
		assertThatExceptionOfType(OpenAIException.class).isThrownBy(() -> OpenAI.builder().apiKey(" "));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aKeyIsOptionalForAnotherServerAndThenNoAuthorizationIsSent(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models/gpt-4").willReturn(okJson(MODEL)));
		OpenAI client = track(OpenAI.builder().baseUrl(baseUrl(wireMock)).build());
		assertThat(client.options().apiKey()).isNull();
		assertThat(client.authHeaders()).doesNotContainKey("Authorization");
		assertThat(retrieve(async, client).id()).isEqualTo("gpt-4");
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/models/gpt-4")).withHeader("Authorization", absent())
			.withHeader("OpenAI-Organization", absent())
			.withHeader("OpenAI-Project", absent())
			.withHeader("User-Agent", matching("openai-spring/.+")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aKeySupplierIsReadBeforeEachRequest(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models/gpt-4").willReturn(okJson(MODEL)));
		AtomicReference<String> key = new AtomicReference<>("sk-first");
		OpenAI client = track(OpenAI.builder().baseUrl(baseUrl(wireMock)).apiKey(key::get).build());
		retrieve(async, client);
		key.set("sk-second");
		retrieve(async, client);
		assertThat(findAll(getRequestedFor(urlEqualTo("/v1/models/gpt-4"))))
			.extracting((request) -> request.getHeader("Authorization"))
			.containsExactly("Bearer sk-first", "Bearer sk-second");
		assertThat(client.authHeaders()).containsEntry("Authorization", List.of("Bearer sk-second"));
	}

	@Test
	void anInvalidBaseUrlFailsAtBuild() {
		for (String invalid : List.of("not a url", "api.openai.com/v1", "ftp://files.example.com/v1", "localhost:8080",
				"", "http://exa mple.com/v1", "/v1", "https://example.openai.azure.com/openai?api-version=1",
				"http://localhost:8080/v1#top")) {
			assertThatExceptionOfType(InvalidBaseUrlException.class).as(invalid)
				.isThrownBy(() -> OpenAI.builder().apiKey("sk-test").baseUrl(invalid).build())
				.satisfies((ex) -> assertThat(ex.baseUrl()).isEqualTo(invalid));
		}
		assertThatExceptionOfType(InvalidBaseUrlException.class)
			.isThrownBy(() -> OpenAI.builder().fromEnv(Map.of("OPENAI_API_KEY", "sk", "OPENAI_BASE_URL", "nope")::get)
				.build());
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aBaseUrlWithATrailingSlashOrAPrefixPath(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/openai/deployments/v1/models/gpt-4").willReturn(okJson(MODEL)));
		OpenAI client = track(OpenAI.builder().baseUrl(wireMock.getHttpBaseUrl() + "/openai/deployments/v1/").build());
		assertThat(retrieve(async, client).id()).isEqualTo("gpt-4");
		verify(exactly(1), getRequestedFor(urlEqualTo("/openai/deployments/v1/models/gpt-4")));
	}

	// Derived clients

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void withOptionsSharesThePoolAndLeavesTheOriginalUnchanged(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models/gpt-4").willReturn(okJson(MODEL)));
		OpenAI original = track(OpenAI.builder()
			.baseUrl(baseUrl(wireMock))
			.apiKey("sk-original")
			.defaultHeader("X-Client", "original")
			.build());
		OpenAI derived = original.withOptions((o) -> o.timeout(Duration.ofSeconds(20))
			.maxRetries(5)
			.apiKey("sk-derived")
			.defaultHeader("X-Client", "derived")
			.organization("org-derived"));
		assertThat(transport(derived)).isSameAs(transport(original));
		assertThat(transport(derived).pool()).isSameAs(transport(original).pool());
		assertThat(transport(derived.async())).isSameAs(transport(original));
		assertThat(transport(original.async().withOptions((o) -> o.maxRetries(0)))).isSameAs(transport(original));
		assertThat(derived.options().timeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(derived.options().maxRetries()).isEqualTo(5);
		assertThat(derived.options().baseUrl()).isEqualTo(original.options().baseUrl());
		assertThat(original.options().timeout()).isEqualTo(Duration.ofMinutes(10));
		assertThat(original.options().maxRetries()).isEqualTo(2);
		assertThat(original.options().organization()).isNull();
		retrieve(async, original);
		retrieve(async, derived);
		retrieve(async, original);
		assertThat(findAll(getRequestedFor(urlEqualTo("/v1/models/gpt-4"))))
			.extracting((request) -> request.getHeader("Authorization") + " " + request.getHeader("X-Client") + " "
					+ request.getHeader("OpenAI-Organization"))
			.containsExactly("Bearer sk-original original null", "Bearer sk-derived derived org-derived",
					"Bearer sk-original original null");
	}

	@Test
	void asyncAndSyncViewsShareOptionsAndTransport(WireMockRuntimeInfo wireMock) {
		OpenAI client = track(OpenAI.builder().baseUrl(baseUrl(wireMock)).apiKey("sk-test").build());
		AsyncOpenAI async = client.async();
		assertThat(async.options()).isSameAs(client.options());
		assertThat(async.sync().options()).isSameAs(client.options());
		assertThat(transport(async.sync())).isSameAs(transport(client));
		AsyncOpenAI built = OpenAI.builder().baseUrl(baseUrl(wireMock)).apiKey("sk-test").buildAsync();
		this.clients.add(built.sync());
		assertThat(built.options().baseUrl()).isEqualTo(baseUrl(wireMock));
	}

	private static HttpTransport transport(OpenAI client) {
		return transport(client.async());
	}

	private static HttpTransport transport(AsyncOpenAI client) {
		return ((DefaultAsyncOpenAI) client).context().transport();
	}

	// Default headers and query parameters, and per-call options

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void defaultHeadersAndQueryParamsAreSentWithEveryRequest(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get(urlPathEqualTo("/v1/models")).willReturn(okJson(MODELS)));
		stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(okJson(COMPLETION)));
		OpenAI client = track(OpenAI.builder()
			.baseUrl(baseUrl(wireMock))
			.apiKey("sk-test")
			.defaultHeader("X-Team", "search")
			.defaultQueryParam("api-version", "2024-10-21")
			.build());
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build();
		Calls.call(async, () -> client.models().list().data(),
				() -> client.async().models().list().map(AsyncPage::data));
		Calls.call(async, () -> client.chat().completions().create(params),
				() -> client.async().chat().completions().create(params));
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/models?api-version=2024-10-21"))
			.withHeader("X-Team", equalTo("search"))
			.withHeader("Authorization", equalTo("Bearer sk-test")));
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/chat/completions?api-version=2024-10-21"))
			.withHeader("X-Team", equalTo("search"))
			.withRequestBody(equalToJson("{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void requestOptionsWinForTheirCall(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(okJson(COMPLETION)));
		OpenAI client = track(OpenAI.builder()
			.baseUrl(baseUrl(wireMock))
			.apiKey("sk-test")
			.defaultHeader("X-Env", "client")
			.defaultQueryParam("v", "client")
			.defaultQueryParam("keep", "yes")
			.build());
		ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
			.model("gpt-4o")
			.addUserMessage("Hi")
			.temperature(0.7)
			.additionalHeader("X-Param", "params")
			.additionalQueryParam("q", "params")
			.additionalBodyProperty("custom", "params")
			.additionalBodyProperty("overridden", "params")
			.build();
		RequestOptions options = RequestOptions.builder()
			.extraBody("overridden", "call")
			.header("X-Env", "call")
			.header("X-Param", "call")
			.queryParam("v", "call")
			.queryParam("q", "call")
			.extraBody("temperature", 0.1)
			.extraBody("reasoning", Map.of("effort", "low"))
			.build();
		ChatCompletion completion = Calls.call(async, () -> client.chat().completions().create(params, options),
				() -> client.async().chat().completions().create(params, options));
		assertThat(completion.id()).isEqualTo("chatcmpl-1");
		List<LoggedRequest> requests = findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
		assertThat(requests).singleElement().satisfies((request) -> {
			assertThat(request.getUrl()).isEqualTo("/v1/chat/completions?v=call&keep=yes&q=call");
			assertThat(request.getHeaders().getHeader("X-Env").values()).containsExactly("call");
			assertThat(request.getHeaders().getHeader("X-Param").values()).containsExactly("call");
		});
		verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(equalToJson("""
				{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"temperature":0.1,
				 "reasoning":{"effort":"low"},"custom":"params","overridden":"call"}
				""")));
		Calls.call(async, () -> client.chat().completions().create(params),
				() -> client.async().chat().completions().create(params));
		assertThat(findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).get(1).getUrl())
			.as("the next call is back to the client's options")
			.isEqualTo("/v1/chat/completions?v=client&keep=yes&q=params");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void requestOptionsOnAListCallApplyToEveryPage(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get(urlPathEqualTo("/v1/models")).willReturn(okJson(MODELS)));
		OpenAI client = track(OpenAI.builder().baseUrl(baseUrl(wireMock)).apiKey("sk-test").build());
		RequestOptions options = RequestOptions.builder().header("X-Call", "1").queryParam("x", "1").build();
		Calls.call(async, () -> client.models().list(ModelListParams.builder().build(), options).data(),
				() -> client.async().models().list(ModelListParams.builder().build(), options).map(AsyncPage::data));
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/models?x=1")).withHeader("X-Call", equalTo("1")));
	}

	@Test
	void authAndDefaultHeaders() {
		OpenAI client = track(OpenAI.builder()
			.apiKey("sk-test")
			.organization("org-1")
			.project("proj-1")
			.defaultHeader("X-Team", "search")
			.build());
		assertThat(client.authHeaders()).containsExactly(Map.entry("Authorization", List.of("Bearer sk-test")),
				Map.entry("OpenAI-Organization", List.of("org-1")), Map.entry("OpenAI-Project", List.of("proj-1")));
		assertThat(client.defaultHeaders()).containsAllEntriesOf(client.authHeaders())
			.containsEntry("X-Team", List.of("search"))
			.containsEntry("User-Agent", List.of(HttpTransport.userAgent()));
		assertThat(HttpTransport.userAgent()).matches("openai-spring/\\S+ Java/\\S+");
		assertThat(client.toString()).doesNotContain("sk-test");
		assertThat(client.options().toString()).doesNotContain("sk-test");
	}

	@Test
	void qsFormatsAsTheApiReadsIt() {
		OpenAI client = track(OpenAI.builder().apiKey("sk-test").build());
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("limit", 20);
		params.put("include", List.of("a", "b"));
		params.put("metadata", Map.of("project", "alpha"));
		params.put("skipped", null);
		params.put("stream", true);
		params.put("q", "a b&c=d/é");
		assertThat(client.qs(params))
			.isEqualTo("limit=20&include%5B%5D=a&include%5B%5D=b&metadata%5Bproject%5D=alpha&stream=true&q=a%20b%26c%3Dd%2F%C3%A9");
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("filter", Map.of("created", Map.of("gte", 5)));
		assertThat(client.qs(nested)).isEqualTo("filter%5Bcreated%5D%5Bgte%5D=5");
		assertThat(client.qs(Map.of("ids", new String[] { "a", "b" }))).isEqualTo("ids%5B%5D=a&ids%5B%5D=b");
		assertThat(client.qs(Map.of("n", new int[] { 1, 2 }))).isEqualTo("n%5B%5D=1&n%5B%5D=2");
		assertThat(client.qs(Map.of())).isEmpty();
	}

	@Test
	void optionsAreValidated() {
		assertThatExceptionOfType(OpenAIException.class)
			.isThrownBy(() -> OpenAI.builder().apiKey("sk-test").maxRetries(-1).build());
		assertThatExceptionOfType(OpenAIException.class)
			.isThrownBy(() -> OpenAI.builder().apiKey("sk-test").timeout(Duration.ZERO).build());
		OpenAI client = track(OpenAI.builder().apiKey("sk-test").build());
		assertThatExceptionOfType(InvalidBaseUrlException.class)
			.isThrownBy(() -> client.withOptions((o) -> o.baseUrl("nope")));
	}

	@Test
	void fromEnvOfTheProcessNeedsAKey() {
		String key = System.getenv("OPENAI_API_KEY");
		if (key == null || key.isBlank()) {
			assertThatExceptionOfType(OpenAIException.class).isThrownBy(OpenAI::fromEnv)
				.withMessageContaining("OPENAI_API_KEY");
		}
		else {
			track(OpenAI.fromEnv());
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anyResponseOfTheServerIsReadWithAnyUrl(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get(anyUrl()).willReturn(okJson(MODEL)));
		OpenAI client = track(OpenAI.builder().baseUrl(baseUrl(wireMock)).apiKey("sk-test").organization("org-1").build());
		assertThat(retrieve(async, client).ownedBy()).isEqualTo("openai");
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/models/gpt-4")).withHeader("OpenAI-Organization", equalTo("org-1"))
			.withHeader("OpenAI-Project", absent()));
	}

}
