/**
 * The chat sample: a question answered over REST and streamed to a browser page with Server-Sent Events, on Spring MVC.
 */
@NullMarked
package io.github.openaispring.samples.chat;

import org.jspecify.annotations.NullMarked;
