/**
 * The OpenAI clients, {@link io.github.openaispring.client.OpenAI} (blocking) and
 * {@link io.github.openaispring.client.AsyncOpenAI} (reactive), and their options.
 */
@NullMarked
package io.github.openaispring.client;

import org.jspecify.annotations.NullMarked;
