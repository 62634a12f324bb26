package io.github.openaispring.benchmarks;

/**
 * One figure measured for one driver, with what the stub saw meanwhile. A driver's process prints each as
 * one line, which the benchmark's main process reads back.
 *
 * @param figure what was measured
 * @param value the figure, or {@code NaN} if it failed: for a rate, the median over the one-second slices
 * @param low the lowest slice's rate (the value itself where there are no slices)
 * @param high the highest slice's rate (likewise)
 * @param clientCalls calls the driver completed in the measured window
 * @param stubRequests requests the stub answered in the same window
 * @param stubCpuCores CPU used by the stub's process in the window, in cores (1.0 = one core busy)
 * @param clientCpuCores CPU used by the driver's process in the window, in cores
 * @param note what else is worth knowing, e.g. how the stub encoded the embeddings; empty if nothing
 */
record Measurement(Figure figure, double value, double low, double high, long clientCalls, long stubRequests, double stubCpuCores,
		double clientCpuCores, String note) {

	private static final String PREFIX = "RESULT\t";

	static Measurement failed(Figure figure, Throwable failure) {
		String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		return new Measurement(figure, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0, "FAILED " + message);
	}

	boolean isFailed() {
		return Double.isNaN(this.value);
	}

	String toLine() {
		return PREFIX + this.figure + "\t" + this.value + "\t" + this.low + "\t" + this.high + "\t" + this.clientCalls + "\t" + this.stubRequests + "\t"
				+ this.stubCpuCores + "\t" + this.clientCpuCores + "\t" + this.note.replaceAll("\\s+", " ");
	}

	static boolean isLine(String line) {
		return line.startsWith(PREFIX);
	}

	static Measurement parse(String line) {
		String[] f = line.substring(PREFIX.length()).split("\t", -1);
		return new Measurement(Figure.valueOf(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
				Double.parseDouble(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6]),
				Double.parseDouble(f[7]), f[8]);
	}

}
