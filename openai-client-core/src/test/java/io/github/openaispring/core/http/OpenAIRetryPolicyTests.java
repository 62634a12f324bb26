package io.github.openaispring.core.http;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.openaispring.client.ClientOptions.RetrySettings;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.errors.APIResponseValidationException;
import io.github.openaispring.errors.APIStatusException;
import io.github.openaispring.errors.APITimeoutException;
import io.github.openaispring.errors.OpenAIException;
import io.github.openaispring.errors.StreamErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.retry.RetryContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The retry decision on its own: what is retried, how often, and how long the client waits.
 */
class OpenAIRetryPolicyTests {

	private static final RetrySettings DEFAULTS = RetrySettings.DEFAULTS;

	private static APIStatusException status(int code, String... headers) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		for (int i = 0; i < headers.length; i += 2) {
			map.put(headers[i], List.of(headers[i + 1]));
		}
		return ErrorMapper.statusError(new HttpResult(code, map, new byte[0]));
	}

	private static OpenAIRetryPolicy policy(double random) {
		return new OpenAIRetryPolicy(2, DEFAULTS, () -> random);
	}

	@Test
	void theBackoffStartsAtHalfASecondAndDoublesUpToEightSeconds() {
		OpenAIRetryPolicy policy = policy(0);
		APIConnectionException failure = new APIConnectionException("reset", null);
		assertThat(List.of(1, 2, 3, 4, 5, 6, 10, 100).stream().map((retry) -> policy.delay(retry, failure)))
			.containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
					Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8),
					Duration.ofSeconds(8));
	}

	@Test
	void theJitterTakesOffAtMostAQuarter() {
		APIConnectionException failure = new APIConnectionException("reset", null);
		assertThat(policy(0.999_999).delay(1, failure).toNanos()).isCloseTo(375_000_000L, within(1_000L));
		assertThat(policy(0.5).delay(1, failure)).isEqualTo(Duration.ofMillis(437).plusNanos(500_000));
		assertThat(policy(0.999_999).delay(5, failure).toNanos()).isCloseTo(6_000_000_000L, within(100_000L));
	}

	@Test
	void theDefaultJitterStaysWithinAQuarterOfTheBackoff() {
		OpenAIRetryPolicy policy = new OpenAIRetryPolicy(2, DEFAULTS);
		APITimeoutException failure = new APITimeoutException("slow", null);
		for (int i = 0; i < 1_000; i++) {
			assertThat(policy.delay(2, failure)).isBetween(Duration.ofMillis(750), Duration.ofSeconds(1));
		}
	}

	@Test
	void theBackoffIsConfigurable() {
		OpenAIRetryPolicy policy = new OpenAIRetryPolicy(5,
				new RetrySettings(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(60)), () -> 0);
		APIConnectionException failure = new APIConnectionException("reset", null);
		assertThat(List.of(1, 2, 3, 4, 5).stream().map((retry) -> policy.delay(retry, failure))).containsExactly(
				Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16),
				Duration.ofSeconds(30));
	}

	@Test
	void retryAfterMsIsObeyedFirst() {
		assertThat(policy(0).delay(1, status(429, "retry-after-ms", "1500", "retry-after", "30")))
			.isEqualTo(Duration.ofMillis(1500));
		assertThat(policy(0).delay(1, status(429, "retry-after-ms", "12.5"))).isEqualTo(Duration.ofMillis(12).plusNanos(500_000));
	}

	@Test
	void retryAfterInSecondsIsObeyed() {
		assertThat(policy(0).delay(1, status(429, "retry-after", "7"))).isEqualTo(Duration.ofSeconds(7));
		assertThat(policy(0).delay(1, status(503, "retry-after", " 0.25 "))).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void retryAfterAsAnHttpDateIsObeyed() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
		assertThat(policy(0).delay(1, status(429, "retry-after", date))).isBetween(Duration.ofSeconds(28),
				Duration.ofSeconds(30));
	}

	@Test
	void anUnreadableRetryAfterMsFallsBackToRetryAfter() {
		assertThat(policy(0).delay(1, status(429, "retry-after-ms", "soon", "retry-after", "3")))
			.isEqualTo(Duration.ofSeconds(3));
	}

	@ParameterizedTest
	@ValueSource(strings = { "121", "3600", "0", "-1", "soon", "Wed, 21 Oct 2015 07:28:00 GMT", "Infinity", "NaN", "" })
	void aRetryAfterAboveTheCapZeroInThePastOrUnreadableFallsBackToTheBackoff(String value) {
		assertThat(policy(0).delay(1, status(429, "retry-after", value))).isEqualTo(Duration.ofMillis(500));
		assertThat(policy(0).delay(3, status(429, "retry-after", value))).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aRetryAfterMsAboveTheCapFallsBackToTheBackoff() {
		assertThat(policy(0).delay(2, status(429, "retry-after-ms", "120001"))).isEqualTo(Duration.ofSeconds(1));
		assertThat(policy(0).delay(2, status(429, "retry-after-ms", "120000"))).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void theCapIsConfigurable() {
		OpenAIRetryPolicy policy = new OpenAIRetryPolicy(2,
				new RetrySettings(Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofMinutes(5)), () -> 0);
		assertThat(policy.delay(1, status(429, "retry-after", "240"))).isEqualTo(Duration.ofMinutes(4));
		assertThat(policy.delay(1, status(429, "retry-after", "301"))).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void aRetryAfterOnAConnectionFailureDoesNotApply() {
		assertThat(policy(0).delay(1, new APIConnectionException("reset", null))).isEqualTo(Duration.ofMillis(500));
	}

	@ParameterizedTest
	@ValueSource(ints = { 408, 409, 429, 500, 502, 503, 504, 599 })
	void transientStatusesAreRetryable(int code) {
		assertThat(OpenAIRetryPolicy.isRetryable(status(code))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 401, 402, 403, 404, 405, 413, 418, 422 })
	void otherStatusesAreNotRetryable(int code) {
		assertThat(OpenAIRetryPolicy.isRetryable(status(code))).isFalse();
	}

	@Test
	void xShouldRetryDecidesFirst() {
		assertThat(OpenAIRetryPolicy.isRetryable(status(500, "x-should-retry", "false"))).isFalse();
		assertThat(OpenAIRetryPolicy.isRetryable(status(429, "x-should-retry", "FALSE"))).isFalse();
		assertThat(OpenAIRetryPolicy.isRetryable(status(400, "x-should-retry", "true"))).isTrue();
		assertThat(OpenAIRetryPolicy.isRetryable(status(404, "x-should-retry", "True"))).isTrue();
		assertThat(OpenAIRetryPolicy.isRetryable(status(400, "x-should-retry", "maybe"))).isFalse();
		assertThat(OpenAIRetryPolicy.isRetryable(status(500, "x-should-retry", "maybe"))).isTrue();
	}

	@Test
	void connectionFailuresAndTimeoutsAreRetryable() {
		assertThat(OpenAIRetryPolicy.isRetryable(new APIConnectionException("reset", new IOException()))).isTrue();
		assertThat(OpenAIRetryPolicy.isRetryable(new APITimeoutException("slow", null))).isTrue();
	}

	@Test
	void otherFailuresAreNotRetryable() {
		assertThat(OpenAIRetryPolicy.isRetryable(new OpenAIException("bad"))).isFalse();
		assertThat(OpenAIRetryPolicy.isRetryable(new IllegalStateException("bug"))).isFalse();
		assertThat(OpenAIRetryPolicy.isRetryable(new IOException("raw"))).isFalse();
		assertThat(OpenAIRetryPolicy.isRetryable(new StreamErrorException("stream", null, null, null))).isFalse();
		assertThat(OpenAIRetryPolicy.isRetryable(
				new APIResponseValidationException("bad body", 200, Map.of(), null, "", null))).isFalse();
	}

	@Test
	void thePolicyAllowsMaxRetriesRetriesOfRetryableFailures() {
		OpenAIRetryPolicy policy = new OpenAIRetryPolicy(2, DEFAULTS);
		RetryContext context = policy.open(null);
		assertThat(policy.canRetry(context)).isTrue();
		policy.registerThrowable(context, status(500));
		assertThat(policy.canRetry(context)).isTrue();
		policy.registerThrowable(context, status(503));
		assertThat(policy.canRetry(context)).isTrue();
		policy.registerThrowable(context, status(500));
		assertThat(policy.canRetry(context)).isFalse();
		assertThat(context.getRetryCount()).isEqualTo(3);
		assertThat(policy.getMaxAttempts()).isEqualTo(3);
	}

	@Test
	void thePolicyStopsAtTheFirstFailureThatIsNotRetryable() {
		OpenAIRetryPolicy policy = new OpenAIRetryPolicy(5, DEFAULTS);
		RetryContext context = policy.open(null);
		policy.registerThrowable(context, status(429));
		assertThat(policy.canRetry(context)).isTrue();
		policy.registerThrowable(context, status(400));
		assertThat(policy.canRetry(context)).isFalse();
	}

	@Test
	void aFailureAskingForAWaitOverTheCapIsNotRetriedEvenWhenTheServerSaysRetry() {
		OpenAIRetryPolicy policy = new OpenAIRetryPolicy(5, DEFAULTS);
		RetryContext context = policy.open(null);
		policy.registerThrowable(context, status(429, "retry-after", "120"));
		assertThat(policy.canRetry(context)).isTrue();
		policy.registerThrowable(context, status(503, "retry-after", "121", "x-should-retry", "true"));
		assertThat(policy.canRetry(context)).isFalse();
	}

	@Test
	void noRetriesMeansOneAttempt() {
		OpenAIRetryPolicy policy = new OpenAIRetryPolicy(0, DEFAULTS);
		RetryContext context = policy.open(null);
		policy.registerThrowable(context, status(503));
		assertThat(policy.canRetry(context)).isFalse();
		assertThat(policy.getMaxAttempts()).isEqualTo(1);
	}

	@Test
	void theCauseIsABoundedName() {
		assertThat(OpenAIRetryPolicy.cause(status(429))).isEqualTo("429");
		assertThat(OpenAIRetryPolicy.cause(new APITimeoutException("slow", null))).isEqualTo("timeout");
		assertThat(OpenAIRetryPolicy.cause(new APIConnectionException("reset", null))).isEqualTo("connection");
	}

}
