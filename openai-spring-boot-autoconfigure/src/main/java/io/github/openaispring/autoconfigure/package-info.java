/**
 * Auto-configuration for the OpenAI client.
 */
@NullMarked
package io.github.openaispring.autoconfigure;

import org.jspecify.annotations.NullMarked;
