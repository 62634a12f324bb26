package io.github.openaispring.core.http;

import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

import reactor.netty.resources.ConnectionPoolMetrics;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reads the live sizes of the transport's connection pool. Reactor Netty keeps one pool per
 * remote address and hands each one's metrics to a {@link ConnectionProvider.MeterRegistrar}
 * when it is created; this registrar keeps them so that the sizes can be summed on demand,
 * without Micrometer. It records nothing per request.
 */
final class PoolStatistics implements ConnectionProvider.MeterRegistrar {

	private final Map<String, ConnectionPoolMetrics> pools = new ConcurrentHashMap<>();

	@Override
	public void registerMetrics(String poolName, String id, SocketAddress remoteAddress,
			ConnectionPoolMetrics metrics) {
		this.pools.put(key(id, remoteAddress), metrics);
	}

	@Override
	public void deRegisterMetrics(String poolName, String id, SocketAddress remoteAddress) {
		this.pools.remove(key(id, remoteAddress));
	}

	/**
	 * Return the connections handed out and not given back yet, over every remote address.
	 * @return the number of acquired connections
	 */
	int acquired() {
		return sum(ConnectionPoolMetrics::acquiredSize);
	}

	private int sum(ToIntFunction<ConnectionPoolMetrics> size) {
		int total = 0;
		for (ConnectionPoolMetrics metrics : this.pools.values()) {
			total += size.applyAsInt(metrics);
		}
		return total;
	}

	private static String key(String id, SocketAddress remoteAddress) {
		return id + "@" + remoteAddress;
	}

}
