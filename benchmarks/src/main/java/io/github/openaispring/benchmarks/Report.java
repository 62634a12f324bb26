package io.github.openaispring.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints the figures of every driver side by side with their ratio to the baseline, then the stub check:
 * calls the driver counted against requests the stub answered, and the CPU each process used. Both tables
 * come once as aligned plain text and once as Markdown.
 */
final class Report {

	private static final String BASELINE = "Baseline";

	private static final Set<String> TEXT_COLUMNS = Set.of("figure", "note");

	private final Settings settings;

	private final Map<String, List<Measurement>> results;

	private final List<String> notes;

	private final double loadAverageAtStart;

	Report(Settings settings, Map<String, List<Measurement>> results, List<String> notes, double loadAverageAtStart) {
		this.settings = settings;
		this.results = results;
		this.notes = notes;
		this.loadAverageAtStart = loadAverageAtStart;
	}

	void print(PrintStream out) {
		List<List<String>> figures = figuresTable();
		List<List<String>> checks = checksTable();
		out.println();
		out.println("OpenAI client benchmark: Java " + System.getProperty("java.version") + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, warm-up " + this.settings.warmupSeconds() + " s to "
				+ this.settings.maxWarmupSeconds() + " s (until the JIT is quiet, see the notes) and "
				+ this.settings.durationSeconds() + " s measured per figure; stub and each driver in "
				+ "their own JVM; ratios are to " + BASELINE + ".");
		out.printf("System load average (1 min): %.2f at the start, %.2f at the end; anything else busy on the "
				+ "machine skews the figures.%n", this.loadAverageAtStart, loadAverage());
		this.notes.forEach((note) -> out.println("Note: " + note));
		out.println();
		out.println(plain(figures));
		out.println("Stub check (the measured windows):");
		out.println(plain(checks));
		out.println(markdown(figures));
		out.println(markdown(checks));
	}

	static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private List<List<String>> figuresTable() {
		List<List<String>> rows = new ArrayList<>();
		List<String> header = new ArrayList<>(List.of("figure"));
		header.addAll(this.results.keySet());
		rows.add(header);
		for (Figure figure : Figure.values()) {
			List<String> row = new ArrayList<>(List.of(figure.label(this.settings.inFlight())));
			Measurement baseline = find(BASELINE, figure);
			this.results.keySet().forEach((driver) -> row.add(cell(find(driver, figure), baseline)));
			rows.add(row);
		}
		return rows;
	}

	private List<List<String>> checksTable() {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("driver", "figure", "slowest..fastest second", "client calls", "stub requests", "stub CPU",
				"client CPU", "note"));
		this.results.forEach((driver, measurements) -> {
			for (Measurement m : measurements) {
				if (m.figure() == Figure.ALLOCATION) {
					continue;
				}
				rows.add(List.of(driver, m.figure().label(this.settings.inFlight()),
						"%,.0f..%,.0f".formatted(m.low(), m.high()), "%,d".formatted(m.clientCalls()),
						"%,d".formatted(m.stubRequests()), "%.2f cores".formatted(m.stubCpuCores()),
						"%.2f cores".formatted(m.clientCpuCores()), m.note()));
			}
		});
		return rows;
	}

	private Measurement find(String driver, Figure figure) {
		return this.results.getOrDefault(driver, Collections.emptyList())
			.stream()
			.filter((m) -> m.figure() == figure)
			.findFirst()
			.orElse(null);
	}

	private static String cell(Measurement m, Measurement baseline) {
		if (m == null || m.isFailed()) {
			return "failed";
		}
		String value = (m.figure() == Figure.ALLOCATION) ? "%,.0f B".formatted(m.value())
				: (m.value() >= 100) ? "%,.0f".formatted(m.value()) : "%,.1f".formatted(m.value());
		if (baseline == null || baseline == m || baseline.isFailed()) {
			return value;
		}
		return value + " (%.2fx)".formatted(m.value() / baseline.value());
	}

	private static String plain(List<List<String>> rows) {
		int[] widths = widths(rows);
		StringBuilder text = new StringBuilder();
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				String format = isText(rows, i) ? "%-" : "%";
				text.append((i > 0) ? "   " : "").append((format + widths[i] + "s").formatted(row.get(i)));
			}
			text.append(System.lineSeparator());
		}
		return text.toString();
	}

	private static String markdown(List<List<String>> rows) {
		StringBuilder text = new StringBuilder();
		for (int r = 0; r < rows.size(); r++) {
			text.append("| ").append(String.join(" | ", rows.get(r))).append(" |").append(System.lineSeparator());
			if (r == 0) {
				for (int i = 0; i < rows.get(0).size(); i++) {
					text.append(isText(rows, i) ? "| --- " : "| ---: ");
				}
				text.append("|").append(System.lineSeparator());
			}
		}
		return text.toString();
	}

	/** Whether a column holds words, aligned left, rather than numbers, aligned right. */
	private static boolean isText(List<List<String>> rows, int column) {
		return column == 0 || TEXT_COLUMNS.contains(rows.get(0).get(column));
	}

	private static int[] widths(List<List<String>> rows) {
		int[] widths = new int[rows.get(0).size()];
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		return widths;
	}

}
