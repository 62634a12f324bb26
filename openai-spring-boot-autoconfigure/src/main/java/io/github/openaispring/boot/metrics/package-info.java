/**
 * Micrometer metrics of the OpenAI clients.
 */
@NullMarked
package io.github.openaispring.boot.metrics;

import org.jspecify.annotations.NullMarked;
