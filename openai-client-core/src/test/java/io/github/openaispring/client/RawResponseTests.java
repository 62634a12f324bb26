package io.github.openaispring.client;

import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.NotFoundException;
import io.github.openaispring.models.Model;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code withRawResponse()}: the status, headers and request id of a response as well as its
 * result, the body parsed only when asked.
 */
class RawResponseTests extends WireMockClientTests {

	private static final String MODEL = "{\"id\":\"gpt-4o\",\"object\":\"model\",\"created\":1,\"owned_by\":\"openai\"}";

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void headersAndRequestIdComeWithTheParsedResult(boolean async) {
		stubFor(get("/v1/models/gpt-4o").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_raw")
			.withHeader("X-RateLimit-Remaining-Requests", "59")
			.withBody(MODEL)));
		RawResponse<Model> raw = Calls.call(async, () -> this.client.withRawResponse().models().retrieve("gpt-4o"),
				() -> this.client.async().withRawResponse().models().retrieve("gpt-4o"));
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.requestId()).isEqualTo("req_raw");
		assertThat(raw.header("x-ratelimit-remaining-requests")).isEqualTo("59");
		assertThat(raw.header("X-RateLimit-Remaining-Requests")).isEqualTo("59");
		assertThat(raw.headers()).containsKey("x-ratelimit-remaining-requests");
		assertThat(raw.bodyText()).isEqualTo(MODEL);
		Model model = raw.parse();
		assertThat(model.id()).isEqualTo("gpt-4o");
		assertThat(model.ownedBy()).isEqualTo("openai");
		assertThat(raw.parse()).isSameAs(model);
		assertThat(raw.toString()).contains("status=200", "req_raw").doesNotContain("owned_by");
	}

	@Test
	void aBodyThatDoesNotParseFailsWhenParsedNotWhenReceived() {
		stubFor(get("/v1/models/gpt-4o").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_bad")
			.withBody("{\"id\":\"gpt-4o\",\"created\":\"yesterday\"")));
		RawResponse<Model> raw = this.client.withRawResponse().models().retrieve("gpt-4o");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.bodyText()).startsWith("{\"id\"");
		assertThatThrownBy(raw::parse).isInstanceOf(APIResponseValidationException.class)
			.hasMessageContaining("req_bad");
	}

	@Test
	void anErrorStatusIsStillTheTypedException() {
		stubFor(get("/v1/models/nope").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"The model `nope` does not exist\",\"type\":\"invalid_request_error\"}}")));
		assertThatThrownBy(() -> this.client.withRawResponse().models().retrieve("nope"))
			.isInstanceOf(NotFoundException.class)
			.hasMessageContaining("does not exist");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aRawListParsesToAPageThatFetchesTheNextOnes(boolean async) {
		stubFor(get("/v1/chat/completions").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_list")
			.withBody("{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}")));
		int items = async
				? this.client.async().withRawResponse().chat().completions().list().block(Calls.WAIT).parse().data().size()
				: this.client.withRawResponse().chat().completions().list().parse().data().size();
		assertThat(items).isZero();
	}

}
