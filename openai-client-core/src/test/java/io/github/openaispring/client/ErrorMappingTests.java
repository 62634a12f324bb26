package io.github.openaispring.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.AuthenticationException;
import io.github.openaispring.errors.BadRequestException;
import io.github.openaispring.errors.ConflictException;
import io.github.openaispring.errors.InternalServerException;
import io.github.openaispring.errors.NotFoundException;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.errors.PermissionDeniedException;
import io.github.openaispring.errors.RateLimitException;
import io.github.openaispring.errors.UnprocessableEntityException;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.Model;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * How error responses and success responses that do not parse become exceptions, for both
 * clients: the seed's table of statuses, the fields every status exception carries, and bodies
 * that are not OpenAI's error object.
 */
@WireMockTest
@Timeout(60)
class ErrorMappingTests {

	private static final String PATH = "/v1/chat/completions";

	private static final String REQUEST = """
			{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}]}
			""";

	static Stream<Arguments> statuses() {
		List<Arguments> statuses = List.of(Arguments.of(400, BadRequestException.class),
				Arguments.of(401, AuthenticationException.class), Arguments.of(403, PermissionDeniedException.class),
				Arguments.of(404, NotFoundException.class), Arguments.of(409, ConflictException.class),
				Arguments.of(422, UnprocessableEntityException.class), Arguments.of(429, RateLimitException.class),
				Arguments.of(500, InternalServerException.class), Arguments.of(502, InternalServerException.class),
				Arguments.of(503, InternalServerException.class), Arguments.of(504, InternalServerException.class),
				Arguments.of(418, APIStatusException.class), Arguments.of(402, APIStatusException.class));
		return statuses.stream()
			.flatMap((status) -> Stream.of(false, true)
				.map((async) -> Arguments.of(status.get()[0], status.get()[1], async)));
	}

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Hi").build();
	}

	private static OpenAI client(WireMockRuntimeInfo wireMock) {
		return OpenAI.builder().baseUrl(wireMock.getHttpBaseUrl() + "/v1").apiKey("sk-test").maxRetries(0).build();
	}

	private static ChatCompletion create(OpenAI client, boolean async) {
		return async ? client.async().chat().completions().create(params()).block(Duration.ofSeconds(10))
				: client.chat().completions().create(params());
	}

	private static Model retrieve(OpenAI client, boolean async, String model) {
		return async ? client.async().models().retrieve(model).block(Duration.ofSeconds(10))
				: client.models().retrieve(model);
	}

	private static Throwable createFailure(WireMockRuntimeInfo wireMock, boolean async,
			ResponseDefinitionBuilder response) {
		stubFor(post(PATH).willReturn(response));
		OpenAI client = client(wireMock);
		try {
			return catchThrowable(() -> create(client, async));
		}
		finally {
			client.close();
		}
	}

	private static void verifyOneRequest() {
		verify(1, postRequestedFor(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer sk-test"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withRequestBody(equalToJson(REQUEST)));
	}

	@ParameterizedTest(name = "{0} -> {1} (async: {2})")
	@MethodSource("statuses")
	void everyStatusOfTheTableBecomesItsExceptionWithEverythingTheResponseSaid(int status,
			Class<? extends APIStatusException> type, boolean async, WireMockRuntimeInfo wireMock) {
		String body = "{\"error\":{\"message\":\"Failure number " + status
				+ "\",\"type\":\"some_error\",\"param\":\"messages\",\"code\":\"code_" + status + "\"}}";
		Throwable failure = createFailure(wireMock, async, aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_" + status)
			.withHeader("X-Custom", "yes")
			.withBody(body));
		assertThat(failure).isExactlyInstanceOf(type);
		APIStatusException exception = (APIStatusException) failure;
		assertThat(exception.statusCode()).isEqualTo(status);
		assertThat(exception.requestId()).isEqualTo("req_" + status);
		assertThat(exception.headers()).containsEntry("x-request-id", List.of("req_" + status))
			.containsEntry("x-custom", List.of("yes"))
			.containsEntry("content-type", List.of("application/json"));
		assertThat(exception.errorMessage()).isEqualTo("Failure number " + status);
		assertThat(exception.errorType()).isEqualTo("some_error");
		assertThat(exception.errorParam()).isEqualTo("messages");
		assertThat(exception.errorCode()).isEqualTo("code_" + status);
		assertThat(exception.body()).isEqualTo(body);
		assertThat(exception.details().statusCode()).isEqualTo(status);
		assertThat(exception.getMessage()).isEqualTo(status + ": Failure number " + status + " (request id req_" + status + ")");
		verifyOneRequest();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anHtmlPageFromAProxyStillGivesTheTypedExceptionAndSaysTheBodyIsNotJson(boolean async,
			WireMockRuntimeInfo wireMock) {
		String html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
				+ "</center><hr><center>nginx</center></body></html>";
		InternalServerException exception = (InternalServerException) createFailure(wireMock, async,
				aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(html));
		assertThat(exception.statusCode()).isEqualTo(502);
		assertThat(exception.getMessage()).isEqualTo("502: non-JSON body: text/html");
		assertThat(exception.errorMessage()).isNull();
		assertThat(exception.errorType()).isNull();
		assertThat(exception.errorParam()).isNull();
		assertThat(exception.errorCode()).isNull();
		assertThat(exception.requestId()).isNull();
		assertThat(exception.body()).isEqualTo(html);
		verifyOneRequest();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anEmptyErrorBodyGivesTheTypedExceptionAndSaysTheBodyWasEmpty(boolean async, WireMockRuntimeInfo wireMock) {
		Throwable failure = createFailure(wireMock, async,
				aResponse().withStatus(503).withHeader("x-request-id", "req_empty"));
		assertThat(failure).isExactlyInstanceOf(InternalServerException.class);
		InternalServerException exception = (InternalServerException) failure;
		assertThat(exception.getMessage()).isEqualTo("503: empty body (request id req_empty)");
		assertThat(exception.body()).isEmpty();
		assertThat(exception.errorMessage()).isNull();
		assertThat(exception.requestId()).isEqualTo("req_empty");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anErrorGivenAsAStringAsCompatibleServersDoIsTheErrorMessage(boolean async, WireMockRuntimeInfo wireMock) {
		Throwable failure = createFailure(wireMock, async, aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"model 'llama9' not found\"}"));
		assertThat(failure).isExactlyInstanceOf(NotFoundException.class);
		NotFoundException exception = (NotFoundException) failure;
		assertThat(exception.errorMessage()).isEqualTo("model 'llama9' not found");
		assertThat(exception.errorType()).isNull();
		assertThat(exception.getMessage()).isEqualTo("404: model 'llama9' not found");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aJsonErrorBodyWithoutAnErrorObjectIsQuotedInTheMessage(boolean async, WireMockRuntimeInfo wireMock) {
		Throwable failure = createFailure(wireMock, async, aResponse().withStatus(422)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":[{\"loc\":[\"body\",\"model\"],\"msg\":\"field required\"}]}"));
		assertThat(failure).isExactlyInstanceOf(UnprocessableEntityException.class);
		UnprocessableEntityException exception = (UnprocessableEntityException) failure;
		assertThat(exception.errorMessage()).isNull();
		assertThat(exception.getMessage())
			.isEqualTo("422: {\"detail\":[{\"loc\":[\"body\",\"model\"],\"msg\":\"field required\"}]}");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aTopLevelErrorObjectWithoutTheErrorWrapperIsReadToo(boolean async, WireMockRuntimeInfo wireMock) {
		Throwable failure = createFailure(wireMock, async, aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"message\":\"bad things\",\"type\":\"invalid_request_error\",\"code\":400}"));
		BadRequestException exception = (BadRequestException) failure;
		assertThat(exception.errorMessage()).isEqualTo("bad things");
		assertThat(exception.errorType()).isEqualTo("invalid_request_error");
		assertThat(exception.errorCode()).isEqualTo("400");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aLargeErrorBodyIsCutToABoundedLength(boolean async, WireMockRuntimeInfo wireMock) {
		String page = "<html>" + "x".repeat(100_000) + "</html>";
		InternalServerException exception = (InternalServerException) createFailure(wireMock, async,
				aResponse().withStatus(500).withHeader("Content-Type", "text/html; charset=utf-8").withBody(page));
		assertThat(exception.getMessage()).isEqualTo("500: non-JSON body: text/html; charset=utf-8");
		assertThat(exception.body()).hasSizeLessThan(2100)
			.startsWith("<html>xxx")
			.endsWith("... (" + page.length() + " chars)");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aSuccessWithTruncatedJsonIsAResponseValidationExceptionNamingWhereAndKeepingTheBody(boolean async,
			WireMockRuntimeInfo wireMock) {
		String truncated = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,";
		Throwable failure = createFailure(wireMock, async, aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_cut")
			.withBody(truncated));
		assertThat(failure).isExactlyInstanceOf(APIResponseValidationException.class);
		APIResponseValidationException exception = (APIResponseValidationException) failure;
		assertThat(exception.getMessage()).startsWith("Cannot read ChatCompletion from JSON")
			.contains("at offset " + truncated.length())
			.endsWith("(HTTP 200, request id req_cut)");
		assertThat(exception.statusCode()).isEqualTo(200);
		assertThat(exception.requestId()).isEqualTo("req_cut");
		assertThat(exception.headers()).containsEntry("x-request-id", List.of("req_cut"));
		assertThat(exception.body()).isEqualTo(truncated);
		assertThat(exception).hasCauseInstanceOf(OpenAIException.class);
		verifyOneRequest();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aSuccessWithAnHtmlPageIsAResponseValidationException(boolean async, WireMockRuntimeInfo wireMock) {
		String html = "<!DOCTYPE html><html><body>Captive portal: please log in</body></html>";
		APIResponseValidationException exception = (APIResponseValidationException) createFailure(wireMock, async,
				aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(html));
		assertThat(exception.getMessage()).startsWith("Cannot read ChatCompletion from JSON at offset 0")
			.endsWith("(HTTP 200)");
		assertThat(exception.body()).isEqualTo(html);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aSuccessWithAFieldOfTheWrongShapeNamesTheField(boolean async, WireMockRuntimeInfo wireMock) {
		String body = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4o\","
				+ "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\","
				+ "\"content\":{\"nested\":true}}}]}";
		APIResponseValidationException exception = (APIResponseValidationException) createFailure(wireMock, async,
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
		assertThat(exception.getMessage()).contains("at field $.choices[0].message.content");
		assertThat(exception.body()).isEqualTo(body);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aLargeSuccessBodyThatDoesNotParseIsCutToABoundedLength(boolean async, WireMockRuntimeInfo wireMock) {
		String body = "{\"id\":\"" + "a".repeat(50_000);
		APIResponseValidationException exception = (APIResponseValidationException) createFailure(wireMock, async,
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
		assertThat(exception.body()).hasSizeLessThan(2100).endsWith("... (" + body.length() + " chars)");
		assertThat(exception.getMessage()).hasSizeLessThan(500);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aGetThatFailsCarriesTheSameFields(boolean async, WireMockRuntimeInfo wireMock) {
		stubFor(get("/v1/models/gpt-9").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_model")
			.withBody("{\"error\":{\"message\":\"The model 'gpt-9' does not exist\",\"type\":\"invalid_request_error\","
					+ "\"param\":\"model\",\"code\":\"model_not_found\"}}")));
		OpenAI client = client(wireMock);
		Throwable failure = catchThrowable(() -> retrieve(client, async, "gpt-9"));
		assertThat(failure).isExactlyInstanceOf(NotFoundException.class);
		NotFoundException exception = (NotFoundException) failure;
		assertThat(exception.getMessage()).isEqualTo("404: The model 'gpt-9' does not exist (request id req_model)");
		assertThat(exception.errorCode()).isEqualTo("model_not_found");
		assertThat(exception.errorParam()).isEqualTo("model");
		assertThat(exception.requestId()).isEqualTo("req_model");
		assertThat(findAll(getRequestedFor(urlPathEqualTo("/v1/models/gpt-9")))).hasSize(1);
		client.close();
	}

}
