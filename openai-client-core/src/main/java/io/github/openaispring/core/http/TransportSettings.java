package io.github.openaispring.core.http;

import java.time.Duration;

/**
 * How the transport connects: fixed when a client is built and shared by every client derived
 * from it.
 *
 * @param poolName the name of the connection pool, seen in Reactor Netty's metrics
 * @param maxConnections the most connections open at once
 * @param connectTimeout how long to wait for a connection
 * @param maxInMemorySize the largest response body read into memory, in bytes
 * @since 0.1.0
 */
public record TransportSettings(String poolName, int maxConnections, Duration connectTimeout, int maxInMemorySize) {

	/** A pool named {@code openai} of 500 connections, a 5 s connect timeout, bodies up to 256 MB. */
	public static final TransportSettings DEFAULTS = new TransportSettings("openai", 500, Duration.ofSeconds(5),
			256 * 1024 * 1024);

}
