package io.github.openaispring.services.async;

import io.github.openaispring.client.AsyncPage;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.http.ClientContext;
import io.github.openaispring.core.http.Endpoint;
import io.github.openaispring.core.http.PageData;
import io.github.openaispring.models.ChatCompletionMessageList;
import io.github.openaispring.models.ChatCompletionMessageListParams;
import reactor.core.publisher.Mono;

/**
 * The messages of stored chat completions ({@code /chat/completions/{completion_id}/messages}).
 *
 * @since 0.1.0
 */
public final class ChatCompletionMessageServiceAsync {

	private static final Endpoint<ChatCompletionMessageList> LIST = Endpoint.get("chat.completions.messages.list",
			"/chat/completions/{completion_id}/messages", ChatCompletionMessageList.class);

	private final ClientContext context;

	public ChatCompletionMessageServiceAsync(ClientContext context) {
		this.context = context;
	}

	/**
	 * List the messages of a stored chat completion.
	 * @param completionId the id of the completion
	 * @return the first page
	 */
	public Mono<AsyncPage<ChatCompletionMessageList.Data>> list(String completionId) {
		return list(ChatCompletionMessageListParams.builder().completionId(completionId).build(), RequestOptions.none());
	}

	public Mono<AsyncPage<ChatCompletionMessageList.Data>> list(String completionId, RequestOptions options) {
		return list(ChatCompletionMessageListParams.builder().completionId(completionId).build(), options);
	}

	public Mono<AsyncPage<ChatCompletionMessageList.Data>> list(ChatCompletionMessageListParams params) {
		return list(params, RequestOptions.none());
	}

	public Mono<AsyncPage<ChatCompletionMessageList.Data>> list(ChatCompletionMessageListParams params,
			RequestOptions options) {
		return AsyncPage.of(pages(params, options));
	}

	/**
	 * Return the first page of the list, for the blocking client.
	 * @param params the request
	 * @param options the call's options
	 * @return the first page
	 */
	public Mono<PageData<ChatCompletionMessageList.Data>> pages(ChatCompletionMessageListParams params,
			RequestOptions options) {
		return this.context.page(LIST, params, options, ChatCompletionMessageList::data,
				ChatCompletionMessageList::hasMore, (current, last) -> current.toBuilder().after(last.id()).build());
	}

}
