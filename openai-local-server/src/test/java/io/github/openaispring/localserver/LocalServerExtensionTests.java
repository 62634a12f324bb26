package io.github.openaispring.localserver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.openaispring.localserver.junit.LocalOpenAI;
import io.github.openaispring.localserver.junit.LocalOpenAIServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The JUnit extension, run through the JUnit test kit so that what happens after a class (the
 * server is closed) can be checked. The probe classes are static nested classes, which Surefire
 * does not run on their own.
 */
class LocalServerExtensionTests {

	static final List<LocalOpenAIServer> SEEN = new CopyOnWriteArrayList<>();

	static final Map<String, LocalOpenAIServer> BY_METHOD = new ConcurrentHashMap<>();

	private static volatile boolean running;

	/** Whether the probes run from these tests (and not on their own, when a runner picks them up). */
	static boolean probing() {
		return running;
	}

	private static Events run(Class<?> type) {
		SEEN.clear();
		BY_METHOD.clear();
		running = true;
		try {
			return EngineTestKit.engine("junit-jupiter").selectors(selectClass(type)).execute().testEvents();
		}
		finally {
			running = false;
		}
	}

	@Test
	void oneServerPerClassSharedByItsTestsAndNestedClassesAndClosedAfterIt() {
		Events events = run(ClassProbe.class);
		events.assertStatistics((stats) -> stats.started(3).succeeded(3));
		assertThat(SEEN).hasSize(9); // 3 constructions, 3 @BeforeEach, 3 tests
		assertThat(SEEN).allSatisfy((server) -> assertThat(server).isSameAs(SEEN.get(0)));
		LocalOpenAIServer server = SEEN.get(0);
		assertThat(server.streamDelay()).isEqualTo(Duration.ofMillis(7));
		assertThat(server.isRunning()).isFalse();
	}

	@Test
	void onAMethodTheServerLivesForThatMethod() {
		Events events = run(MethodProbe.class);
		events.assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(BY_METHOD).containsOnlyKeys("annotated", "extendedWith");
		assertThat(BY_METHOD.get("annotated")).isNotSameAs(BY_METHOD.get("extendedWith"));
		assertThat(BY_METHOD.get("annotated").streamDelay()).isEqualTo(Duration.ofMillis(3));
		assertThat(BY_METHOD.get("extendedWith").streamDelay()).isZero();
		assertThat(BY_METHOD.values()).allSatisfy((server) -> assertThat(server.isRunning()).isFalse());
	}

	@LocalOpenAI(streamDelayMillis = 7)
	@EnabledIf("io.github.openaispring.localserver.LocalServerExtensionTests#probing")
	static class ClassProbe {

		ClassProbe(LocalOpenAIServer server) {
			SEEN.add(server);
		}

		@BeforeEach
		void before(LocalOpenAIServer server) {
			SEEN.add(server);
		}

		@Test
		void first(LocalOpenAIServer server) {
			assertThat(server.isRunning()).isTrue();
			assertThat(Http.get(server, "/models").statusCode()).isEqualTo(200);
			SEEN.add(server);
		}

		@Test
		void second(LocalOpenAIServer server) {
			SEEN.add(server);
		}

		@Nested
		class Inner {

			@Test
			void third(LocalOpenAIServer server) {
				assertThat(server.isRunning()).isTrue();
				SEEN.add(server);
			}

		}

	}

	@EnabledIf("io.github.openaispring.localserver.LocalServerExtensionTests#probing")
	static class MethodProbe {

		@Test
		@LocalOpenAI(streamDelayMillis = 3)
		void annotated(LocalOpenAIServer server) {
			assertThat(server.isRunning()).isTrue();
			BY_METHOD.put("annotated", server);
		}

		@Test
		@ExtendWith(LocalOpenAIServerExtension.class)
		void extendedWith(LocalOpenAIServer server) {
			assertThat(server.isRunning()).isTrue();
			BY_METHOD.put("extendedWith", server);
		}

	}

}
