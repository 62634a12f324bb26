/**
 * Auto-configuration of the OpenAI client metrics.
 */
@NullMarked
package io.github.openaispring.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
