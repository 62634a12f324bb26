package io.github.openaispring.services.blocking;

import io.github.openaispring.client.Page;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.client.StreamResponse;
import io.github.openaispring.core.Blocking;
import io.github.openaispring.models.ChatCompletion;
import io.github.openaispring.models.ChatCompletionChunk;
import io.github.openaispring.models.ChatCompletionCreateParams;
import io.github.openaispring.models.ChatCompletionDeleteParams;
import io.github.openaispring.models.ChatCompletionDeleted;
import io.github.openaispring.models.ChatCompletionListParams;
import io.github.openaispring.models.ChatCompletionRetrieveParams;
import io.github.openaispring.models.ChatCompletionUpdateParams;
import io.github.openaispring.services.async.ChatCompletionServiceAsync;

/**
 * Chat completions ({@code /chat/completions}): create, stream, and manage stored completions.
 *
 * @since 0.1.0
 */
public final class ChatCompletionService {

	private final ChatCompletionServiceAsync async;

	private final ChatCompletionMessageService messages;

	public ChatCompletionService(ChatCompletionServiceAsync async) {
		this.async = async;
		this.messages = new ChatCompletionMessageService(async.messages());
	}

	/**
	 * Return the messages of stored chat completions.
	 * @return the resource
	 */
	public ChatCompletionMessageService messages() {
		return this.messages;
	}

	/**
	 * Create a chat completion: {@code POST /chat/completions}.
	 * @param params the request
	 * @return the completion
	 */
	public ChatCompletion create(ChatCompletionCreateParams params) {
		return create(params, RequestOptions.none());
	}

	public ChatCompletion create(ChatCompletionCreateParams params, RequestOptions options) {
		return Blocking.get(this.async.create(params, options));
	}

	/**
	 * Create a chat completion streamed as it is generated.
	 * @param params the request
	 * @return the chunks, to be closed
	 */
	public StreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params) {
		return createStreaming(params, RequestOptions.none());
	}

	public StreamResponse<ChatCompletionChunk> createStreaming(ChatCompletionCreateParams params,
			RequestOptions options) {
		return StreamResponse.of(this.async.createStreaming(params, options));
	}

	/**
	 * Get a stored chat completion.
	 * @param completionId the id of the completion
	 * @return the completion
	 */
	public ChatCompletion retrieve(String completionId) {
		return Blocking.get(this.async.retrieve(completionId));
	}

	public ChatCompletion retrieve(String completionId, RequestOptions options) {
		return Blocking.get(this.async.retrieve(completionId, options));
	}

	public ChatCompletion retrieve(ChatCompletionRetrieveParams params) {
		return retrieve(params, RequestOptions.none());
	}

	public ChatCompletion retrieve(ChatCompletionRetrieveParams params, RequestOptions options) {
		return Blocking.get(this.async.retrieve(params, options));
	}

	/**
	 * Change the metadata of a stored chat completion.
	 * @param params the request
	 * @return the completion
	 */
	public ChatCompletion update(ChatCompletionUpdateParams params) {
		return update(params, RequestOptions.none());
	}

	public ChatCompletion update(ChatCompletionUpdateParams params, RequestOptions options) {
		return Blocking.get(this.async.update(params, options));
	}

	/**
	 * List stored chat completions.
	 * @return the first page
	 */
	public Page<ChatCompletion> list() {
		return list(ChatCompletionListParams.builder().build(), RequestOptions.none());
	}

	public Page<ChatCompletion> list(ChatCompletionListParams params) {
		return list(params, RequestOptions.none());
	}

	public Page<ChatCompletion> list(ChatCompletionListParams params, RequestOptions options) {
		return Page.of(this.async.pages(params, options));
	}

	/**
	 * Delete a stored chat completion.
	 * @param completionId the id of the completion
	 * @return the deletion status
	 */
	public ChatCompletionDeleted delete(String completionId) {
		return Blocking.get(this.async.delete(completionId));
	}

	public ChatCompletionDeleted delete(String completionId, RequestOptions options) {
		return Blocking.get(this.async.delete(completionId, options));
	}

	public ChatCompletionDeleted delete(ChatCompletionDeleteParams params) {
		return delete(params, RequestOptions.none());
	}

	public ChatCompletionDeleted delete(ChatCompletionDeleteParams params, RequestOptions options) {
		return Blocking.get(this.async.delete(params, options));
	}

}
