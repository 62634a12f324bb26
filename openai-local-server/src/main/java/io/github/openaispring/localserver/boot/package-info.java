/**
 * Spring Boot support: {@code openai.local-server.enabled} starts a local server while the
 * environment is prepared and points {@code openai.base-url} at it.
 */
package io.github.openaispring.localserver.boot;
