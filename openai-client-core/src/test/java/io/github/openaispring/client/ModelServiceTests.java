package io.github.openaispring.client;

import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.NotFoundException;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.models.DeleteModelResponse;
import io.github.openaispring.models.Model;
import io.github.openaispring.models.ModelDeleteParams;
import io.github.openaispring.models.ModelListParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@WireMockTest
class ModelServiceTests {

	private static final String MODELS = """
			{"object":"list","data":[
			 {"id":"gpt-4","object":"model","created":1687882411,"owned_by":"openai"},
			 {"id":"ft:gpt-4o-mini:org::abc","object":"model","created":1716000000,"owned_by":"org-1"},
			 {"id":"dall-e-3","object":"model","created":1698785189,"owned_by":"system","shiny":true}]}
			""";

	private OpenAI client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@Test
	void blockingCallParsesOnTheCallingThread(WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models/gpt-4").willReturn(okJson("{\"id\":[\"not\",\"a\",\"string\"]}")));
		this.client = Calls.client(wireMock);
		// Thrown where it was made: a failure on the event loop would carry that thread's stack.
		assertThatExceptionOfType(APIResponseValidationException.class)
			.isThrownBy(() -> this.client.models().retrieve("gpt-4"))
			.satisfies((failure) -> assertThat(failure.getStackTrace())
				.anySatisfy((frame) -> assertThat(frame.getMethodName()).isEqualTo("blockingCallParsesOnTheCallingThread")));
		assertThatExceptionOfType(APIResponseValidationException.class)
			.isThrownBy(() -> this.client.async().models().retrieve("gpt-4").block())
			.satisfies((failure) -> assertThat(failure.getStackTrace())
				.noneSatisfy((frame) -> assertThat(frame.getMethodName()).isEqualTo("blockingCallParsesOnTheCallingThread")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void listIsOnePage(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models").willReturn(okJson(MODELS)));
		this.client = Calls.client(wireMock);
		List<Model> models;
		if (async) {
			AsyncPage<Model> page = this.client.async().models().list().block(Calls.WAIT);
			assertThat(page.hasNextPage()).isFalse();
			assertThat(page.autoPager().collectList().block(Calls.WAIT)).hasSize(3);
			assertThatExceptionOfType(OpenAIException.class).isThrownBy(() -> page.nextPage().block(Calls.WAIT));
			models = page.data();
		}
		else {
			Page<Model> page = this.client.models().list();
			assertThat(page.hasNextPage()).isFalse();
			List<Model> all = new ArrayList<>();
			page.autoPager().forEach(all::add);
			assertThat(all).hasSize(3);
			assertThatExceptionOfType(OpenAIException.class).isThrownBy(page::nextPage);
			models = page.data();
		}
		assertThat(models).extracting(Model::id).containsExactly("gpt-4", "ft:gpt-4o-mini:org::abc", "dall-e-3");
		assertThat(models.get(0).created()).isEqualTo(1687882411L);
		assertThat(models.get(0).object()).isEqualTo("model");
		assertThat(models.get(1).ownedBy()).isEqualTo("org-1");
		assertThat(models.get(2).additionalProperties()).containsEntry("shiny", true);
		List<LoggedRequest> requests = findAll(getRequestedFor(urlEqualTo("/v1/models"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("OpenAI-Organization", equalTo("org-1"))
			.withHeader("OpenAI-Project", equalTo("proj-1"))
			.withHeader("Accept", equalTo("application/json"))
			.withHeader("Content-Type", absent()));
		assertThat(requests).as("one request, for the one page").hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void listWithParamsAndOptions(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get(anyUrl()).willReturn(okJson(MODELS)));
		this.client = Calls.client(wireMock);
		ModelListParams params = ModelListParams.builder().additionalQueryParam("owned", "me").build();
		RequestOptions options = RequestOptions.builder().header("X-Trace", "t-1").build();
		List<Model> models = Calls.call(async, () -> this.client.models().list(params, options).data(),
				() -> this.client.async().models().list(params, options).map(AsyncPage::data));
		assertThat(models).hasSize(3);
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/models?owned=me")).withHeader("X-Trace", equalTo("t-1")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void retrieveGetsOneModel(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models/gpt-4").willReturn(
				okJson("{\"id\":\"gpt-4\",\"object\":\"model\",\"created\":1687882411,\"owned_by\":\"openai\"}")));
		this.client = Calls.client(wireMock);
		Model model = Calls.call(async, () -> this.client.models().retrieve("gpt-4"),
				() -> this.client.async().models().retrieve("gpt-4"));
		assertThat(model.id()).isEqualTo("gpt-4");
		assertThat(model.ownedBy()).isEqualTo("openai");
		assertThat(model.created()).isEqualTo(1687882411L);
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/models/gpt-4"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", absent()));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void retrieveOfAnUnknownModelIsNotFound(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models/gpt-5000").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_404")
			.withBody("""
					{"error":{"message":"The model 'gpt-5000' does not exist","type":"invalid_request_error",
					 "param":"model","code":"model_not_found"}}
					""")));
		this.client = Calls.client(wireMock);
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> Calls.call(async, () -> this.client.models().retrieve("gpt-5000"),
					() -> this.client.async().models().retrieve("gpt-5000")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.requestId()).isEqualTo("req_404");
				assertThat(ex.errorCode()).isEqualTo("model_not_found");
				assertThat(ex.errorParam()).isEqualTo("model");
			});
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void deleteKeepsTheColonsOfAFineTunedModelId(boolean async, WireMockRuntimeInfo wireMock) {
		String id = "ft:gpt-4o-mini:org::abc";
		stubFor(delete(urlEqualTo("/v1/models/ft:gpt-4o-mini:org::abc")).willReturn(
				okJson("{\"id\":\"ft:gpt-4o-mini:org::abc\",\"object\":\"model\",\"deleted\":true}")));
		this.client = Calls.client(wireMock);
		DeleteModelResponse deleted = Calls.call(async, () -> this.client.models().delete(id),
				() -> this.client.async().models().delete(id));
		assertThat(deleted.id()).isEqualTo(id);
		assertThat(deleted.deleted()).isTrue();
		assertThat(deleted.object()).isEqualTo("model");
		List<LoggedRequest> requests = findAll(deleteRequestedFor(urlEqualTo("/v1/models/ft:gpt-4o-mini:org::abc"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", absent()));
		assertThat(requests).singleElement().satisfies((request) -> assertThat(request.getBody()).isEmpty());
	}

	@Test
	void pathParametersAreEncodedAsOneSegment(WireMockRuntimeInfo wireMock) {
		stubFor(get(anyUrl()).willReturn(
				okJson("{\"id\":\"x\",\"object\":\"model\",\"created\":1,\"owned_by\":\"me\"}")));
		stubFor(delete(anyUrl()).willReturn(okJson("{\"id\":\"x\",\"object\":\"model\",\"deleted\":true}")));
		this.client = Calls.client(wireMock);
		this.client.models().retrieve("org/model name?v=1#frag");
		this.client.models().delete(ModelDeleteParams.builder().model("50%/ü").build(), RequestOptions.none());
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/models/org%2Fmodel%20name%3Fv=1%23frag")));
		verify(exactly(1), deleteRequestedFor(urlEqualTo("/v1/models/50%25%2F%C3%BC")));
	}


	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void everyShortcutTakesRequestOptionsAndEveryParamsFormHasAShortOne(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models").willReturn(okJson(MODELS)));
		stubFor(get("/v1/models/gpt-4").willReturn(
				okJson("{\"id\":\"gpt-4\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}")));
		stubFor(delete("/v1/models/gpt-4").willReturn(okJson("{\"id\":\"gpt-4\",\"object\":\"model\",\"deleted\":true}")));
		this.client = Calls.client(wireMock);
		RequestOptions options = RequestOptions.builder().header("X-Call", "1").build();
		var sync = this.client.models();
		var reactive = this.client.async().models();
		var retrieveParams = io.github.openaispring.models.ModelRetrieveParams.builder().model("gpt-4").build();
		var deleteParams = ModelDeleteParams.builder().model("gpt-4").build();
		var listParams = ModelListParams.builder().build();
		Calls.call(async, () -> sync.list(listParams).data(), () -> reactive.list(listParams).map(AsyncPage::data));
		Calls.call(async, () -> sync.retrieve("gpt-4", options), () -> reactive.retrieve("gpt-4", options));
		Calls.call(async, () -> sync.retrieve(retrieveParams), () -> reactive.retrieve(retrieveParams));
		Calls.call(async, () -> sync.delete("gpt-4", options), () -> reactive.delete("gpt-4", options));
		Calls.call(async, () -> sync.delete(deleteParams), () -> reactive.delete(deleteParams));
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/models")));
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/models/gpt-4")).withHeader("X-Call", equalTo("1")));
		verify(exactly(1), getRequestedFor(urlEqualTo("/v1/models/gpt-4")).withHeader("X-Call", absent()));
		verify(exactly(1), deleteRequestedFor(urlEqualTo("/v1/models/gpt-4")).withHeader("X-Call", equalTo("1")));
		verify(exactly(1), deleteRequestedFor(urlEqualTo("/v1/models/gpt-4")).withHeader("X-Call", absent()));
	}

}
