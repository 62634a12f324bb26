package io.github.openaispring.parity;

import io.github.openaispring.client.BinaryResponse;
import io.github.openaispring.client.Page;
import io.github.openaispring.client.StreamResponse;

/**
 * Reads what a call returns to its end, as the SDK's side of a case does: every event of a stream,
 * every item of every page, every byte of a binary body.
 */
final class Drain {

	private Drain() {
	}

	static <T> long stream(StreamResponse<T> stream) {
		try (stream) {
			return stream.stream().count();
		}
	}

	static <T> long pages(Page<T> page) {
		long count = 0;
		for (T item : page.autoPager()) {
			count++;
		}
		return count;
	}

	static int binary(BinaryResponse response) {
		try (response) {
			return response.bytes().length;
		}
	}

}
