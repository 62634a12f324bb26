package io.github.openaispring.boot.metrics;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * What a response body or stream event says that metrics use: the model and the token usage.
 * Read with a streaming parser that skips everything else, so nothing is kept of the prompt or
 * the completion.
 *
 * @param model the model that answered, or {@code null}
 * @param usage the token usage, or {@code null} when not reported
 */
record ResponseReport(@Nullable String model, @Nullable Usage usage) {

	private static final JsonFactory JSON = new JsonFactory();

	private static final ResponseReport NONE = new ResponseReport(null, null);

	/**
	 * Read a JSON response body.
	 * @param body the body
	 * @return what it reports, empty when it is not a JSON object
	 */
	static ResponseReport read(byte[] body) {
		if (body.length == 0 || body[0] != '{') {
			return NONE;
		}
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			return read(parser);
		}
		catch (JacksonException ex) {
			return NONE;
		}
	}

	/**
	 * Read a stream event's data; only data that mentions {@code usage} is parsed.
	 * @param data the data
	 * @return what it reports
	 */
	static ResponseReport readEvent(String data) {
		if (!data.contains("\"usage\"")) {
			return NONE;
		}
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), data)) {
			return read(parser);
		}
		catch (JacksonException ex) {
			return NONE;
		}
	}

	/**
	 * Read the {@code model} a JSON request body asks for.
	 * @param body the request body
	 * @return the model, or {@code null}
	 */
	static @Nullable String requestModel(byte @Nullable [] body) {
		if (body == null || body.length == 0 || body[0] != '{') {
			return null;
		}
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("model".equals(name) && value == JsonToken.VALUE_STRING) {
					return parser.getString();
				}
				parser.skipChildren();
			}
			return null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static ResponseReport read(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			return NONE;
		}
		Reader reader = new Reader();
		reader.readObject(parser, true);
		return new ResponseReport(reader.model, reader.usage);
	}

	/**
	 * Token counts as OpenAI reports them: chat and completions ({@code prompt_tokens},
	 * {@code completion_tokens}), the Responses API ({@code input_tokens},
	 * {@code output_tokens}), and embeddings (only {@code prompt_tokens}); with the cached
	 * input and reasoning output tokens when reported.
	 *
	 * @param input the input tokens, or {@code null}
	 * @param output the output tokens, or {@code null}
	 * @param cached the cached input tokens, or {@code null}
	 * @param reasoning the reasoning output tokens, or {@code null}
	 */
	record Usage(@Nullable Long input, @Nullable Long output, @Nullable Long cached, @Nullable Long reasoning) {
	}

	private static final class Reader {

		private @Nullable String model;

		private @Nullable Usage usage;

		void readObject(JsonParser parser, boolean top) {
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("model".equals(name) && value == JsonToken.VALUE_STRING && this.model == null) {
					this.model = parser.getString();
				}
				else if ("usage".equals(name) && value == JsonToken.START_OBJECT) {
					this.usage = readUsage(parser);
				}
				else if (top && "response".equals(name) && value == JsonToken.START_OBJECT) {
					// A Responses API stream event carries the response, with its usage, inside.
					readObject(parser, false);
				}
				else {
					parser.skipChildren();
				}
			}
		}

		private static Usage readUsage(JsonParser parser) {
			Long input = null;
			Long output = null;
			Long cached = null;
			Long reasoning = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "prompt_tokens", "input_tokens" -> input = number(parser, value);
					case "completion_tokens", "output_tokens" -> output = number(parser, value);
					case "prompt_tokens_details", "input_tokens_details" -> {
						Long found = detail(parser, value, "cached_tokens");
						cached = (found != null) ? found : cached;
					}
					case "completion_tokens_details", "output_tokens_details" -> {
						Long found = detail(parser, value, "reasoning_tokens");
						reasoning = (found != null) ? found : reasoning;
					}
					default -> parser.skipChildren();
				}
			}
			return new Usage(input, output, cached, reasoning);
		}

		private static @Nullable Long detail(JsonParser parser, JsonToken value, String field) {
			if (value != JsonToken.START_OBJECT) {
				parser.skipChildren();
				return null;
			}
			Long found = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken token = parser.nextToken();
				if (field.equals(name)) {
					found = number(parser, token);
				}
				else {
					parser.skipChildren();
				}
			}
			return found;
		}

		private static @Nullable Long number(JsonParser parser, JsonToken value) {
			if (value == JsonToken.VALUE_NUMBER_INT) {
				return parser.getLongValue();
			}
			parser.skipChildren();
			return null;
		}

	}

}
