package io.github.openaispring.large;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that files are streamed, not held in memory: a child JVM limited to
 * {@code -Xmx128m} uploads a 1 GiB sparse file and downloads a 1 GiB body from a local server
 * that counts and digests the bytes it receives and sends. The file part is taken out of the
 * multipart body as it streams by, so the server's count and digest are of the file itself.
 */
class LargeTransferTests {

	private static final long SIZE = 1L << 30;

	private static final String BOUNDARY_PREFIX = "boundary=";

	private HttpServer server;

	private volatile long received = -1;

	private volatile String receivedMd5;

	private volatile String servedMd5;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(2));
		this.server.createContext("/v1/files", this::handle);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (exchange.getRequestMethod().equals("POST")) {
				String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
				String boundary = contentType.substring(contentType.indexOf(BOUNDARY_PREFIX) + BOUNDARY_PREFIX.length());
				readFilePart(exchange.getRequestBody(), boundary);
				byte[] body = ("{\"id\":\"file-big\",\"object\":\"file\",\"bytes\":" + this.received
						+ ",\"created_at\":1,\"filename\":\"big.jsonl\",\"purpose\":\"batch\",\"status\":\"uploaded\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
			else {
				serve(exchange);
			}
		}
		catch (Exception ex) {
			ex.printStackTrace();
			throw new IOException(ex);
		}
	}

	/**
	 * Count and digest the first part's content: what follows the first blank line, up to the
	 * delimiter of the next part. The delimiter is found in a window of the last bytes read, and
	 * bytes are digested once they leave it.
	 */
	private void readFilePart(InputStream in, String boundary) throws Exception {
		byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		MessageDigest digest = MessageDigest.getInstance("MD5");
		byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
		int matched = 0;
		while (matched < headerEnd.length) {
			int b = in.read();
			matched = (b == headerEnd[matched]) ? matched + 1 : ((b == headerEnd[0]) ? 1 : 0);
		}
		int windowSize = 64 * 1024;
		byte[] window = new byte[windowSize * 2];
		int filled = 0;
		long count = 0;
		byte[] buffer = new byte[windowSize];
		for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
			System.arraycopy(buffer, 0, window, filled, read);
			filled += read;
			if (filled > windowSize) {
				int index = indexOf(window, filled, delimiter);
				// Without the delimiter in the window, keep its length back: it may start there.
				int release = (index >= 0) ? index : filled - delimiter.length;
				digest.update(window, 0, release);
				count += release;
				System.arraycopy(window, release, window, 0, filled - release);
				filled -= release;
				if (index >= 0) {
					drain(in);
					filled = 0;
					break;
				}
			}
		}
		int index = (filled > 0) ? indexOf(window, filled, delimiter) : -1;
		if (index >= 0) {
			digest.update(window, 0, index);
			count += index;
		}
		this.received = count;
		this.receivedMd5 = HexFormat.of().formatHex(digest.digest());
	}

	private static void drain(InputStream in) throws IOException {
		in.transferTo(OutputStream.nullOutputStream());
	}

	private static int indexOf(byte[] data, int length, byte[] target) {
		outer: for (int i = 0; i <= length - target.length; i++) {
			for (int j = 0; j < target.length; j++) {
				if (data[i + j] != target[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** Serve SIZE bytes of a repeated random block, digesting what is sent. */
	private void serve(HttpExchange exchange) throws Exception {
		byte[] block = new byte[1 << 20];
		new Random(42).nextBytes(block);
		MessageDigest digest = MessageDigest.getInstance("MD5");
		exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
		exchange.sendResponseHeaders(200, SIZE);
		try (OutputStream out = exchange.getResponseBody()) {
			for (long sent = 0; sent < SIZE; sent += block.length) {
				block[0]++;
				digest.update(block);
				out.write(block);
			}
		}
		this.servedMd5 = HexFormat.of().formatHex(digest.digest());
	}

	@Test
	void aChildJvmWith128MbOfHeapUploadsAndDownloadsOneGibibyte() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(Arrays.asList(java, "-Xmx128m", "-cp",
				System.getProperty("java.class.path"), LargeTransferMain.class.getName(),
				"http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1", Long.toString(SIZE)));
		long start = System.nanoTime();
		Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(child.exitValue()).as(output).isZero();
		List<String> lines = output.lines().filter((line) -> line.matches("^(uploaded|downloaded|timing) .*")).toList();
		assertThat(lines).as(output).hasSize(3);
		String[] uploaded = lines.get(0).split(" ");
		String[] downloaded = lines.get(1).split(" ");
		assertThat(uploaded[1]).isEqualTo("file-big");
		assertThat(this.received).as("bytes the server received").isEqualTo(SIZE);
		assertThat(this.receivedMd5).as("digest of the bytes the server received").isEqualTo(uploaded[3]);
		assertThat(Long.parseLong(downloaded[1])).as("bytes the child downloaded").isEqualTo(SIZE);
		assertThat(downloaded[2]).as("digest of the bytes the child downloaded").isEqualTo(this.servedMd5);
		System.out.println("LargeTransferTests: 1 GiB up and 1 GiB down in a -Xmx128m JVM, " + millis
				+ " ms in all; child says: " + lines.get(2));
	}

}
