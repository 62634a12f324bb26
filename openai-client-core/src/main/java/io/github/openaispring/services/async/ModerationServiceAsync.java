package io.github.openaispring.services.async;

import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.http.ClientContext;
import io.github.openaispring.core.http.Endpoint;
import io.github.openaispring.models.CreateModerationResponse;
import io.github.openaispring.models.ModerationCreateParams;
import reactor.core.publisher.Mono;

/**
 * Moderations ({@code /moderations}): classify text and images.
 *
 * @since 0.1.0
 */
public final class ModerationServiceAsync {

	private static final Endpoint<CreateModerationResponse> CREATE = Endpoint.post("moderations.create",
			"/moderations", CreateModerationResponse.class);

	private final ClientContext context;

	public ModerationServiceAsync(ClientContext context) {
		this.context = context;
	}

	/**
	 * Classify one text, several texts, or images and text: {@code POST /moderations}.
	 * @param params the request
	 * @return the classification
	 */
	public Mono<CreateModerationResponse> create(ModerationCreateParams params) {
		return create(params, RequestOptions.none());
	}

	public Mono<CreateModerationResponse> create(ModerationCreateParams params, RequestOptions options) {
		return this.context.call(CREATE, params, options);
	}

}
