package io.github.openaispring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.openaispring.core.http.HttpTransport;
import io.github.openaispring.errors.APIConnectionException;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.testsupport.SseTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.openaispring.testsupport.SseTestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Closing a client closes every connection of its pool, those in use included: a stream under
 * way ends with a connection error and the server sees its connection closed at once. Reactor
 * Netty's pool, disposed, closes only its idle connections; an acquired one stayed open until
 * its exchange ended, which for a stalled or stranded exchange is never.
 */
@Timeout(30)
class ClientCloseTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	/** A stream of a minute: it is still under way when the client closes. */
	private final SseTestServer server = SseTestServer.streaming(Duration.ofMillis(100), events(600));

	@AfterEach
	void stop() {
		this.server.close();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void closingTheClientClosesAConnectionInUse(boolean async) throws Exception {
		OpenAI client = OpenAI.builder().baseUrl(this.server.baseUrl()).apiKey("sk-test").maxRetries(0).build();
		HttpTransport transport = ((DefaultAsyncOpenAI) client.async()).context().transport();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		if (async) {
			CountDownLatch first = new CountDownLatch(1);
			CountDownLatch ended = new CountDownLatch(1);
			client.async().chat().completions().createStreaming(params()).subscribe((chunk) -> first.countDown(),
					(error) -> {
						failure.set(error);
						ended.countDown();
					}, ended::countDown);
			assertThat(first.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
			assertThat(transport.acquiredConnections()).isEqualTo(1);
			client.close();
			assertThat(ended.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).as("the stream ended").isTrue();
		}
		else {
			StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(params());
			Iterator<ChatCompletionChunk> chunks = stream.iterator();
			chunks.next();
			assertThat(transport.acquiredConnections()).isEqualTo(1);
			client.close();
			assertThatThrownBy(() -> {
				List<ChatCompletionChunk> rest = new ArrayList<>();
				chunks.forEachRemaining(rest::add);
			}).satisfies(failure::set);
		}
		assertThat(failure.get()).isInstanceOf(APIConnectionException.class);
		assertThat(this.server.awaitConnectionClosed(BOUND)).as("the server saw the connection closed").isTrue();
		assertThat(eventually(BOUND, () -> this.server.openConnections() == 0)).isTrue();
		assertThat(eventually(BOUND, () -> transport.openConnections() == 0)).as("open connections").isTrue();
		assertThat(transport.acquiredConnections()).isZero();
	}

	private static ChatCompletionCreateParams params() {
		return ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Count").build();
	}

	private static List<String> events(int count) {
		List<String> pieces = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			pieces.add("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o\","
					+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"w" + i + " \"}}]}\n\n");
		}
		pieces.add("data: [DONE]\n\n");
		return pieces;
	}

}
