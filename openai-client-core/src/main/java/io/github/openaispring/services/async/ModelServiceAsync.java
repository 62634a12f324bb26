package io.github.openaispring.services.async;

import io.github.openaispring.client.AsyncPage;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.http.ClientContext;
import io.github.openaispring.core.http.Endpoint;
import io.github.openaispring.core.http.PageData;
import io.github.openaispring.models.DeleteModelResponse;
import io.github.openaispring.models.ListModelsResponse;
import io.github.openaispring.models.Model;
import io.github.openaispring.models.ModelDeleteParams;
import io.github.openaispring.models.ModelListParams;
import io.github.openaispring.models.ModelRetrieveParams;
import reactor.core.publisher.Mono;

/**
 * Models ({@code /models}).
 *
 * @since 0.1.0
 */
public final class ModelServiceAsync {

	private static final Endpoint<ListModelsResponse> LIST = Endpoint.get("models.list", "/models",
			ListModelsResponse.class);

	private static final Endpoint<Model> RETRIEVE = Endpoint.get("models.retrieve", "/models/{model}", Model.class);

	private static final Endpoint<DeleteModelResponse> DELETE = Endpoint.delete("models.delete", "/models/{model}",
			DeleteModelResponse.class);

	private final ClientContext context;

	public ModelServiceAsync(ClientContext context) {
		this.context = context;
	}

	/**
	 * List the models available: {@code GET /models}. The list is one page.
	 * @return the page
	 */
	public Mono<AsyncPage<Model>> list() {
		return list(ModelListParams.builder().build(), RequestOptions.none());
	}

	public Mono<AsyncPage<Model>> list(ModelListParams params) {
		return list(params, RequestOptions.none());
	}

	public Mono<AsyncPage<Model>> list(ModelListParams params, RequestOptions options) {
		return AsyncPage.of(pages(params, options));
	}

	/**
	 * Return the page of the list, for the blocking client.
	 * @param params the request
	 * @param options the call's options
	 * @return the page
	 */
	public Mono<PageData<Model>> pages(ModelListParams params, RequestOptions options) {
		return this.context.singlePage(LIST, params, options, ListModelsResponse::data);
	}

	/**
	 * Get a model: {@code GET /models/{model}}.
	 * @param model the model id, such as {@code gpt-4o}
	 * @return the model
	 */
	public Mono<Model> retrieve(String model) {
		return retrieve(model, RequestOptions.none());
	}

	public Mono<Model> retrieve(String model, RequestOptions options) {
		return retrieve(ModelRetrieveParams.builder().model(model).build(), options);
	}

	public Mono<Model> retrieve(ModelRetrieveParams params) {
		return retrieve(params, RequestOptions.none());
	}

	public Mono<Model> retrieve(ModelRetrieveParams params, RequestOptions options) {
		return this.context.call(RETRIEVE, params, options);
	}

	/**
	 * Delete a fine-tuned model: {@code DELETE /models/{model}}.
	 * @param model the model id
	 * @return the deletion status
	 */
	public Mono<DeleteModelResponse> delete(String model) {
		return delete(model, RequestOptions.none());
	}

	public Mono<DeleteModelResponse> delete(String model, RequestOptions options) {
		return delete(ModelDeleteParams.builder().model(model).build(), options);
	}

	public Mono<DeleteModelResponse> delete(ModelDeleteParams params) {
		return delete(params, RequestOptions.none());
	}

	public Mono<DeleteModelResponse> delete(ModelDeleteParams params, RequestOptions options) {
		return this.context.call(DELETE, params, options);
	}

}
