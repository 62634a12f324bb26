package io.github.openaispring.core.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event-stream reader on its own: line endings, buffers cut anywhere, the fields, the last
 * event without a blank line, and the size limit.
 */
class SseDecoderTests {

	private static List<ServerSentEvent<String>> decode(int maxEventBytes, String... pieces) {
		Flux<DataBuffer> body = Flux.fromArray(pieces)
			.map((piece) -> DefaultDataBufferFactory.sharedInstance.wrap(piece.getBytes(StandardCharsets.UTF_8)));
		return SseDecoder.decode(body, maxEventBytes).collectList().block(Duration.ofSeconds(5));
	}

	private static List<ServerSentEvent<String>> decode(String... pieces) {
		return decode(1024, pieces);
	}

	@Test
	void readsLfCrlfAndLoneCrLineEndings() {
		assertThat(decode("data: a\n\ndata: b\r\n\r\ndata: c\r\rdata: d\n\n")).extracting(ServerSentEvent::data)
			.containsExactly("a", "b", "c", "d");
	}

	@Test
	void aCrlfCutBetweenItsTwoBytesIsOneLineEnd() {
		assertThat(decode("data: a\r", "\n", "\r", "\ndata: b\r", "\n\r\n")).extracting(ServerSentEvent::data)
			.containsExactly("a", "b");
	}

	@Test
	void aMultiByteCharacterCutAcrossBuffersIsKept() {
		byte[] bytes = "data: é👋\n\n".getBytes(StandardCharsets.UTF_8);
		Flux<DataBuffer> body = Flux.just(Arrays.copyOfRange(bytes, 0, 7), Arrays.copyOfRange(bytes, 7, 10),
				Arrays.copyOfRange(bytes, 10, bytes.length))
			.map(DefaultDataBufferFactory.sharedInstance::wrap);
		assertThat(SseDecoder.decode(body, 1024).collectList().block()).extracting(ServerSentEvent::data)
			.containsExactly("é👋");
	}

	@Test
	void readsEveryFieldAndIgnoresUnknownOnes() {
		List<ServerSentEvent<String>> events = decode(
				"id: 7\nevent: thread.run.created\nretry: 250\nfoo: bar\ndata\ndata:x\n: a comment\n\n");
		assertThat(events).hasSize(1);
		ServerSentEvent<String> event = events.get(0);
		assertThat(event.id()).isEqualTo("7");
		assertThat(event.event()).isEqualTo("thread.run.created");
		assertThat(event.retry()).isEqualTo(Duration.ofMillis(250));
		assertThat(event.data()).isEqualTo("\nx");
		assertThat(event.comment()).isEqualTo("a comment");
	}

	@Test
	void blankLinesWithoutFieldsMakeNoEvent() {
		assertThat(decode("\n\n\r\n: ping\n\ndata: a\n\n")).extracting(ServerSentEvent::data)
			.containsExactly(null, "a");
	}

	@Test
	void theLastEventIsReadWhenTheBodyEndsWithoutABlankLine() {
		assertThat(decode("data: a\n\ndata: b")).extracting(ServerSentEvent::data).containsExactly("a", "b");
	}

	@Test
	void anEventOverTheLimitFails() {
		assertThatThrownBy(() -> decode(16, "data: ", "0123456789", "0123456789\n\n"))
			.isInstanceOf(DataBufferLimitException.class)
			.hasMessageContaining("16 bytes");
	}

	@Test
	void theLimitIsPerEvent() {
		assertThat(decode(16, "data: 0123456789\n\ndata: 0123456789\n\n")).hasSize(2);
	}

	@Test
	void aRetryThatIsNotANumberFails() {
		assertThatThrownBy(() -> decode("retry: soon\n\n")).isInstanceOf(NumberFormatException.class);
	}

}
