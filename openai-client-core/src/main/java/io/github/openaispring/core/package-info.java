/**
 * Shared machinery of the client: JSON, union reading, request parameters and uploads. Generated
 * model types build on it; applications rarely need it directly.
 */
@NullMarked
package io.github.openaispring.core;

import org.jspecify.annotations.NullMarked;
