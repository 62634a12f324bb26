package io.github.openaispring.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * Measures every {@link Figure} for one driver, in a JVM of its own that the benchmark starts. Each figure is
 * a warm-up of {@code bench.warmup} seconds, then a measured window of {@code bench.duration} seconds around
 * which it reads the stub's counters, this process's CPU time and the bytes allocated by each of its threads.
 * The results go to standard output as {@link Measurement} lines, progress to standard error.
 */
public final class DriverRun {

	private static final long TIMEOUT_SECONDS = 60;

	private final Driver driver;

	private final String stubUrl;

	private final Settings settings;

	private DriverRun(Driver driver, String stubUrl, Settings settings) {
		this.driver = driver;
		this.stubUrl = stubUrl;
		this.settings = settings;
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
		List<Measurement> results = new ArrayList<>();
		try {
			results.addAll(sequentialChat());
		}
		catch (Exception ex) {
			ex.printStackTrace();
			results.add(Measurement.failed(Figure.CHAT_SEQUENTIAL, ex));
			results.add(Measurement.failed(Figure.ALLOCATION, ex));
		}
		results.add(guard(Figure.CHAT_IN_FLIGHT, this::chatInFlight));
		results.add(guard(Figure.STREAM_CHUNKS, this::stream));
		results.add(guard(Figure.EMBEDDINGS, this::embeddings));
		return results;
	}

	/** Sequential chat calls: the calls per second and, over the same window, the bytes allocated per call. */
	private List<Measurement> sequentialChat() throws Exception {
		Call call = () -> {
			if (this.driver.chatCall() == null) {
				throw new IllegalStateException("chat completion without content");
			}
			return 1;
		};
		progress(Figure.CHAT_SEQUENTIAL);
		repeat(call, this.settings.warmupSeconds());
		Snapshot before = begin();
		long calls = repeat(call, this.settings.durationSeconds());
		Snapshot after = end();
		long allocated = allocatedBetween(before.allocatedBytes(), after.allocatedBytes());
		return List.of(measurement(Figure.CHAT_SEQUENTIAL, calls, calls, before, after, ""),
				new Measurement(Figure.ALLOCATION, (double) allocated / calls, calls,
						after.stub().minus(before.stub()).requests(), 0, 0, "over the sequential window"));
	}

	private Measurement chatInFlight() throws Exception {
		progress(Figure.CHAT_IN_FLIGHT);
		inFlight(this.settings.warmupSeconds());
		Snapshot before = begin();
		long calls = inFlight(this.settings.durationSeconds());
		Snapshot after = end();
		return measurement(Figure.CHAT_IN_FLIGHT, calls, calls, before, after,
				"stub also answers calls in flight at the window's ends");
	}

	private Measurement stream() throws Exception {
		Call call = () -> {
			long chunks = this.driver.chatStream();
			if (chunks != CannedResponses.STREAM_CHUNKS) {
				throw new IllegalStateException("stream of " + chunks + " chunks");
			}
			return chunks;
		};
		progress(Figure.STREAM_CHUNKS);
		repeat(call, this.settings.warmupSeconds());
		Snapshot before = begin();
		long chunks = repeat(call, this.settings.durationSeconds());
		Snapshot after = end();
		return measurement(Figure.STREAM_CHUNKS, chunks, chunks / CannedResponses.STREAM_CHUNKS, before, after,
				"client calls are streams");
	}

	private Measurement embeddings() throws Exception {
		Call call = () -> {
			int length = this.driver.embeddingCall();
			if (length != CannedResponses.EMBEDDING_DIMENSIONS) {
				throw new IllegalStateException("embedding of " + length + " values");
			}
			return 1;
		};
		progress(Figure.EMBEDDINGS);
		repeat(call, this.settings.warmupSeconds());
		Snapshot before = begin();
		long calls = repeat(call, this.settings.durationSeconds());
		Snapshot after = end();
		StubServer.Stats stub = after.stub().minus(before.stub());
		String format = (stub.embeddingsAsBase64() == 0) ? "floats"
				: (stub.embeddingsAsFloats() == 0) ? "base64" : "floats and base64";
		return measurement(Figure.EMBEDDINGS, calls, calls, before, after, "stub answered with " + format);
	}

	/** Makes calls one after the other for the given time; returns what they counted. */
	private static long repeat(Call call, double seconds) throws Exception {
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		long count = 0;
		do {
			count += call.run();
		}
		while (System.nanoTime() < deadline);
		return count;
	}

	/**
	 * Keeps {@code bench.inflight} async chat calls going for the given time, starting one as soon as one
	 * ends; returns how many ended within that time.
	 */
	private long inFlight(double seconds) throws Exception {
		int limit = this.settings.inFlight();
		Semaphore slots = new Semaphore(limit);
		AtomicLong completed = new AtomicLong();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		while (System.nanoTime() < deadline && failure.get() == null) {
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
				if (ex != null || content == null) {
					failure.compareAndSet(null, (ex != null) ? ex : new IllegalStateException("no content"));
				}
				else if (System.nanoTime() <= deadline) {
					completed.incrementAndGet();
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
		return completed.get();
	}

	private Measurement measurement(Figure figure, long units, long calls, Snapshot before, Snapshot after,
			String note) {
		double seconds = (after.nanos() - before.nanos()) / 1e9;
		StubServer.Stats stub = after.stub().minus(before.stub());
		return new Measurement(figure, units / seconds, calls, stub.requests(), stub.cpuNanos() / 1e9 / seconds,
				(after.cpuNanos() - before.cpuNanos()) / 1e9 / seconds, note);
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
		System.err.printf("  %-12s %s%n", this.driver.getClass().getSimpleName(),
				figure.label(this.settings.inFlight()));
	}

	private Measurement guard(Figure figure, Step step) {
		try {
			return step.run();
		}
		catch (Exception ex) {
			ex.printStackTrace();
			return Measurement.failed(figure, ex);
		}
	}

	/** One call of a driver; returns how many units (calls or chunks) it counts for. */
	@FunctionalInterface
	private interface Call {

		long run() throws Exception;

	}

	@FunctionalInterface
	private interface Step {

		Measurement run() throws Exception;

	}

	private record Snapshot(long nanos, long cpuNanos, StubServer.Stats stub, Map<Long, Long> allocatedBytes) {
	}

}
