package io.github.openaispring.localserver;

import java.util.concurrent.ThreadLocalRandom;

/** Random identifiers shaped like the real API's: {@code chatcmpl-...}, {@code file-...}, {@code req_...}. */
final class Ids {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final String HEX = "0123456789abcdef";

	private Ids() {
	}

	static String alphanumeric(String prefix, int length) {
		return prefix + random(ALPHABET, length);
	}

	static String requestId() {
		return "req_" + random(HEX, 32);
	}

	private static String random(String alphabet, int length) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		StringBuilder id = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			id.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return id.toString();
	}

}
