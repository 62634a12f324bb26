package io.github.openaispring.core.http;

import io.github.openaispring.client.ClientOptions.RetrySettings;

/**
 * Makes the retry policy of each call, from the call's retry budget and the client's waits.
 * The default is {@link OpenAIRetryPolicy} itself; a subclass of it can retry more or less, or
 * wait differently, for every call of a client ({@code OpenAI.Builder.retryPolicy(..)}, or a
 * bean of this type in a Spring Boot application).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RetryPolicyFactory {

	/** The policy of this library: {@link OpenAIRetryPolicy}. */
	RetryPolicyFactory DEFAULT = OpenAIRetryPolicy::new;

	/**
	 * Return the policy of one call.
	 * @param maxRetries the retries the call may make after its first attempt
	 * @param settings the client's waits
	 * @return a new policy
	 */
	OpenAIRetryPolicy create(int maxRetries, RetrySettings settings);

}
