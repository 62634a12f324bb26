package io.github.openaispring.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Options of one call, winning over the client's options for that call: its timeout, how many
 * times it is retried, extra headers, query parameters and body fields, and its
 * {@code Idempotency-Key}.
 *
 * @since 0.1.0
 */
public final class RequestOptions {

	private static final RequestOptions NONE = new Builder().build();

	private final @Nullable Duration timeout;

	private final @Nullable Integer maxRetries;

	private final Map<String, List<String>> headers;

	private final Map<String, Object> queryParams;

	private final Map<String, @Nullable Object> extraBody;

	private final @Nullable String idempotencyKey;

	private RequestOptions(Builder builder) {
		this.timeout = builder.timeout;
		this.maxRetries = builder.maxRetries;
		this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
		this.queryParams = Collections.unmodifiableMap(new LinkedHashMap<>(builder.queryParams));
		this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extraBody));
		this.idempotencyKey = builder.idempotencyKey;
	}

	/**
	 * Return the options that change nothing.
	 * @return the empty options
	 */
	public static RequestOptions none() {
		return NONE;
	}

	/**
	 * Return a builder of options for one call.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Return the timeout of one attempt of the call.
	 * @return the timeout, or {@code null} for the client's
	 */
	public @Nullable Duration timeout() {
		return this.timeout;
	}

	/**
	 * Return how many times the call is retried.
	 * @return the number of retries, or {@code null} for the client's
	 */
	public @Nullable Integer maxRetries() {
		return this.maxRetries;
	}

	/**
	 * Return the extra headers of the call.
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * Return the extra query parameters of the call.
	 * @return the query parameters
	 */
	public Map<String, Object> queryParams() {
		return this.queryParams;
	}

	/**
	 * Return the extra fields of the call's JSON body.
	 * @return the fields
	 */
	public Map<String, @Nullable Object> extraBody() {
		return this.extraBody;
	}

	/**
	 * Return the {@code Idempotency-Key} of the call.
	 * @return the key, or {@code null}
	 */
	public @Nullable String idempotencyKey() {
		return this.idempotencyKey;
	}

	@Override
	public String toString() {
		return "RequestOptions{timeout=" + this.timeout + ", maxRetries=" + this.maxRetries + ", headers="
				+ this.headers.keySet() + ", queryParams=" + this.queryParams.keySet() + ", extraBody="
				+ this.extraBody.keySet() + "}";
	}

	/**
	 * The builder of {@link RequestOptions}.
	 */
	public static final class Builder {

		private @Nullable Duration timeout;

		private @Nullable Integer maxRetries;

		private final Map<String, List<String>> headers = new LinkedHashMap<>();

		private final Map<String, Object> queryParams = new LinkedHashMap<>();

		private final Map<String, @Nullable Object> extraBody = new LinkedHashMap<>();

		private @Nullable String idempotencyKey;

		private Builder() {
		}

	/**
	 * Set the timeout of one attempt of the call.
	 * @param timeout the timeout
	 * @return this builder
	 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

	/**
	 * Set how many times the call is retried.
	 * @param maxRetries the number of retries after the first attempt
	 * @return this builder
	 */
		public Builder maxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
			return this;
		}

	/**
	 * Send an extra header with the call.
	 * @param name the header name
	 * @param value the value
	 * @return this builder
	 */
		public Builder header(String name, String value) {
			this.headers.put(name, List.of(value));
			return this;
		}

	/**
	 * Send an extra query parameter with the call.
	 * @param name the parameter name
	 * @param value the value: a string, number, boolean, list or map
	 * @return this builder
	 */
		public Builder queryParam(String name, Object value) {
			this.queryParams.put(name, value);
			return this;
		}

		/**
		 * Add a field to the JSON body of the call, beside the params' own fields.
		 * @param name the field name
		 * @param value the value, any JSON-compatible object
		 * @return this builder
		 */
		public Builder extraBody(String name, @Nullable Object value) {
			this.extraBody.put(name, value);
			return this;
		}

		/**
		 * Set the {@code Idempotency-Key} sent on every attempt of the call.
		 * @param idempotencyKey the key
		 * @return this builder
		 */
		public Builder idempotencyKey(String idempotencyKey) {
			this.idempotencyKey = idempotencyKey;
			return this;
		}

	/**
	 * Build the options.
	 * @return the options
	 */
		public RequestOptions build() {
			return new RequestOptions(this);
		}

	}

}
