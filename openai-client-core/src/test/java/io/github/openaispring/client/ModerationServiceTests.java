package io.github.openaispring.client;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.models.CreateModerationResponse;
import io.github.openaispring.models.ModerationCreateParams;
import io.github.openaispring.models.ModerationCreateParams.Input.InputItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

@WireMockTest
class ModerationServiceTests {

	private static final String CATEGORIES = """
			"categories":{"sexual":false,"sexual/minors":false,"harassment":false,"harassment/threatening":false,
			 "hate":false,"hate/threatening":false,"illicit":false,"illicit/violent":false,"self-harm":false,
			 "self-harm/intent":false,"self-harm/instructions":false,"violence":%s,"violence/graphic":false},
			"category_scores":{"sexual":1.2e-5,"sexual/minors":1.0e-6,"harassment":0.001,"harassment/threatening":0.0008,
			 "hate":0.0001,"hate/threatening":1.0e-6,"illicit":0.0001,"illicit/violent":0.0001,"self-harm":0.0002,
			 "self-harm/intent":0.0001,"self-harm/instructions":0.0001,"violence":%s,"violence/graphic":0.0001},
			"category_applied_input_types":{"sexual":["text"],"sexual/minors":["text"],"harassment":["text"],
			 "harassment/threatening":["text"],"hate":["text"],"hate/threatening":["text"],"illicit":["text"],
			 "illicit/violent":["text"],"self-harm":["text"],"self-harm/intent":["text"],
			 "self-harm/instructions":["text"],"violence":["text","image"],"violence/graphic":["text"]}
			""";

	private OpenAI client;

	@AfterEach
	void close() {
		if (this.client != null) {
			this.client.close();
		}
	}

	private static String result(boolean flagged) {
		return "{\"flagged\":" + flagged + "," + CATEGORIES.formatted(flagged, flagged ? "0.91" : "0.01") + "}";
	}

	private static String response(String... results) {
		return "{\"id\":\"modr-1\",\"model\":\"omni-moderation-latest\",\"results\":[" + String.join(",", results)
				+ "]}";
	}

	private CreateModerationResponse create(boolean async, ModerationCreateParams params) {
		return Calls.call(async, () -> this.client.moderations().create(params),
				() -> this.client.async().moderations().create(params));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void oneText(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/moderations").willReturn(okJson(response(result(true)))));
		this.client = Calls.client(wireMock);
		CreateModerationResponse response = create(async,
				ModerationCreateParams.builder().input("I want to hurt them.").build());
		assertThat(response.id()).isEqualTo("modr-1");
		assertThat(response.model()).isEqualTo("omni-moderation-latest");
		assertThat(response.results()).singleElement().satisfies((result) -> {
			assertThat(result.flagged()).isTrue();
			assertThat(result.categories().violence()).isTrue();
			assertThat(result.categories().hate()).isFalse();
			assertThat(result.categories().selfHarmIntent()).isFalse();
			assertThat(result.categories().illicitViolent()).isFalse();
			assertThat(result.categoryScores().violence()).isEqualTo(0.91);
			assertThat(result.categoryScores().sexual()).isEqualTo(1.2e-5);
			assertThat(result.categoryAppliedInputTypes().violence()).extracting(Object::toString)
				.containsExactly("text", "image");
		});
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/moderations"))
			.withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("Accept", equalTo("application/json"))
			.withRequestBody(equalToJson("{\"input\":\"I want to hurt them.\"}")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void manyTexts(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/moderations").willReturn(okJson(response(result(false), result(true)))));
		this.client = Calls.client(wireMock);
		CreateModerationResponse response = create(async, ModerationCreateParams.builder()
			.model("omni-moderation-latest")
			.input(List.of("Hello there", "I want to hurt them."))
			.build());
		assertThat(response.results()).extracting(CreateModerationResponse.Result::flagged).containsExactly(false, true);
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/moderations")).withRequestBody(equalToJson("""
				{"model":"omni-moderation-latest","input":["Hello there","I want to hurt them."]}
				""")));
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void imageAndText(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(post("/v1/moderations").willReturn(okJson(response(result(true)))));
		this.client = Calls.client(wireMock);
		ModerationCreateParams params = ModerationCreateParams.builder()
			.model("omni-moderation-latest")
			.inputOfArrayOfInputItems(List.of(InputItem.Text.builder().text("...text to classify goes here...").build(),
					InputItem.ImageUrl.builder()
						.imageUrl(InputItem.ImageUrl.ImageUrlValue.builder().url("https://example.com/image.png").build())
						.build()))
			.build();
		CreateModerationResponse response = create(async, params);
		assertThat(response.results().get(0).flagged()).isTrue();
		verify(exactly(1), postRequestedFor(urlEqualTo("/v1/moderations")).withRequestBody(equalToJson("""
				{"model":"omni-moderation-latest","input":[
				 {"type":"text","text":"...text to classify goes here..."},
				 {"type":"image_url","image_url":{"url":"https://example.com/image.png"}}]}
				""")));
	}

}
