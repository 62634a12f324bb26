package io.github.openaispring.services.async;

import io.github.openaispring.client.AsyncPage;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.http.ClientContext;
import io.github.openaispring.core.http.Endpoint;
import io.github.openaispring.core.http.PageData;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.ChatCompletionDeleteParams;
import io.github.openaispring.models.ChatCompletionDeleted;
import io.github.openaispring.models.ChatCompletionList;
import io.github.openaispring.models.ChatCompletionListParams;
import io.github.openaispring.models.ChatCompletionRetrieveParams;
import io.github.openaispring.models.ChatCompletionUpdateParams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Chat completions ({@code /chat/completions}): create, stream, and manage stored completions.
 *
 * @since 0.1.0
 */
public final class ChatCompletionServiceAsync {

	private static final Endpoint<ChatCompletion> CREATE = Endpoint
		.post("chat.completions.create", "/chat/completions", ChatCompletion.class);

	private static final Endpoint<ChatCompletion> RETRIEVE = Endpoint.get("chat.completions.retrieve",
			"/chat/completions/{completion_id}", ChatCompletion.class);

	private static final Endpoint<ChatCompletion> UPDATE = Endpoint.post("chat.completions.update",
			"/chat/completions/{completion_id}", ChatCompletion.class);

	private static final Endpoint<ChatCompletionList> LIST = Endpoint.get("chat.completions.list",
			"/chat/completions", ChatCompletionList.class);

	private static final Endpoint<ChatCompletionDeleted> DELETE = Endpoint.delete("chat.completions.delete",
			"/chat/completions/{completion_id}", ChatCompletionDeleted.class);

	private final ClientContext context;

	private final ChatCompletionMessageServiceAsync messages;

	public ChatCompletionServiceAsync(ClientContext context) {
		this.context = context;
		this.messages = new ChatCompletionMessageServiceAsync(context);
	}

	/**
	 * Return the messages of stored chat completions.
	 * @return the resource
	 */
	public ChatCompletionMessageServiceAsync messages() {
		return this.messages;
	}

	/**
	 * Create a chat completion: {@code POST /chat/completions}.
	 * @param params the request
	 * @return the completion
	 */
	public Mono<ChatCompletion> create(ChatCompletionCreateParams params) {
		return create(params, RequestOptions.none());
	}

	public Mono<ChatCompletion> create(ChatCompletionCreateParams params, RequestOptions options) {
		return this.context.call(CREATE, params, options);
	}

	/**
	 * Create a chat completion streamed as it is generated: {@code POST /chat/completions} with
	 * {@code "stream": true}. Set {@code streamOptions} with {@code includeUsage} to receive a
	 * last chunk with the token usage; {@code ChatCompletionAccumulator} folds the chunks into a
	 * {@link ChatCompletion}.
	 * @param params the request
	 * @return the chunks; cancel to end the stream
	 */
	public Flux<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params) {
		return createStreaming(params, RequestOptions.none());
	}

	public Flux<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params, RequestOptions options) {
		return this.context.stream(CREATE, ChatCompletionChunk.class, params, options);
	}

	/**
	 * Get a stored chat completion: {@code GET /chat/completions/{completion_id}}.
	 * @param completionId the id of the completion
	 * @return the completion
	 */
	public Mono<ChatCompletion> retrieve(String completionId) {
		return retrieve(completionId, RequestOptions.none());
	}

	public Mono<ChatCompletion> retrieve(String completionId, RequestOptions options) {
		return retrieve(ChatCompletionRetrieveParams.builder().completionId(completionId).build(), options);
	}

	public Mono<ChatCompletion> retrieve(ChatCompletionRetrieveParams params) {
		return retrieve(params, RequestOptions.none());
	}

	public Mono<ChatCompletion> retrieve(ChatCompletionRetrieveParams params, RequestOptions options) {
		return this.context.call(RETRIEVE, params, options);
	}

	/**
	 * Change the metadata of a stored chat completion: {@code POST /chat/completions/{completion_id}}.
	 * @param params the request
	 * @return the completion
	 */
	public Mono<ChatCompletion> update(ChatCompletionUpdateParams params) {
		return update(params, RequestOptions.none());
	}

	public Mono<ChatCompletion> update(ChatCompletionUpdateParams params, RequestOptions options) {
		return this.context.call(UPDATE, params, options);
	}

	/**
	 * List stored chat completions: {@code GET /chat/completions}.
	 * @return the first page
	 */
	public Mono<AsyncPage<ChatCompletion>> list() {
		return list(ChatCompletionListParams.builder().build(), RequestOptions.none());
	}

	public Mono<AsyncPage<ChatCompletion>> list(ChatCompletionListParams params) {
		return list(params, RequestOptions.none());
	}

	public Mono<AsyncPage<ChatCompletion>> list(ChatCompletionListParams params, RequestOptions options) {
		return AsyncPage.of(pages(params, options));
	}

	/**
	 * Return the first page of the list, for the blocking client.
	 * @param params the request
	 * @param options the call's options
	 * @return the first page
	 */
	public Mono<PageData<ChatCompletion>> pages(ChatCompletionListParams params, RequestOptions options) {
		return this.context.page(LIST, params, options, ChatCompletionList::data,
				ChatCompletionList::hasMore, (current, last) -> current.toBuilder().after(last.id()).build());
	}

	/**
	 * Delete a stored chat completion: {@code DELETE /chat/completions/{completion_id}}.
	 * @param completionId the id of the completion
	 * @return the deletion status
	 */
	public Mono<ChatCompletionDeleted> delete(String completionId) {
		return delete(completionId, RequestOptions.none());
	}

	public Mono<ChatCompletionDeleted> delete(String completionId, RequestOptions options) {
		return delete(ChatCompletionDeleteParams.builder().completionId(completionId).build(), options);
	}

	public Mono<ChatCompletionDeleted> delete(ChatCompletionDeleteParams params) {
		return delete(params, RequestOptions.none());
	}

	public Mono<ChatCompletionDeleted> delete(ChatCompletionDeleteParams params, RequestOptions options) {
		return this.context.call(DELETE, params, options);
	}

}
