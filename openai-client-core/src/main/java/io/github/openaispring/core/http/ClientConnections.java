package io.github.openaispring.core.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.util.context.Context;

/**
 * The connections of one client: every one it opened, so that {@link #closeAll()} can close
 * them, in use or not; and the connection of each attempt, so that an attempt that is given up
 * (timed out, cancelled) before its response ended closes its connection itself.
 * <p>
 * Why the second: Spring's {@code ReactorClientHttpConnector} (WebFlux 7.0) makes the
 * response on Reactor Netty's event loop, after Reactor Netty's own cancel hook is spent (its
 * {@code MonoSink} has its value), and frees the connection of a cancelled exchange only if it
 * already holds that response ({@code doOnCancel} reads {@code responseRef}). A cancel from
 * another thread (a timeout's timer, a caller) that arrives between the two finds neither: the
 * response is made, nobody reads or releases its body, and the connection stays acquired until
 * the server closes it. {@code StrandedConnectionTests} reproduces it with a bare
 * {@code WebClient}. Disposing Reactor Netty's connection of the attempt, on its event loop,
 * closes it in every case; after a response that ended, the connection is already back in the
 * pool and its operations are disposed, so that disposing them does nothing.
 */
final class ClientConnections {

	private static final Class<Attempt> ATTEMPT = Attempt.class;

	private final Set<Channel> channels = ConcurrentHashMap.newKeySet();

	/**
	 * Return the HTTP client that tells this of every connection it opens and of the
	 * connection of each request.
	 * @param client the client
	 * @return the client that reports its connections
	 */
	HttpClient track(HttpClient client) {
		return client.doOnChannelInit((observer, channel, remoteAddress) -> {
			this.channels.add(channel);
			channel.closeFuture().addListener((future) -> this.channels.remove(channel));
		}).doOnRequest((request, connection) -> {
			Attempt attempt = request.currentContextView().getOrDefault(ATTEMPT, null);
			if (attempt != null) {
				attempt.bind(connection);
			}
		});
	}

	/**
	 * Close the connection of an attempt that is given up: when it is cancelled or fails before
	 * its result passed, its connection is closed rather than left to Spring and Reactor Netty.
	 * Once the result has passed, the caller owns it (a body still to read, or nothing to
	 * free): a cancel after it, as {@code block()} and {@code next()} send, closes nothing.
	 * @param <T> the result type
	 * @param exchange one attempt of an exchange, its timeout included: a result that the
	 * timeout drops must not count as passed
	 * @return the same
	 */
	<T> Mono<T> guard(Mono<T> exchange) {
		return Mono.defer(() -> {
			Attempt attempt = new Attempt();
			return exchange.doOnNext((result) -> attempt.delivered())
				.doFinally(attempt::finished)
				.contextWrite(Context.of(ATTEMPT, attempt));
		});
	}

	/**
	 * Close the connection of an attempt that reads a stream when it is cancelled or fails
	 * before the stream completed.
	 * @param <T> the item type
	 * @param exchange one attempt of an exchange
	 * @return the same
	 */
	<T> Flux<T> guard(Flux<T> exchange) {
		return Flux.defer(() -> {
			Attempt attempt = new Attempt();
			return exchange.doFinally(attempt::finished).contextWrite(Context.of(ATTEMPT, attempt));
		});
	}

	/**
	 * Close every connection the client opened, idle or in use: an exchange under way fails.
	 */
	void closeAll() {
		for (Channel channel : this.channels) {
			channel.close();
		}
	}

	/**
	 * Return how many connections are open.
	 * @return the number of connections opened and not closed yet
	 */
	int open() {
		return this.channels.size();
	}

	/** The connection of one attempt, and whether the attempt gave it up. */
	private static final class Attempt {

		private volatile @Nullable Connection connection;

		private volatile @Nullable EventLoop eventLoop;

		private volatile boolean abandoned;

		private volatile boolean delivered;

		void bind(Connection connection) {
			// The event loop is read now: once the exchange ends, Reactor Netty swaps the
			// channel of its operations for a placeholder that has none.
			this.eventLoop = connection.channel().eventLoop();
			this.connection = connection;
			if (this.abandoned) {
				close();
			}
		}

		void delivered() {
			this.delivered = true;
		}

		void finished(SignalType signal) {
			if (signal == SignalType.ON_COMPLETE || this.delivered) {
				return;
			}
			this.abandoned = true;
			close();
		}

		private void close() {
			Connection connection = this.connection;
			EventLoop eventLoop = this.eventLoop;
			if (connection == null || eventLoop == null) {
				return;
			}
			// As a task of the event loop, where Reactor Netty ends exchanges, after the one
			// running (which may be ending this exchange): either the exchange has ended and
			// disposing its operations does nothing, even if the channel serves another
			// exchange by then, or it has not and the channel closes, which frees its slot.
			try {
				eventLoop.execute(connection::dispose);
			}
			catch (RejectedExecutionException ex) {
				// The event loops are shut down: their channels are closed with them.
			}
		}

	}

}
