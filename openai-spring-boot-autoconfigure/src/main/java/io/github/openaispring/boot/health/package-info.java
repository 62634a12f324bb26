/**
 * Health indicators of the OpenAI clients.
 */
@NullMarked
package io.github.openaispring.boot.health;

import org.jspecify.annotations.NullMarked;
