package io.github.openaispring.benchmarks;

import java.util.concurrent.CompletableFuture;

/**
 * One way of calling the OpenAI API, measured by the benchmark against the stub server. Each implementation
 * takes the stub's root URL (without {@code /v1}) in a public one-argument constructor and sends the same
 * requests: a chat completion for {@code gpt-4o-mini} with the user message {@code Say hello}, the same
 * request streamed, and an embedding of {@code hello} with {@code text-embedding-3-small}.
 */
public interface Driver extends AutoCloseable {

	/**
	 * Makes one chat completion and waits for it.
	 * @return the content of the first choice's message
	 * @throws Exception if the call fails
	 */
	String chatCall() throws Exception;

	/**
	 * Makes one chat completion without waiting, for the runs that keep many calls in flight.
	 * @return the content of the first choice's message, once the response has been read
	 * @throws Exception if the call cannot be started
	 */
	CompletableFuture<String> chatCallAsync() throws Exception;

	/**
	 * Streams one chat completion and reads it to its end.
	 * @return the number of chunks seen, {@code [DONE]} not counted
	 * @throws Exception if the call fails
	 */
	long chatStream() throws Exception;

	/**
	 * Makes one embedding call and waits for it.
	 * @return the length of the vector returned
	 * @throws Exception if the call fails
	 */
	int embeddingCall() throws Exception;

	@Override
	default void close() throws Exception {
	}

}
