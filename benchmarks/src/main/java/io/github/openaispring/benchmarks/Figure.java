package io.github.openaispring.benchmarks;

/**
 * What the benchmark measures for every driver.
 */
enum Figure {

	/** Chat completions per second, one after the other. */
	CHAT_SEQUENTIAL("chat calls/s, sequential", false),

	/** Chat completions per second with {@code bench.inflight} calls in flight. */
	CHAT_IN_FLIGHT("chat calls/s, %d in flight", false),

	/** Chunks per second read from 1,000-chunk streams, one stream after the other. */
	STREAM_CHUNKS("stream chunks/s, 1,000-chunk streams", false),

	/** Embedding calls per second, each returning 1,536 floats. */
	EMBEDDINGS("embedding calls/s, 1,536 floats", false),

	/** Bytes allocated by the driver's JVM per sequential chat call. */
	ALLOCATION("allocated bytes per chat call", true);

	private final String label;

	private final boolean lowerIsBetter;

	Figure(String label, boolean lowerIsBetter) {
		this.label = label;
		this.lowerIsBetter = lowerIsBetter;
	}

	String label(int inFlight) {
		return this.label.formatted(inFlight) + (this.lowerIsBetter ? " (lower is better)" : "");
	}

}
