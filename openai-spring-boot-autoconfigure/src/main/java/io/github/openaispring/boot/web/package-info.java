/**
 * Translation of OpenAI client failures into Spring's web vocabulary.
 */
@NullMarked
package io.github.openaispring.boot.web;

import org.jspecify.annotations.NullMarked;
