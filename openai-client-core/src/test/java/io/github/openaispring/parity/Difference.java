package io.github.openaispring.parity;

/**
 * One way the client's request differs from the official SDK's.
 *
 * @param request the index of the request in the case, from 0
 * @param what what differs, as the allow-list names it: {@code requests} (how many), {@code method},
 * {@code path}, {@code path encoding} (the same path, percent-encoded differently), {@code query <name>},
 * {@code query encoding} (the same parameters, percent-encoded differently), {@code header <name>}
 * (lower case), {@code body} (absent on one side, or not JSON), {@code body <JSON path>}
 * ({@code body $.messages[0].content}); in a multipart form {@code part <name>} (how many parts of that
 * name), then per part {@code file <name> ...} for a part with a file name and {@code field <name> ...}
 * otherwise, followed by {@code filename}, {@code content-type}, {@code header <name>}, {@code value},
 * or {@code value line <n> <JSON path>} for JSON Lines; and {@code call} when the client's call failed
 * @param detail what each side sent
 */
record Difference(int request, String what, String detail) {

	@Override
	public String toString() {
		return "request #" + (this.request + 1) + ": " + this.what + ": " + this.detail;
	}

}
