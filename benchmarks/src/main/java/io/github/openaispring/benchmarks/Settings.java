package io.github.openaispring.benchmarks;

/**
 * How long and how hard the benchmark runs, from system properties.
 *
 * @param warmupSeconds {@code bench.warmup}: seconds of warm-up before each figure, at least (default 2)
 * @param maxWarmupSeconds {@code bench.warmup.max}: seconds of warm-up before each figure, at most, when the JIT
 * compiler is still busy (default 30)
 * @param durationSeconds {@code bench.duration}: seconds measured for each figure (default 5)
 * @param inFlight {@code bench.inflight}: async calls kept in flight (default 64)
 */
record Settings(double warmupSeconds, double maxWarmupSeconds, double durationSeconds, int inFlight) {

	static Settings fromSystemProperties() {
		return new Settings(Double.parseDouble(System.getProperty("bench.warmup", "2")),
				Double.parseDouble(System.getProperty("bench.warmup.max", "30")),
				Double.parseDouble(System.getProperty("bench.duration", "5")), Integer.getInteger("bench.inflight", 64));
	}

}
