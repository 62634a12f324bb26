package io.github.openaispring.spec;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StrictSchemaRewriter}.
 */
class StrictSchemaRewriterTests {

	private final StrictSchemaRewriter rewriter = new StrictSchemaRewriter(false);

	@Test
	void closesObjectWithProperties() {
		assertThat(rewrite("{'type':'object','properties':{'a':{'type':'string'}}}"))
			.isEqualTo(json("{'type':'object','properties':{'a':{'type':'string'}},'unevaluatedProperties':false}"));
	}

	@Test
	void closesNestedObjects() {
		JsonNode result = rewrite("{'type':'object','properties':{'a':{'type':'object','properties':{'b':{}}}}}");
		assertThat(result.at("/properties/a/unevaluatedProperties").booleanValue()).isFalse();
		assertThat(result.at("/properties/a/unevaluatedProperties").isBoolean()).isTrue();
	}

	@Test
	void keepsDeclaredAdditionalProperties() {
		assertThat(rewrite("{'type':'object','properties':{'a':{}},'additionalProperties':{'type':'string'}}"))
			.isEqualTo(json("{'type':'object','properties':{'a':{}},'additionalProperties':{'type':'string'}}"));
		assertThat(rewrite("{'type':'object','additionalProperties':false,'properties':{'a':{}}}").has("unevaluatedProperties"))
			.isFalse();
	}

	@Test
	void closesAllOfOwnerAndOpensItsParts() {
		JsonNode result = rewrite(
				"{'allOf':[{'$ref':'#/components/schemas/Base'},{'type':'object','properties':{'b':{'type':'object','properties':{}}}}]}");
		assertThat(result).isEqualTo(json("{'allOf':[{'$ref':'#/x-open-schemas/Base'},"
				+ "{'type':'object','properties':{'b':{'type':'object','properties':{},'unevaluatedProperties':false}}}],"
				+ "'unevaluatedProperties':false}"));
	}

	@Test
	void closesBranchesOfPureUnion() {
		JsonNode result = rewrite("{'anyOf':[{'$ref':'#/components/schemas/A'},{'type':'object','properties':{'a':{}}}]}");
		assertThat(result).isEqualTo(json(
				"{'anyOf':[{'$ref':'#/components/schemas/A'},{'type':'object','properties':{'a':{}},'unevaluatedProperties':false}]}"));
	}

	@Test
	void opensBranchesOfUnionWithOwnProperties() {
		JsonNode result = rewrite(
				"{'type':'object','properties':{'a':{},'b':{}},'anyOf':[{'required':['a']},{'$ref':'#/components/schemas/B'}]}");
		assertThat(result.at("/anyOf/1/$ref").stringValue()).isEqualTo("#/x-open-schemas/B");
		assertThat(result.path("unevaluatedProperties").isBoolean()).isTrue();
	}

	@Test
	void openSchemaIsNotClosed() {
		assertThat(this.rewriter.rewrite(json("{'type':'object','properties':{'a':{}}}"), true))
			.isEqualTo(json("{'type':'object','properties':{'a':{}}}"));
	}

	@Test
	void nullableWrapsSchema() {
		assertThat(rewrite("{'type':'string','enum':['a'],'nullable':true}"))
			.isEqualTo(json("{'anyOf':[{'type':'string','enum':['a']},{'type':'null'}]}"));
		assertThat(rewrite("{'type':'string','nullable':false}")).isEqualTo(json("{'type':'string'}"));
	}

	@Test
	void nullableMarkerInAllOfMakesOwnerNullable() {
		assertThat(rewrite("{'allOf':[{'$ref':'#/components/schemas/T'},{'nullable':true}]}")).isEqualTo(json(
				"{'anyOf':[{'allOf':[{'$ref':'#/x-open-schemas/T'}],'unevaluatedProperties':false},{'type':'null'}]}"));
	}

	@Test
	void booleanExclusiveBoundsBecomeNumeric() {
		assertThat(rewrite("{'type':'number','minimum':0,'exclusiveMinimum':true,'maximum':1,'exclusiveMaximum':false}"))
			.isEqualTo(json("{'type':'number','exclusiveMinimum':0,'maximum':1}"));
	}

	@Test
	void freeFormObjectAcceptsAnyProperty() {
		assertThat(rewrite("{'type':'object'}")).isEqualTo(json("{'type':'object','additionalProperties':true}"));
	}

	@Test
	void oneOfBecomesAnyOfUnlessStrict() {
		assertThat(rewrite("{'oneOf':[{'type':'string'},{'type':'integer'}]}"))
			.isEqualTo(json("{'anyOf':[{'type':'string'},{'type':'integer'}]}"));
		assertThat(new StrictSchemaRewriter(true).rewrite(json("{'oneOf':[{'type':'string'}]}"), false))
			.isEqualTo(json("{'oneOf':[{'type':'string'}]}"));
	}

	@Test
	void dropsDocumentationButKeepsPropertiesWithThoseNames() {
		JsonNode result = rewrite("{'type':'object','description':'d','example':{},'x-oaiMeta':{},'discriminator':"
				+ "{'propertyName':'type'},'properties':{'description':{'type':'string','description':'text'}}}");
		assertThat(result).isEqualTo(json("{'type':'object','discriminator':{'propertyName':'type'},"
				+ "'properties':{'description':{'type':'string'}},'unevaluatedProperties':false}"));
	}

	@Test
	void documentHoldsClosedAndOpenCopies() {
		JsonNode spec = json("{'components':{'schemas':{'A':{'type':'object','properties':{'a':{}}}}}}");
		JsonNode document = this.rewriter.document(spec);
		assertThat(document.path("$schema").stringValue()).isEqualTo(StrictSchemaRewriter.DIALECT);
		assertThat(document.at("/components/schemas/A/unevaluatedProperties").isBoolean()).isTrue();
		assertThat(document.at("/x-open-schemas/A").has("unevaluatedProperties")).isFalse();
	}

	private JsonNode rewrite(String schema) {
		return this.rewriter.rewrite(json(schema), false);
	}

	private static JsonNode json(String text) {
		return OpenApiSpec.jsonMapper().readTree(text.replace('\'', '"'));
	}

}
