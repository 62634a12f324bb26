package io.github.openaispring.boot.web;

import org.jspecify.annotations.Nullable;

/**
 * Translates the OpenAI client's exceptions into Spring's web vocabulary, in the spirit of
 * Spring's {@code PersistenceExceptionTranslator}: an {@link OpenAIErrorResponseException},
 * which is a Spring {@link org.springframework.web.ErrorResponseException} carrying the
 * status and RFC 9457 problem detail to answer an HTTP caller with, and which tells
 * transient failures ({@link TransientOpenAIErrorResponseException}: rate limits, server
 * errors, timeouts, connection failures) from permanent ones
 * ({@link NonTransientOpenAIErrorResponseException}).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface OpenAIErrorTranslator {

	/**
	 * Translate an exception of the OpenAI client.
	 * @param ex the exception
	 * @return the translated exception, or {@code null} if this is not an exception of the
	 * OpenAI client
	 */
	@Nullable OpenAIErrorResponseException translateExceptionIfPossible(Throwable ex);

}
