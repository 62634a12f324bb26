/**
 * The command-line sample: the seed's examples run in order against the configured OpenAI server.
 */
@NullMarked
package io.github.openaispring.samples.cli;

import org.jspecify.annotations.NullMarked;
