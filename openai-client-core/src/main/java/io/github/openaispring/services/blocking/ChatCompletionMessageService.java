package io.github.openaispring.services.blocking;

import io.github.openaispring.client.Page;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.models.ChatCompletionMessageList;
import io.github.openaispring.models.ChatCompletionMessageListParams;
import io.github.openaispring.services.async.ChatCompletionMessageServiceAsync;

/**
 * The messages of stored chat completions.
 *
 * @since 0.1.0
 */
public final class ChatCompletionMessageService {

	private final ChatCompletionMessageServiceAsync async;

	public ChatCompletionMessageService(ChatCompletionMessageServiceAsync async) {
		this.async = async;
	}

	/**
	 * List the messages of a stored chat completion.
	 * @param completionId the id of the completion
	 * @return the first page
	 */
	public Page<ChatCompletionMessageList.Data> list(String completionId) {
		return list(ChatCompletionMessageListParams.builder().completionId(completionId).build(), RequestOptions.none());
	}

	public Page<ChatCompletionMessageList.Data> list(String completionId, RequestOptions options) {
		return list(ChatCompletionMessageListParams.builder().completionId(completionId).build(), options);
	}

	public Page<ChatCompletionMessageList.Data> list(ChatCompletionMessageListParams params) {
		return list(params, RequestOptions.none());
	}

	public Page<ChatCompletionMessageList.Data> list(ChatCompletionMessageListParams params, RequestOptions options) {
		return Page.of(this.async.pages(params, options));
	}

}
