package io.github.openaispring.boot.web;

import io.github.openaispring.errors.OpenAIException;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Answers an OpenAI failure that escapes a Spring MVC or WebFlux controller with the RFC 9457
 * problem detail that an {@link OpenAIErrorTranslator} makes of it. The same handler serves
 * both stacks.
 *
 * @since 0.1.0
 */
@ControllerAdvice
public class OpenAIExceptionHandler {

	private final OpenAIErrorTranslator translator;

	/**
	 * Create the handler.
	 * @param translator turns the client's exceptions into error responses
	 */
	public OpenAIExceptionHandler(OpenAIErrorTranslator translator) {
		Assert.notNull(translator, "'translator' must not be null");
		this.translator = translator;
	}

	/**
	 * Answer an OpenAI failure with a problem detail.
	 * @param ex the failure
	 * @return the response
	 * @throws OpenAIException the failure itself, when the translator does not translate it
	 */
	@ExceptionHandler(OpenAIException.class)
	public ResponseEntity<ProblemDetail> handleOpenAIException(OpenAIException ex) {
		OpenAIErrorResponseException translated = this.translator.translateExceptionIfPossible(ex);
		if (translated == null) {
			throw ex;
		}
		return ResponseEntity.status(translated.getStatusCode())
			.headers(translated.getHeaders())
			.body(translated.getBody());
	}

}
