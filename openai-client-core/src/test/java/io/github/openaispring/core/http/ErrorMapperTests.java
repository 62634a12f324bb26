package io.github.openaispring.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.InternalServerException;
import io.github.openaispring.errors.StreamErrorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping of responses to exceptions on its own.
 */
class ErrorMapperTests {

	private static HttpResult result(int status, String contentType, String body) {
		return new HttpResult(status, Map.of("content-type", List.of(contentType), "x-request-id", List.of("req_1")),
				body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aLongJsonBodyWithoutAMessageIsQuotedUpToABound() {
		String body = "{\"detail\":\"" + "y".repeat(1_000) + "\"}";
		APIStatusException exception = ErrorMapper.statusError(result(500, "application/json", body));
		assertThat(exception).isExactlyInstanceOf(InternalServerException.class);
		assertThat(exception.getMessage()).startsWith("500: {\"detail\":\"yyy")
			.endsWith("... (" + body.length() + " chars) (request id req_1)")
			.hasSizeLessThan(600);
		assertThat(exception.body()).isEqualTo(body);
	}

	@Test
	void aJsonBodyThatIsNotAnObjectIsQuoted() {
		APIStatusException exception = ErrorMapper.statusError(result(500, "application/json", "\"overloaded\""));
		assertThat(exception.getMessage()).isEqualTo("500: \"overloaded\" (request id req_1)");
		assertThat(exception.errorMessage()).isNull();
	}

	@Test
	void theSecretIsRemovedFromEveryFieldOfTheException() {
		String secret = "sk-abcdefghijklmnop";
		APIStatusException exception = ErrorMapper.statusError(result(401, "application/json",
				"{\"error\":{\"message\":\"bad key " + secret + "\",\"type\":\"" + secret + "\",\"param\":\"" + secret
						+ "\",\"code\":\"" + secret + "\"}}"),
				secret);
		assertThat(exception.getMessage()).isEqualTo("401: bad key **** (request id req_1)");
		assertThat(exception.errorMessage()).isEqualTo("bad key ****");
		assertThat(exception.errorType()).isEqualTo("****");
		assertThat(exception.errorParam()).isEqualTo("****");
		assertThat(exception.errorCode()).isEqualTo("****");
		assertThat(exception.body()).doesNotContain(secret);
	}

	@Test
	void theSecretIsRemovedFromAQuotedBody() {
		String secret = "sk-abcdefghijklmnop";
		APIStatusException exception = ErrorMapper.statusError(
				result(400, "application/json", "{\"received\":\"Bearer " + secret + "\"}"), secret);
		assertThat(exception.getMessage()).isEqualTo("400: {\"received\":\"Bearer ****\"} (request id req_1)");
	}

	@Test
	void aShortOrMissingSecretChangesNothing() {
		assertThat(ErrorMapper.redact("the key is abc", "abc")).isEqualTo("the key is abc");
		assertThat(ErrorMapper.redact("the key is abc", null)).isEqualTo("the key is abc");
		assertThat(ErrorMapper.redact(null, "sk-abcdefghijklmnop")).isNull();
		assertThat(ErrorMapper.redact("a sk-abcdefghijklmnop b sk-abcdefghijklmnop", "sk-abcdefghijklmnop"))
			.isEqualTo("a **** b ****");
	}

	@Test
	void aStreamErrorEventThatEchoesTheKeyIsRedacted() {
		StreamErrorException exception = ErrorMapper.streamError(
				"{\"error\":{\"message\":\"Incorrect API key provided: sk-secret-123\"}}", "req_3", "sk-secret-123");
		assertThat(exception.getMessage()).doesNotContain("sk-secret-123").contains("Incorrect API key provided: ****");
	}

	@Test
	void aStreamErrorEventGivesTheServersMessage() {
		StreamErrorException exception = ErrorMapper.streamError(
				"{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\",\"code\":\"oops\"}}",
				"req_2", null);
		assertThat(exception.getMessage())
			.isEqualTo("The stream reported an error: The server had an error (request id req_2)");
		assertThat(exception.errorType()).isEqualTo("server_error");
		assertThat(exception.errorCode()).isEqualTo("oops");
		assertThat(exception.requestId()).isEqualTo("req_2");
	}

	@Test
	void aStreamErrorGivenAsAStringGivesThatString() {
		StreamErrorException exception = ErrorMapper.streamError("{\"error\":\"model crashed\"}", null, null);
		assertThat(exception.getMessage()).isEqualTo("The stream reported an error: model crashed");
		assertThat(exception.errorType()).isNull();
	}

	@Test
	void aStreamErrorThatIsNotJsonIsQuoted() {
		assertThat(ErrorMapper.streamError("upstream went away", null, null).getMessage())
			.isEqualTo("The stream reported an error: upstream went away");
	}

}
