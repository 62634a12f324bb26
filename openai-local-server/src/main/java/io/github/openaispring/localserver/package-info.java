/**
 * An OpenAI-compatible local server for tests, samples and offline development:
 * {@link io.github.openaispring.localserver.LocalOpenAIServer}.
 */
package io.github.openaispring.localserver;
