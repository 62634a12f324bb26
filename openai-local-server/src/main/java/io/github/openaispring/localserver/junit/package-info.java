/**
 * JUnit 5 support: {@link io.github.openaispring.localserver.junit.LocalOpenAI} starts a local
 * server for a test class and injects it.
 */
package io.github.openaispring.localserver.junit;
