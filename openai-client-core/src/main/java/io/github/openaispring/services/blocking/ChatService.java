package io.github.openaispring.services.blocking;

import io.github.openaispring.services.async.ChatServiceAsync;

/**
 * Chat ({@code /chat}).
 *
 * @since 0.1.0
 */
public final class ChatService {

	private final ChatCompletionService completions;

	public ChatService(ChatServiceAsync async) {
		this.completions = new ChatCompletionService(async.completions());
	}

	/**
	 * Return chat completions.
	 * @return the resource
	 */
	public ChatCompletionService completions() {
		return this.completions;
	}

}
