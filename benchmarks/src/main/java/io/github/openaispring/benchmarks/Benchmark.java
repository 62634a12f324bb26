package io.github.openaispring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the benchmark and prints one table of figures, as plain text and as Markdown. For each driver it
 * starts a fresh {@link StubServer} process and then a {@link DriverRun} process, so that drivers share no
 * JIT profile or heap, and the allocations counted are the client's alone.
 *
 * <p>System properties: {@code bench.drivers} (comma-separated from {@code baseline}, {@code sdk},
 * {@code ours}; default all three, {@code ours} being skipped unless it was compiled in with
 * {@code -Dbench.ours=true}), {@code bench.warmup}, {@code bench.duration}, {@code bench.inflight} (see
 * {@link Settings}), {@code bench.baseline.encoding} and {@code bench.stub.workers}. The JVM options given to
 * this process are passed on to each driver's process.
 */
public final class Benchmark {

	private static final Map<String, DriverInfo> DRIVERS = Map.of(
			"baseline", new DriverInfo("Baseline", "io.github.openaispring.benchmarks.BaselineDriver"),
			"sdk", new DriverInfo("OfficialSdk", "io.github.openaispring.benchmarks.OfficialSdkDriver"),
			"ours", new DriverInfo("ThisClient", "io.github.openaispring.benchmarks.ThisClientDriver"));

	private Benchmark() {
	}

	/**
	 * Runs the drivers named by {@code bench.drivers} one after the other and prints the report.
	 * @param args ignored
	 * @throws Exception if a process cannot be started
	 */
	public static void main(String[] args) throws Exception {
		Settings settings = Settings.fromSystemProperties();
		double loadAverageAtStart = Report.loadAverage();
		Map<String, List<Measurement>> results = new LinkedHashMap<>();
		List<String> notes = new ArrayList<>();
		for (String key : System.getProperty("bench.drivers", "baseline,sdk,ours").split(",")) {
			DriverInfo driver = DRIVERS.get(key.trim());
			if (driver == null) {
				throw new IllegalArgumentException("Unknown driver '" + key + "'; known: " + DRIVERS.keySet());
			}
			if (!isPresent(driver.className())) {
				notes.add(driver.name() + " skipped: not compiled in (build with -Dbench.ours=true)");
				continue;
			}
			System.err.println("== " + driver.name());
			try (StubProcess stub = StubProcess.start()) {
				results.put(driver.name(), runDriver(driver, stub.url()));
			}
		}
		new Report(settings, results, notes, loadAverageAtStart).print(System.out);
	}

	private static List<Measurement> runDriver(DriverInfo driver, String stubUrl) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(javaCommand());
		command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), DriverRun.class.getName(),
				driver.className(), stubUrl));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		List<Measurement> measurements = new ArrayList<>();
		try (BufferedReader out = reader(process)) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (Measurement.isLine(line)) {
					measurements.add(Measurement.parse(line));
				}
				else {
					System.err.println(line);
				}
			}
		}
		int exit = process.waitFor();
		if (exit != 0 && measurements.isEmpty()) {
			for (Figure figure : Figure.values()) {
				measurements.add(Measurement.failed(figure, new IllegalStateException("driver process exited with " + exit)));
			}
		}
		return measurements;
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, Benchmark.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static BufferedReader reader(Process process) {
		return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
	}

	private record DriverInfo(String name, String className) {
	}

	/** A {@link StubServer} in a process of its own, stopped by closing its standard input. */
	private static final class StubProcess implements AutoCloseable {

		private static final String READY = "listening on ";

		private final Process process;

		private final String url;

		private StubProcess(Process process, String url) {
			this.process = process;
			this.url = url;
		}

		static StubProcess start() throws IOException {
			List<String> command = List.of(javaCommand(), "-XX:+UseSerialGC", "-Xmx512m",
					"-Dbench.stub.workers=" + Integer.getInteger("bench.stub.workers", 2), "-cp",
					System.getProperty("java.class.path"), StubServer.class.getName());
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			String line = reader(process).readLine();
			if (line == null || !line.startsWith(READY)) {
				process.destroyForcibly();
				throw new IOException("Stub server did not start: " + line);
			}
			return new StubProcess(process, line.substring(READY.length()).trim());
		}

		String url() {
			return this.url;
		}

		@Override
		public void close() throws Exception {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}

	}

}
