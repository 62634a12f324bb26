package io.github.openaispring.boot.web;

import java.util.List;
import java.util.Map;

import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.errors.BadRequestException;
import io.github.openaispring.errors.ConflictException;
import io.github.openaispring.errors.NotFoundException;
import io.github.openaispring.errors.RateLimitException;
import io.github.openaispring.errors.StatusErrorDetails;
import io.github.openaispring.errors.StreamErrorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultOpenAIErrorTranslatorTests {

	private final DefaultOpenAIErrorTranslator translator = new DefaultOpenAIErrorTranslator();

	private static StatusErrorDetails details(int status, Map<String, List<String>> headers) {
		return new StatusErrorDetails(status, headers, "req-9", "message", "type", "param", "code", "{}");
	}

	@Test
	void leavesOtherExceptionsAlone() {
		assertThat(this.translator.translateExceptionIfPossible(new IllegalStateException("x"))).isNull();
	}

	@Test
	void rateLimitIsTransientWithRetryAfter() {
		OpenAIErrorResponseException translated = this.translator.translateExceptionIfPossible(
				new RateLimitException("429", details(429, Map.of("retry-after", List.of("12")))));
		assertThat(translated).isInstanceOf(TransientOpenAIErrorResponseException.class);
		assertThat(translated.isTransient()).isTrue();
		assertThat(translated.getStatusCode().value()).isEqualTo(429);
		assertThat(translated.getHeaders().getFirst("Retry-After")).isEqualTo("12");
		assertThat(translated.getRequestId()).isEqualTo("req-9");
		assertThat(translated.getCause()).isInstanceOf(RateLimitException.class);
	}

	@Test
	void badRequestIsPermanent() {
		OpenAIErrorResponseException translated = this.translator
			.translateExceptionIfPossible(new BadRequestException("400", details(400, Map.of())));
		assertThat(translated).isInstanceOf(NonTransientOpenAIErrorResponseException.class);
		assertThat(translated.getBody().getProperties()).containsEntry("param", "param")
			.containsEntry("code", "code")
			.containsEntry("requestId", "req-9");
	}

	@Test
	void timeoutsAndConnectionFailuresAreTransient() {
		assertThat(this.translator.translateExceptionIfPossible(new APITimeoutException("t", null)).isTransient())
			.isTrue();
		assertThat(this.translator.translateExceptionIfPossible(new APIConnectionException("c", null)).isTransient())
			.isTrue();
	}

	@Test
	void otherStatusesFollowTheRetryRules() {
		OpenAIErrorResponseException notFound = this.translator
			.translateExceptionIfPossible(new NotFoundException("404", details(404, Map.of())));
		assertThat(notFound.getStatusCode().value()).isEqualTo(502);
		assertThat(notFound.isTransient()).isFalse();
		OpenAIErrorResponseException conflict = this.translator
			.translateExceptionIfPossible(new ConflictException("409", details(409, Map.of())));
		assertThat(conflict.isTransient()).isTrue();
		OpenAIErrorResponseException shouldNotRetry = this.translator.translateExceptionIfPossible(
				new APIStatusException("500", details(500, Map.of("x-should-retry", List.of("false")))));
		assertThat(shouldNotRetry.getStatusCode().value()).isEqualTo(502);
	}

	@Test
	void streamErrorsAndUnreadableResponsesAre502() {
		OpenAIErrorResponseException stream = this.translator
			.translateExceptionIfPossible(new StreamErrorException("boom", "req-s", "server_error", null));
		assertThat(stream.getStatusCode().value()).isEqualTo(502);
		assertThat(stream.getRequestId()).isEqualTo("req-s");
		assertThat(stream.getBody().getProperties()).containsEntry("requestId", "req-s");
	}

	@Test
	void retryAfterVariants() {
		assertThat(DefaultOpenAIErrorTranslator.retryAfter(rateLimited("retry-after-ms", "250"))).isEqualTo("1");
		assertThat(DefaultOpenAIErrorTranslator.retryAfter(rateLimited("retry-after", "2.5"))).isEqualTo("3");
		String inTenSeconds = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
			.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
		assertThat(Long.parseLong(DefaultOpenAIErrorTranslator.retryAfter(rateLimited("retry-after", inTenSeconds))))
			.isBetween(8L, 10L);
		assertThat(DefaultOpenAIErrorTranslator.retryAfter(rateLimited("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT")))
			.isNull();
		assertThat(DefaultOpenAIErrorTranslator.retryAfter(new RateLimitException("429", details(429, Map.of()))))
			.isNull();
	}

	private static RateLimitException rateLimited(String header, String value) {
		return new RateLimitException("429", details(429, Map.of(header, List.of(value))));
	}

}
