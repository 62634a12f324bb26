/**
 * Auto-configuration of the OpenAI health indicator.
 */
@NullMarked
package io.github.openaispring.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
