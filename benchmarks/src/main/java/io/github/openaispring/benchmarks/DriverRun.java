package io.github.openaispring.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * Measures every {@link Figure} for one driver, in a JVM of its own that the benchmark starts. It first runs
 * each workload for {@code bench.warmup} seconds so that the JIT has compiled the client's paths (and the
 * stub's) before anything is measured. Then, for each figure, it warms up its workload again for at least
 * {@code bench.warmup} seconds and until the JIT compiler is quiet (see {@link #warmUp(Workload)}), and measures
 * it for {@code bench.duration} seconds, reading around that window
 * the stub's counters, this process's CPU time and the bytes allocated by each of its threads. A rate is the
 * median over the window's one-second slices, reported with the lowest and highest slice. The results go to
 * standard output as {@link Measurement} lines, progress to standard error.
 */
public final class DriverRun {

	private static final long TIMEOUT_SECONDS = 60;

	private static final long JIT_QUIET_MILLIS = 20;

	private final Driver driver;

	private final String stubUrl;

	private final Settings settings;

	private final Call chat;

	private final Call stream;

	private final Call embedding;

	private DriverRun(Driver driver, String stubUrl, Settings settings) {
		this.driver = driver;
		this.stubUrl = stubUrl;
		this.settings = settings;
		this.chat = () -> {
			if (this.driver.chatCall() == null) {
				throw new IllegalStateException("chat completion without content");
			}
			return 1;
		};
		this.stream = () -> {
			long chunks = this.driver.chatStream();
			if (chunks != CannedResponses.STREAM_CHUNKS) {
				throw new IllegalStateException("stream of " + chunks + " chunks");
			}
			return chunks;
		};
		this.embedding = () -> {
			int length = this.driver.embeddingCall();
			if (length != CannedResponses.EMBEDDING_DIMENSIONS) {
				throw new IllegalStateException("embedding of " + length + " values");
			}
			return 1;
		};
	}

	/**
	 * Runs one driver against a stub that is already up.
	 * @param args the driver's class name and the stub's root URL
	 * @throws Exception if the driver cannot be created
	 */
	public static void main(String[] args) throws Exception {
		Driver driver = Class.forName(args[0]).asSubclass(Driver.class).getConstructor(String.class).newInstance(args[1]);
		try (driver) {
			for (Measurement measurement : new DriverRun(driver, args[1], Settings.fromSystemProperties()).run()) {
				System.out.println(measurement.toLine());
			}
		}
		System.out.flush();
		System.exit(0);
	}

	private List<Measurement> run() {
		warmUpEverything();
		List<Measurement> results = new ArrayList<>();
		results.addAll(guard(this::sequentialChat, Figure.CHAT_SEQUENTIAL, Figure.ALLOCATION));
		results.addAll(guard(() -> List.of(chatInFlight()), Figure.CHAT_IN_FLIGHT));
		results.addAll(guard(() -> List.of(streams()), Figure.STREAM_CHUNKS));
		results.addAll(guard(() -> List.of(embeddings()), Figure.EMBEDDINGS));
		return results;
	}

	/** Runs every workload once for the warm-up time; a workload that fails here fails again when measured. */
	private void warmUpEverything() {
		progress("warm-up of every workload");
		for (Call warmUp : List.<Call>of(() -> repeat(this.chat, warmUp()).total(), () -> inFlight(warmUp()).total(),
				() -> repeat(this.stream, warmUp()).total(), () -> repeat(this.embedding, warmUp()).total())) {
			try {
				warmUp.run();
			}
			catch (Exception | LinkageError ex) {
				// measured again below, where the failure is reported
			}
		}
	}

	/** Sequential chat calls: the calls per second and, over the same window, the bytes allocated per call. */
	private List<Measurement> sequentialChat() throws Exception {
		progress(Figure.CHAT_SEQUENTIAL);
		String warmUp = warmUp((slices) -> repeat(this.chat, slices));
		Snapshot before = begin();
		Slices calls = repeat(this.chat, window());
		Snapshot after = end();
		long allocated = allocatedBetween(before.allocatedBytes(), after.allocatedBytes());
		double perCall = (double) allocated / calls.total();
		return List.of(measurement(Figure.CHAT_SEQUENTIAL, calls, calls.total(), before, after, warmUp),
				new Measurement(Figure.ALLOCATION, perCall, perCall, perCall, calls.total(),
						after.stub().minus(before.stub()).requests(), 0, 0, "over the sequential window"));
	}

	private Measurement chatInFlight() throws Exception {
		progress(Figure.CHAT_IN_FLIGHT);
		String warmUp = warmUp(this::inFlight);
		Snapshot before = begin();
		Slices calls = inFlight(window());
		Snapshot after = end();
		return measurement(Figure.CHAT_IN_FLIGHT, calls, calls.total(), before, after,
				warmUp + "; stub also answers calls in flight at the window's ends");
	}

	private Measurement streams() throws Exception {
		progress(Figure.STREAM_CHUNKS);
		String warmUp = warmUp((slices) -> repeat(this.stream, slices));
		Snapshot before = begin();
		Slices chunks = repeat(this.stream, window());
		Snapshot after = end();
		return measurement(Figure.STREAM_CHUNKS, chunks, chunks.total() / CannedResponses.STREAM_CHUNKS, before,
				after, warmUp + "; client calls are streams");
	}

	private Measurement embeddings() throws Exception {
		progress(Figure.EMBEDDINGS);
		String warmUp = warmUp((slices) -> repeat(this.embedding, slices));
		Snapshot before = begin();
		Slices calls = repeat(this.embedding, window());
		Snapshot after = end();
		StubServer.Stats stub = after.stub().minus(before.stub());
		String format = (stub.embeddingsAsBase64() == 0) ? "floats"
				: (stub.embeddingsAsFloats() == 0) ? "base64" : "floats and base64";
		return measurement(Figure.EMBEDDINGS, calls, calls.total(), before, after,
				warmUp + "; stub answered with " + format);
	}

	/**
	 * Runs a workload for {@code bench.warmup} seconds, then second by second until the JIT compiler spent
	 * under {@value #JIT_QUIET_MILLIS} ms of the last second compiling, or {@code bench.warmup.max} seconds in
	 * all have passed. A fixed short warm-up measures whichever client the JIT happens to have finished
	 * compiling: on two cores the compiler threads compete with the workload, and a client with more code on
	 * its path is measured half-compiled.
	 * @return how long it took, for the figure's note
	 */
	private String warmUp(Workload workload) throws Exception {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		long start = System.nanoTime();
		workload.run(warmUp());
		boolean quiet = false;
		while (!quiet && (System.nanoTime() - start) / 1e9 < this.settings.maxWarmupSeconds()) {
			long compiling = jit.getTotalCompilationTime();
			workload.run(new Slices(1));
			quiet = jit.getTotalCompilationTime() - compiling < JIT_QUIET_MILLIS;
		}
		return "warmed up %.0f s%s".formatted((System.nanoTime() - start) / 1e9, quiet ? "" : " (JIT still busy)");
	}

	private Slices warmUp() {
		return new Slices(this.settings.warmupSeconds());
	}

	private Slices window() {
		return new Slices(this.settings.durationSeconds());
	}

	/** Makes calls one after the other until the window ends; returns what they counted, slice by slice. */
	private static Slices repeat(Call call, Slices window) throws Exception {
		do {
			long units = call.run();
			window.add(System.nanoTime(), units);
		}
		while (System.nanoTime() < window.end());
		return window;
	}

	/**
	 * Keeps {@code bench.inflight} async chat calls going until the window ends, starting one as soon as one
	 * ends; returns, slice by slice, how many ended within the window.
	 */
	private Slices inFlight(Slices window) throws Exception {
		int limit = this.settings.inFlight();
		Semaphore slots = new Semaphore(limit);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		while (System.nanoTime() < window.end() && failure.get() == null) {
			if (!slots.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				throw new TimeoutException("no call ended for " + TIMEOUT_SECONDS + " s");
			}
			CompletableFuture<String> call;
			try {
				call = this.driver.chatCallAsync();
			}
			catch (Exception ex) {
				slots.release();
				throw ex;
			}
			call.whenComplete((content, ex) -> {
				long now = System.nanoTime();
				if (ex != null || content == null) {
					failure.compareAndSet(null, (ex != null) ? ex : new IllegalStateException("no content"));
				}
				else if (now <= window.end()) {
					window.add(now, 1);
				}
				slots.release();
			});
		}
		if (!slots.tryAcquire(limit, TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			throw new TimeoutException("calls still in flight after " + TIMEOUT_SECONDS + " s");
		}
		if (failure.get() != null) {
			throw new IllegalStateException("async chat call failed", failure.get());
		}
		return window;
	}

	/** The figure is the median of the slices' rates, which a short burst of other work on the machine spares. */
	private Measurement measurement(Figure figure, Slices units, long calls, Snapshot before, Snapshot after,
			String note) {
		double seconds = (after.nanos() - before.nanos()) / 1e9;
		StubServer.Stats stub = after.stub().minus(before.stub());
		double[] rates = units.rates();
		double median = (rates[(rates.length - 1) / 2] + rates[rates.length / 2]) / 2;
		return new Measurement(figure, median, rates[0], rates[rates.length - 1], calls,
				stub.requests(), stub.cpuNanos() / 1e9 / seconds, (after.cpuNanos() - before.cpuNanos()) / 1e9 / seconds,
				note);
	}

	/** What stands at the start of a measured window; the stub is asked first, so that asking is left out. */
	private Snapshot begin() throws IOException {
		StubServer.Stats stub = stubStats();
		Map<Long, Long> allocated = allocatedBytes();
		return new Snapshot(System.nanoTime(), processCpuNanos(), stub, allocated);
	}

	/** What stands at the end of a measured window; the stub is asked last, so that asking is left out. */
	private Snapshot end() throws IOException {
		long nanos = System.nanoTime();
		long cpu = processCpuNanos();
		Map<Long, Long> allocated = allocatedBytes();
		return new Snapshot(nanos, cpu, stubStats(), allocated);
	}

	private static long processCpuNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private StubServer.Stats stubStats() throws IOException {
		try (InputStream in = URI.create(this.stubUrl + "/stats").toURL().openStream()) {
			return StubServer.Stats.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/** Bytes allocated so far by each live thread of this JVM, by thread id. */
	private static Map<Long, Long> allocatedBytes() {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long[] ids = threads.getAllThreadIds();
		long[] bytes = threads.getThreadAllocatedBytes(ids);
		Map<Long, Long> allocated = new HashMap<>();
		for (int i = 0; i < ids.length; i++) {
			if (bytes[i] >= 0) {
				allocated.put(ids[i], bytes[i]);
			}
		}
		return allocated;
	}

	/** Bytes allocated in between by the threads alive at the end; a thread that ended meanwhile is missed. */
	private static long allocatedBetween(Map<Long, Long> before, Map<Long, Long> after) {
		long total = 0;
		for (Map.Entry<Long, Long> thread : after.entrySet()) {
			total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
		}
		return total;
	}

	private void progress(Figure figure) {
		progress(figure.label(this.settings.inFlight()));
	}

	private void progress(String what) {
		System.err.printf("  %s: %s%n", this.driver.getClass().getSimpleName(), what);
	}

	/** Runs a step; if it fails, its figures are reported as failed and the run goes on. */
	private static List<Measurement> guard(Step step, Figure... figures) {
		try {
			return step.run();
		}
		catch (Exception | LinkageError ex) {
			ex.printStackTrace();
			return Arrays.stream(figures).map((figure) -> Measurement.failed(figure, ex)).toList();
		}
	}

	/** Runs a workload until the end of a window. */
	@FunctionalInterface
	private interface Workload {

		Slices run(Slices window) throws Exception;

	}

	/** One call of a driver; returns how many units (calls or chunks) it counts for. */
	@FunctionalInterface
	private interface Call {

		long run() throws Exception;

	}

	/** A measured window cut into slices of about one second, counting what was done in each. */
	private static final class Slices {

		private final long start = System.nanoTime();

		private final AtomicLongArray counts;

		private final long sliceNanos;

		Slices(double seconds) {
			this.counts = new AtomicLongArray(Math.max(1, (int) Math.round(seconds)));
			this.sliceNanos = Math.max(1, (long) (seconds * 1e9) / this.counts.length());
		}

		long end() {
			return this.start + this.sliceNanos * this.counts.length();
		}

		/** Counts units done at {@code now}; past the end they go to the last slice. */
		void add(long now, long units) {
			int slice = (int) Math.min((now - this.start) / this.sliceNanos, this.counts.length() - 1);
			this.counts.addAndGet(slice, units);
		}

		long total() {
			long total = 0;
			for (int i = 0; i < this.counts.length(); i++) {
				total += this.counts.get(i);
			}
			return total;
		}

		/** Units per second in each slice, lowest first. */
		double[] rates() {
			double[] rates = new double[this.counts.length()];
			for (int i = 0; i < rates.length; i++) {
				rates[i] = this.counts.get(i) / (this.sliceNanos / 1e9);
			}
			Arrays.sort(rates);
			return rates;
		}

	}

	/** Measures one or more figures. */
	@FunctionalInterface
	private interface Step {

		List<Measurement> run() throws Exception;

	}

	private record Snapshot(long nanos, long cpuNanos, StubServer.Stats stub, Map<Long, Long> allocatedBytes) {
	}

}
