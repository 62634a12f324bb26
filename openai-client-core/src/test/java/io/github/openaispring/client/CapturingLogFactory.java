package io.github.openaispring.client;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The commons-logging factory of the tests (registered in
 * {@code META-INF/services/org.apache.commons.logging.LogFactory}, which commons-logging 1.3
 * consults before looking for Log4j or SLF4J). Every logger is silent until a test calls
 * {@link #capture()}; then every level up to trace is enabled and every line, with the full text
 * of any exception logged with it, is recorded.
 */
public final class CapturingLogFactory extends LogFactory {

	private static final List<String> lines = new CopyOnWriteArrayList<>();

	private static volatile boolean capturing;

	private final Map<String, Object> attributes = new ConcurrentHashMap<>();

	private final Map<String, Log> logs = new ConcurrentHashMap<>();

	/**
	 * Start recording every line of every commons-logging logger, at every level.
	 * @return the recording; close it to stop
	 */
	public static Capture capture() {
		lines.clear();
		capturing = true;
		return new Capture();
	}

	@Override
	public Object getAttribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public String[] getAttributeNames() {
		return this.attributes.keySet().toArray(new String[0]);
	}

	@Override
	public Log getInstance(Class<?> clazz) {
		return getInstance(clazz.getName());
	}

	@Override
	public Log getInstance(String name) {
		return this.logs.computeIfAbsent(name, CapturingLog::new);
	}

	@Override
	public void release() {
		this.logs.clear();
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		if (value == null) {
			this.attributes.remove(name);
		}
		else {
			this.attributes.put(name, value);
		}
	}

	/**
	 * What was logged since {@link CapturingLogFactory#capture()}.
	 */
	public static final class Capture implements AutoCloseable {

		private Capture() {
		}

		/**
		 * Return the lines logged so far, each as {@code LEVEL logger: message}, followed by the
		 * stack trace of the exception logged with it, if any.
		 * @return the lines
		 */
		public List<String> lines() {
			return List.copyOf(lines);
		}

		@Override
		public void close() {
			capturing = false;
		}

	}

	private static final class CapturingLog implements Log {

		private final String name;

		CapturingLog(String name) {
			this.name = name;
		}

		private void record(String level, Object message, Throwable failure) {
			if (!capturing) {
				return;
			}
			StringBuilder line = new StringBuilder(level).append(' ').append(this.name).append(": ").append(message);
			if (failure != null) {
				StringWriter trace = new StringWriter();
				failure.printStackTrace(new PrintWriter(trace));
				line.append('\n').append(trace);
			}
			lines.add(line.toString());
		}

		@Override
		public boolean isTraceEnabled() {
			return capturing;
		}

		@Override
		public boolean isDebugEnabled() {
			return capturing;
		}

		@Override
		public boolean isInfoEnabled() {
			return capturing;
		}

		@Override
		public boolean isWarnEnabled() {
			return capturing;
		}

		@Override
		public boolean isErrorEnabled() {
			return capturing;
		}

		@Override
		public boolean isFatalEnabled() {
			return capturing;
		}

		@Override
		public void trace(Object message) {
			record("TRACE", message, null);
		}

		@Override
		public void trace(Object message, Throwable failure) {
			record("TRACE", message, failure);
		}

		@Override
		public void debug(Object message) {
			record("DEBUG", message, null);
		}

		@Override
		public void debug(Object message, Throwable failure) {
			record("DEBUG", message, failure);
		}

		@Override
		public void info(Object message) {
			record("INFO", message, null);
		}

		@Override
		public void info(Object message, Throwable failure) {
			record("INFO", message, failure);
		}

		@Override
		public void warn(Object message) {
			record("WARN", message, null);
		}

		@Override
		public void warn(Object message, Throwable failure) {
			record("WARN", message, failure);
		}

		@Override
		public void error(Object message) {
			record("ERROR", message, null);
		}

		@Override
		public void error(Object message, Throwable failure) {
			record("ERROR", message, failure);
		}

		@Override
		public void fatal(Object message) {
			record("FATAL", message, null);
		}

		@Override
		public void fatal(Object message, Throwable failure) {
			record("FATAL", message, failure);
		}

	}

}
