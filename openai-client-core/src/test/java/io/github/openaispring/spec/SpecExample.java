package io.github.openaispring.spec;

import tools.jackson.databind.JsonNode;

/**
 * A JSON example taken from the OpenAI OpenAPI description, with the component schema it
 * is an instance of.
 *
 * @param schemaName the name of the schema under {@code components/schemas}
 * @param source where the example comes from, for example
 * {@code createEmbedding x-oaiMeta} or {@code schema ChatCompletionTool example}; a
 * {@code (lenient)} suffix means the text was not strict JSON and was read leniently
 * @param json the example, always a JSON object
 */
public record SpecExample(String schemaName, String source, JsonNode json) {

	@Override
	public String toString() {
		return this.schemaName + " <- " + this.source;
	}

}
