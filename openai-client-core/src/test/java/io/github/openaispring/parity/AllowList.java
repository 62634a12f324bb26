package io.github.openaispring.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The differences from the official SDK that are known and accepted, each with its reason
 * ({@code src/test/parity/allowlist.tsv}): one a line, tab-separated, case id (or a glob: {@code *}
 * any characters, {@code ?} one), what differs (or a glob) as {@link Difference#what()} names it,
 * and why. An operation not covered by any case is the difference {@code not covered} of the
 * "case" named by the operation ({@code fine_tuning.jobs.create}). Lines starting with {@code #}
 * and blank lines are ignored. An entry that matches no difference is stale and fails the suite.
 */
final class AllowList {

	/**
	 * One entry.
	 * @param line its line number
	 * @param caseGlob the cases it applies to
	 * @param whatGlob what differs
	 * @param reason why it is accepted
	 */
	record Entry(int line, String caseGlob, String whatGlob, String reason, Pattern casePattern, Pattern whatPattern) {

		boolean matches(String caseId, String what) {
			return this.casePattern.matcher(caseId).matches() && this.whatPattern.matcher(what).matches();
		}

		@Override
		public String toString() {
			return "line " + this.line + ": " + this.caseGlob + " | " + this.whatGlob + " | " + this.reason;
		}

	}

	private final List<Entry> entries;

	private final boolean[] used;

	private AllowList(List<Entry> entries) {
		this.entries = entries;
		this.used = new boolean[entries.size()];
	}

	static AllowList read(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] columns = line.split("\t", -1);
			if (columns.length != 3 || columns[0].isBlank() || columns[1].isBlank() || columns[2].isBlank()) {
				throw new IllegalStateException(file + " line " + (i + 1)
						+ ": expected three tab-separated columns (case, what differs, reason): " + line);
			}
			entries.add(new Entry(i + 1, columns[0].trim(), columns[1].trim(), columns[2].trim(), glob(columns[0].trim()),
					glob(columns[1].trim())));
		}
		return new AllowList(entries);
	}

	private static Pattern glob(String glob) {
		StringBuilder regex = new StringBuilder();
		for (char c : glob.toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString());
	}

	/**
	 * Return the first entry that accepts the difference, marking it used, or {@code null}.
	 * @param caseId the case (or the operation, for coverage)
	 * @param what what differs
	 * @return the entry, or {@code null} when the difference is not accepted
	 */
	synchronized @Nullable Entry accept(String caseId, String what) {
		for (int i = 0; i < this.entries.size(); i++) {
			if (this.entries.get(i).matches(caseId, what)) {
				this.used[i] = true;
				return this.entries.get(i);
			}
		}
		return null;
	}

	/** The entries that matched no difference. */
	synchronized List<Entry> unused() {
		List<Entry> unused = new ArrayList<>();
		for (int i = 0; i < this.entries.size(); i++) {
			if (!this.used[i]) {
				unused.add(this.entries.get(i));
			}
		}
		return unused;
	}

	List<Entry> entries() {
		return this.entries;
	}

}
