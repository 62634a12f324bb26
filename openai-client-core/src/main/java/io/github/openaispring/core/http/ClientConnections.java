package io.github.openaispring.core.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.netty.Connection;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.client.HttpClient;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

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
 * {@code WebClient}. Closing the attempt's channel, on its event loop and only while the
 * attempt's exchange is still bound to it, frees the slot in every case; a channel whose
 * exchange ended is back in the pool or serves another call, and is left alone.
 * <p>
 * It also keeps what fails in Spring's and Reactor Netty's operators after such a cancel away
 * from Reactor's global {@code onErrorDropped} hook, which logs each at ERROR level.
 */
final class ClientConnections {

	private static final Log logger = LogFactory.getLog(ClientConnections.class);

	private static final Class<Attempt> ATTEMPT = Attempt.class;

	/**
	 * The context key under which Reactor looks for an {@code onErrorDropped} hook of one
	 * subscription before its global one ({@code Hooks.KEY_ON_ERROR_DROPPED}, not public;
	 * reactor-core 3.8). Were it renamed, dropped failures would reach the global hook again,
	 * which {@code ReliabilitySoakTests} checks.
	 */
	private static final String ON_ERROR_DROPPED = "reactor.onErrorDropped.local";

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
				.doOnCancel(attempt::abandon)
				.doOnError((failure) -> attempt.abandon())
				.doOnSuccess((result) -> attempt.delivered())
				.contextWrite(attempt.context());
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
			// A cancel after completion (a blocking stream closed after its end) closes nothing:
			// the rest of the body is being read so that the connection can be reused.
			return exchange.doOnComplete(attempt::delivered)
				.doOnCancel(attempt::abandon)
				.doOnError((failure) -> attempt.abandon())
				.contextWrite(attempt.context());
		});
	}

	/**
	 * Complete quietly, instead of failing, once the attempt reading this body was given up.
	 * Spring's connector, on a cancel, marks a response whose body is not subscribed yet as
	 * released; if the event loop subscribes to it just after (the cancel came from another
	 * thread), the read fails with "The client response body has been released already due to
	 * cancellation", and the failure reaches operators that were cancelled, which hand it to
	 * Reactor's {@code onErrorDropped} hook (logged at ERROR). Nobody waits for that failure:
	 * the caller gave up, and {@link #guard} closes the connection. Applied to the body itself,
	 * before any operator that drops a failure once cancelled.
	 * @param <T> the item type
	 * @param body a response's body, read within a {@link #guard guarded} attempt
	 * @return the same, completing instead of failing once the attempt was given up
	 */
	static <T> Flux<T> quietWhenAbandoned(Flux<T> body) {
		return body.onErrorResume((failure) -> Flux.deferContextual((context) -> abandoned(context)
				? Flux.<T>empty() : Flux.<T>error(failure)));
	}

	private static boolean abandoned(ContextView context) {
		Attempt attempt = context.getOrDefault(ATTEMPT, null);
		return attempt != null && attempt.abandoned;
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

		private volatile @Nullable Channel channel;

		private volatile boolean abandoned;

		private volatile boolean delivered;

		void bind(Connection connection) {
			// The channel is read now: once the exchange ends, Reactor Netty swaps the channel
			// of its operations for a placeholder.
			this.channel = connection.channel();
			this.connection = connection;
			if (this.abandoned) {
				close();
			}
		}

		Context context() {
			return Context.of(ATTEMPT, this, ON_ERROR_DROPPED, (Consumer<Throwable>) this::dropped);
		}

		/**
		 * A failure an operator of this attempt could not pass on because it was cancelled or
		 * done: Spring's and Reactor Netty's operators still fail after a cancel from another
		 * thread (a second subscriber to a body released by the cancel, a read of a body
		 * released already, the close of the connection of a request given up). Once the
		 * attempt has ended, given up or not, nobody can receive it, so it is logged at debug
		 * level; while the attempt is under way it goes where Reactor sends it by default.
		 */
		private void dropped(Throwable failure) {
			if (this.abandoned || this.delivered) {
				if (logger.isDebugEnabled()) {
					logger.debug("Failure after the call was given up: " + failure);
				}
			}
			else {
				Operators.onErrorDropped(failure, Context.empty());
			}
		}

		void delivered() {
			this.delivered = true;
		}

		/**
		 * The attempt was cancelled or failed: called before the cancel goes upstream, so
		 * that a body read that fails because of it knows why.
		 */
		void abandon() {
			if (this.delivered) {
				return;
			}
			this.abandoned = true;
			close();
		}

		private void close() {
			Connection connection = this.connection;
			Channel channel = this.channel;
			if (connection == null || channel == null) {
				return;
			}
			// As a task of the event loop, where Reactor Netty ends exchanges and binds new
			// ones, after the task running (which may be ending this exchange), and only while
			// this exchange's operations are still the channel's: once the exchange ended, the
			// channel is back in the pool or serves another exchange, and is left alone.
			// Disposing the operations (rather than closing the channel under them) closes the
			// channel the way Reactor Netty does on a cancel, without failing the cancelled
			// exchange's subscribers once more. Marked not persistent first, as Reactor Netty
			// does for a reset: the end of the exchange must not hand the closing channel back
			// to the pool, where another call could take it before it is seen closed.
			try {
				channel.eventLoop().execute(() -> {
					if (ChannelOperations.get(channel) == connection) {
						connection.markPersistent(false);
						connection.dispose();
					}
				});
			}
			catch (RejectedExecutionException ex) {
				// The event loops are shut down: their channels are closed with them.
			}
		}

	}

}
