package io.github.openaispring.services.blocking;

import io.github.openaispring.client.RequestOptions;
import io.github.openaispring.core.Blocking;
import io.github.openaispring.models.CreateModerationResponse;
import io.github.openaispring.models.ModerationCreateParams;
import io.github.openaispring.services.async.ModerationServiceAsync;

/**
 * Moderations ({@code /moderations}).
 *
 * @since 0.1.0
 */
public final class ModerationService {

	private final ModerationServiceAsync async;

	public ModerationService(ModerationServiceAsync async) {
		this.async = async;
	}

	/**
	 * Classify one text, several texts, or images and text.
	 * @param params the request
	 * @return the classification
	 */
	public CreateModerationResponse create(ModerationCreateParams params) {
		return create(params, RequestOptions.none());
	}

	public CreateModerationResponse create(ModerationCreateParams params, RequestOptions options) {
		return Blocking.get(this.async.create(params, options));
	}

}
