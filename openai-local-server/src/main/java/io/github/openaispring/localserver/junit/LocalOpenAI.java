package io.github.openaispring.localserver.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Start one {@link io.github.openaispring.localserver.LocalOpenAIServer} for the annotated test
 * class (shared by its tests and its {@code @Nested} classes) and stop it after them; on a test
 * method, for that method only. Declare a
 * parameter of type {@code LocalOpenAIServer} in a test, lifecycle method or constructor to get
 * it:
 *
 * <pre class="code">
 * &#64;LocalOpenAI
 * class ChatTests {
 *
 *     &#64;Test
 *     void answers(LocalOpenAIServer server) {
 *         OpenAI client = OpenAI.builder().baseUrl(server.baseUrl()).apiKey("test").build();
 *         ...
 *     }
 *
 * }
 * </pre>
 *
 * @since 0.1.0
 * @see LocalOpenAIServerExtension
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalOpenAIServerExtension.class)
public @interface LocalOpenAI {

	/**
	 * The pause between the words of a streamed answer, in milliseconds. Default 0: tests
	 * stream as fast as the connection allows.
	 * @return the delay in milliseconds
	 */
	long streamDelayMillis() default 0;

	/**
	 * The port to listen on. Default 0: a free port.
	 * @return the port
	 */
	int port() default 0;

}
