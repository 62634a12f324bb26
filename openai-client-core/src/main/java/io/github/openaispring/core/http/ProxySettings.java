package io.github.openaispring.core.http;

import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy the client connects through.
 *
 * @param host the proxy's host
 * @param port the proxy's port
 * @param username the user name to authenticate with, or {@code null}
 * @param password the password to authenticate with, or {@code null}
 * @param nonProxyHosts a regular expression of hosts reached directly, or {@code null}
 * @since 0.1.0
 */
public record ProxySettings(String host, int port, @Nullable String username, @Nullable String password,
		@Nullable String nonProxyHosts) {

	@Override
	public String toString() {
		return "ProxySettings{host=" + this.host + ", port=" + this.port + ", username=" + this.username
				+ ", password=" + ((this.password != null) ? "****" : "none") + "}";
	}

}
