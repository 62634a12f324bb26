package io.github.openaispring.services.async;

import io.github.openaispring.core.http.ClientContext;

/**
 * Chat ({@code /chat}).
 *
 * @since 0.1.0
 */
public final class ChatServiceAsync {

	private final ChatCompletionServiceAsync completions;

	public ChatServiceAsync(ClientContext context) {
		this.completions = new ChatCompletionServiceAsync(context);
	}

	/**
	 * Return chat completions.
	 * @return the resource
	 */
	public ChatCompletionServiceAsync completions() {
		return this.completions;
	}

}
