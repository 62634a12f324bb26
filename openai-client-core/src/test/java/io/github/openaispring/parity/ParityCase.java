package io.github.openaispring.parity;

import java.util.function.Consumer;

import io.github.openaispring.client.OpenAI;

/**
 * One call made both by the official SDK ({@code src/test/parity/cases/<group>.mjs}, same id) and
 * by this client; the call reads what it gets to the end (streams, binary bodies, every page when
 * it is about paging).
 *
 * @param id the case's id: the operation's name, then {@code /} and what the case shows
 * ({@code chat.completions.create/tools}), or the operation's name alone
 * @param call the same call on this client
 */
record ParityCase(String id, Consumer<OpenAI> call) {

	@Override
	public String toString() {
		return this.id;
	}

}
