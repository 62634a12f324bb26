/**
 * The resources of the blocking client, one class per resource of the API.
 */
@NullMarked
package io.github.openaispring.services.blocking;

import org.jspecify.annotations.NullMarked;
