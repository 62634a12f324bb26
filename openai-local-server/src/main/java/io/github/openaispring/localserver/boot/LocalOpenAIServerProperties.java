package io.github.openaispring.localserver.boot;

import java.time.Duration;

import io.github.openaispring.localserver.LocalOpenAIServer;

/**
 * The {@code openai.local-server.*} properties, read while the environment is prepared (before
 * any bean exists), so they can be set wherever Boot reads properties: {@code application.yml},
 * profiles, system properties, environment variables ({@code OPENAI_LOCALSERVER_ENABLED}) or the
 * command line.
 *
 * @since 0.1.0
 */
public class LocalOpenAIServerProperties {

	/** The prefix of these properties. */
	public static final String PREFIX = "openai.local-server";

	/**
	 * {@code openai.local-server.enabled}: whether to start the local server. {@code auto}, the
	 * default, starts it only when neither {@code openai.api-key} nor {@code openai.base-url} has
	 * a non-blank value (from any property source, including the {@code OPENAI_API_KEY} and
	 * {@code OPENAI_BASE_URL} environment variables); {@code true} always starts it, and its URL
	 * then wins over any configured {@code openai.base-url}; {@code false} never does.
	 */
	private Mode enabled = Mode.AUTO;

	/**
	 * {@code openai.local-server.port}: the port to listen on; 0, the default, picks a free one.
	 */
	private int port;

	/**
	 * {@code openai.local-server.stream-delay}: the pause between the words of a streamed answer
	 * (default 25ms; 0 streams as fast as possible).
	 */
	private Duration streamDelay = LocalOpenAIServer.DEFAULT_STREAM_DELAY;

	/**
	 * Return {@code enabled}: whether to start the local server.
	 * @return the value
	 */
	public Mode getEnabled() {
		return this.enabled;
	}

	/**
	 * Set {@code enabled}: whether to start the local server.
	 * @param enabled the value
	 */
	public void setEnabled(Mode enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return {@code port}: the port to listen on; 0, the default, picks a free one.
	 * @return the value
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * Set {@code port}: the port to listen on; 0, the default, picks a free one.
	 * @param port the value
	 */
	public void setPort(int port) {
		this.port = port;
	}

	/**
	 * Return {@code streamDelay}: the pause between the words of a streamed answer (default 25ms; 0 streams as fast as possible).
	 * @return the value
	 */
	public Duration getStreamDelay() {
		return this.streamDelay;
	}

	/**
	 * Set {@code streamDelay}: the pause between the words of a streamed answer (default 25ms; 0 streams as fast as possible).
	 * @param streamDelay the value
	 */
	public void setStreamDelay(Duration streamDelay) {
		this.streamDelay = streamDelay;
	}

	/** The values of {@code openai.local-server.enabled}. */
	public enum Mode {

		/** Start when no API key and no base URL are configured. */
		AUTO,

		/** Always start, and point {@code openai.base-url} at the local server. */
		TRUE,

		/** Never start. */
		FALSE

	}

}
