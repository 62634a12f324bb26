/**
 * Auto-configuration of problem details for OpenAI failures in web applications.
 */
@NullMarked
package io.github.openaispring.autoconfigure.web;

import org.jspecify.annotations.NullMarked;
