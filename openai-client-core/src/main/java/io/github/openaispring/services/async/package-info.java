/**
 * The resources of the reactive client (Reactor `Mono` and `Flux`), one class per resource of the API.
 */
@NullMarked
package io.github.openaispring.services.async;

import org.jspecify.annotations.NullMarked;
