/**
 * The reactive sample: a streamed answer and a small semantic search with AsyncOpenAI on WebFlux.
 */
@NullMarked
package io.github.openaispring.samples.reactive;

import org.jspecify.annotations.NullMarked;
