package io.github.openaispring.large;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.github.openaispring.client.BinaryResponse;
import io.github.openaispring.client.OpenAI;
import io.github.openaispring.models.FileCreateParams;
import io.github.openaispring.models.FileObject;

/**
 * The child JVM of {@link LargeTransferTests}, run with a small heap: uploads a sparse file of
 * the given size through {@code files().create} and downloads {@code files().content} into a
 * digest, then prints one line per fact for the parent to check.
 */
public final class LargeTransferMain {

	private LargeTransferMain() {
	}

	public static void main(String[] args) throws Exception {
		String baseUrl = args[0];
		long size = Long.parseLong(args[1]);
		Path file = Files.createTempFile("openai-large-", ".jsonl");
		try {
			try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
				sparse.setLength(size);
			}
			OpenAI client = OpenAI.builder().baseUrl(baseUrl).apiKey("sk-test").maxRetries(0).build();
			long start = System.nanoTime();
			FileObject uploaded = client.files()
				.create(FileCreateParams.builder().file(file).purpose("batch").build());
			long uploadMillis = (System.nanoTime() - start) / 1_000_000;
			System.out.println("uploaded " + uploaded.id() + " " + size + " " + md5(Files.newInputStream(file)));
			start = System.nanoTime();
			MessageDigest digest = MessageDigest.getInstance("MD5");
			long count = 0;
			try (BinaryResponse content = client.files().content(uploaded.id());
					InputStream in = content.inputStream()) {
				byte[] buffer = new byte[64 * 1024];
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					digest.update(buffer, 0, read);
					count += read;
				}
			}
			long downloadMillis = (System.nanoTime() - start) / 1_000_000;
			System.out.println("downloaded " + count + " " + HexFormat.of().formatHex(digest.digest()));
			long peak = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP) {
					peak += pool.getPeakUsage().getUsed();
				}
			}
			System.out.println("timing " + uploadMillis + " " + downloadMillis + " peakHeap " + peak + " maxHeap "
					+ Runtime.getRuntime().maxMemory());
			client.close();
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	static String md5(InputStream in) throws Exception {
		try (in) {
			MessageDigest digest = MessageDigest.getInstance("MD5");
			byte[] buffer = new byte[64 * 1024];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
	}

}
