/**
 * Exceptions thrown by the OpenAI client, rooted at {@link io.github.openaispring.errors.OpenAIException}.
 */
@NullMarked
package io.github.openaispring.errors;

import org.jspecify.annotations.NullMarked;
