package io.github.openaispring.services.blocking;

import io.github.openaispring.client.Page;
import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.Blocking;
import io.github.openaispring.models.DeleteModelResponse;
import io.github.openaispring.models.Model;
import io.github.openaispring.models.ModelDeleteParams;
import io.github.openaispring.models.ModelListParams;
import io.github.openaispring.models.ModelRetrieveParams;
import io.github.openaispring.services.async.ModelServiceAsync;

/**
 * Models ({@code /models}).
 *
 * @since 0.1.0
 */
public final class ModelService {

	private final ModelServiceAsync async;

	public ModelService(ModelServiceAsync async) {
		this.async = async;
	}

	/**
	 * List the models available; the list is one page.
	 * @return the page
	 */
	public Page<Model> list() {
		return list(ModelListParams.builder().build(), RequestOptions.none());
	}

	public Page<Model> list(ModelListParams params) {
		return list(params, RequestOptions.none());
	}

	public Page<Model> list(ModelListParams params, RequestOptions options) {
		return Page.of(this.async.pages(params, options));
	}

	/**
	 * Get a model.
	 * @param model the model id, such as {@code gpt-4o}
	 * @return the model
	 */
	public Model retrieve(String model) {
		return Blocking.get(this.async.retrieve(model));
	}

	public Model retrieve(String model, RequestOptions options) {
		return Blocking.get(this.async.retrieve(model, options));
	}

	public Model retrieve(ModelRetrieveParams params) {
		return retrieve(params, RequestOptions.none());
	}

	public Model retrieve(ModelRetrieveParams params, RequestOptions options) {
		return Blocking.get(this.async.retrieve(params, options));
	}

	/**
	 * Delete a fine-tuned model.
	 * @param model the model id
	 * @return the deletion status
	 */
	public DeleteModelResponse delete(String model) {
		return Blocking.get(this.async.delete(model));
	}

	public DeleteModelResponse delete(String model, RequestOptions options) {
		return Blocking.get(this.async.delete(model, options));
	}

	public DeleteModelResponse delete(ModelDeleteParams params) {
		return delete(params, RequestOptions.none());
	}

	public DeleteModelResponse delete(ModelDeleteParams params, RequestOptions options) {
		return Blocking.get(this.async.delete(params, options));
	}

}
