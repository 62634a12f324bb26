package io.github.openaispring.localserver;

import java.net.http.HttpResponse;
import java.util.List;

import io.github.openaispring.client.OpenAI;
import io.github.openaispring.errors.NotFoundException;
import io.github.openaispring.localserver.junit.LocalOpenAI;
import io.github.openaispring.models.CreateModerationResponse;
import io.github.openaispring.models.Model;
import io.github.openaispring.models.ModerationCreateParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Moderations and models through the client. */
@LocalOpenAI
class LocalServerModerationAndModelTests {

	private static LocalOpenAIServer server;

	private static OpenAI client;

	@BeforeAll
	static void client(LocalOpenAIServer injected) {
		server = injected;
		client = OpenAI.builder().baseUrl(server.baseUrl()).apiKey("sk-local").build();
	}

	@AfterAll
	static void close() {
		client.close();
	}

	@Test
	void flagsAnObviousWordAndNotAHarmlessText() {
		CreateModerationResponse response = client.moderations()
			.create(ModerationCreateParams.builder()
				.input(List.of("I want to kill them all.", "I love sunny days."))
				.build());
		assertThat(response.id()).startsWith("modr-");
		assertThat(response.model()).isEqualTo("omni-moderation-latest");
		assertThat(response.results()).hasSize(2);
		CreateModerationResponse.Result flagged = response.results().get(0);
		assertThat(flagged.flagged()).isTrue();
		assertThat(flagged.categories().violence()).isTrue();
		assertThat(flagged.categories().hate()).isFalse();
		assertThat(flagged.categories().illicit()).isFalse();
		assertThat(flagged.categoryScores().violence()).isGreaterThan(0.9);
		assertThat(flagged.categoryScores().hate()).isLessThan(0.001);
		CreateModerationResponse.Result harmless = response.results().get(1);
		assertThat(harmless.flagged()).isFalse();
		assertThat(harmless.categories().violence()).isFalse();
		assertThat(harmless.categoryScores().violence()).isBetween(0.0, 0.001);
	}

	@Test
	void everyCategoryIsPresentAndScoresAreDeterministic() {
		String request = "{\"model\":\"omni-moderation-latest\",\"input\":\"You are an idiot\"}";
		JsonNode first = Http.json(Http.post(server, "/moderations", request));
		JsonNode second = Http.json(Http.post(server, "/moderations", request));
		JsonNode result = first.at("/results/0");
		assertThat(result.get("flagged").booleanValue()).isTrue();
		for (String field : List.of("categories", "category_scores", "category_applied_input_types")) {
			assertThat(result.get(field).propertyNames()).containsExactlyInAnyOrderElementsOf(ModerationEndpoint.CATEGORIES);
		}
		assertThat(result.at("/categories/harassment").booleanValue()).isTrue();
		assertThat(result.at("/category_applied_input_types/violence").get(0).stringValue()).isEqualTo("text");
		assertThat(second.at("/results/0/category_scores")).isEqualTo(result.get("category_scores"));
	}

	@Test
	void missingInputIsA400() {
		HttpResponse<String> response = Http.post(server, "/moderations", "{\"model\":\"omni-moderation-latest\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.json(response).at("/error/param").stringValue()).isEqualTo("input");
	}

	@Test
	void listsAndRetrievesModels() {
		List<Model> models = client.models().list().data();
		assertThat(models).extracting(Model::id)
			.contains("gpt-4o", "gpt-4o-mini", "text-embedding-3-small", "text-embedding-ada-002",
					"omni-moderation-latest");
		assertThat(models).allSatisfy((model) -> {
			assertThat(model.object()).isEqualTo("model");
			assertThat(model.created()).isPositive();
			assertThat(model.ownedBy()).isNotBlank();
		});
		Model model = client.models().retrieve("gpt-4o");
		assertThat(model.id()).isEqualTo("gpt-4o");
		assertThat(model.created()).isEqualTo(1715367049L);
		assertThat(model.ownedBy()).isEqualTo("system");
	}

	@Test
	void anUnknownModelIsAnOpenAIShaped404() {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> client.models().retrieve("gpt-0"))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.errorMessage()).isEqualTo("The model 'gpt-0' does not exist");
				assertThat(ex.errorType()).isEqualTo("invalid_request_error");
				assertThat(ex.errorParam()).isEqualTo("model");
				assertThat(ex.errorCode()).isEqualTo("model_not_found");
			});
		HttpResponse<String> raw = Http.get(server, "/models/ft%3Agpt-4o%3Aorg%3A%3Aabc");
		assertThat(raw.statusCode()).isEqualTo(404);
		assertThat(Http.json(raw).at("/error/message").stringValue())
			.isEqualTo("The model 'ft:gpt-4o:org::abc' does not exist");
	}

}
