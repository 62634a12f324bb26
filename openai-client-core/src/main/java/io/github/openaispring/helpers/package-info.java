/**
 * Hand-written helpers over the generated types, such as
 * {@link io.github.openaispring.helpers.ChatCompletionAccumulator}, which folds the chunks of a
 * streamed chat completion into the completion.
 */
@NullMarked
package io.github.openaispring.helpers;

import org.jspecify.annotations.NullMarked;
