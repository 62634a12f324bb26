package io.github.openaispring.codegen;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.openaispring.codegen.Model.EnumDef;
import io.github.openaispring.codegen.Model.ListOf;
import io.github.openaispring.codegen.Model.MapOf;
import io.github.openaispring.codegen.Model.Named;
import io.github.openaispring.codegen.Model.ObjectDef;
import io.github.openaispring.codegen.Model.Prop;
import io.github.openaispring.codegen.Model.Scalar;
import io.github.openaispring.codegen.Model.UnionDef;
import io.github.openaispring.codegen.TypeMapper.Resolved;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How the specification's idioms map to Java types, on small hand-written schemas.
 */
class TypeMapperTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static TypeMapper mapper(String schemas) throws Exception {
		JsonNode node = JSON.readTree(schemas.replace('\'', '"'));
		return new TypeMapper(node, new Config(), "test");
	}

	private static Prop prop(ObjectDef def, String name) {
		return def.props.stream().filter((prop) -> prop.jsonName.equals(name)).findFirst().orElseThrow();
	}

	@Test
	void nullableIdiomsAllMeanNullable() throws Exception {
		TypeMapper mapper = mapper("""
				{'Thing': {'type': 'object', 'required': ['a'], 'properties': {
				  'a': {'anyOf': [{'type': 'string'}, {'type': 'null'}]},
				  'b': {'type': 'integer', 'nullable': true},
				  'c': {'type': ['number', 'null']},
				  'd': {'allOf': [{'$ref': '#/components/schemas/Other'}, {'nullable': true}]},
				  'e': {'type': 'boolean'}}},
				 'Other': {'type': 'object', 'properties': {'x': {'type': 'string'}}}}
				""");
		ObjectDef thing = (ObjectDef) ((Named) mapper.resolveNamed("Thing").type()).def();
		assertThat(prop(thing, "a").nullable).isTrue();
		assertThat(prop(thing, "a").required).isTrue();
		assertThat(prop(thing, "a").type).isEqualTo(Scalar.STRING);
		assertThat(prop(thing, "b").nullable).isTrue();
		assertThat(prop(thing, "c").nullable).isTrue();
		assertThat(prop(thing, "c").type).isEqualTo(Scalar.NUMBER);
		assertThat(prop(thing, "d").nullable).isTrue();
		assertThat(((Named) prop(thing, "d").type).def().simpleName()).isEqualTo("Other");
		assertThat(prop(thing, "e").nullable).isFalse();
	}

	@Test
	void stringOrKnownValuesIsAnOpenEnum() throws Exception {
		TypeMapper mapper = mapper("""
				{'Model': {'anyOf': [{'type': 'string'}, {'type': 'string', 'enum': ['a', 'b']}]}}
				""");
		EnumDef model = (EnumDef) ((Named) mapper.resolveNamed("Model").type()).def();
		assertThat(model.values).containsExactly("a", "b");
	}

	@Test
	void aliasesAreInlined() throws Exception {
		TypeMapper mapper = mapper("""
				{'Metadata': {'anyOf': [{'type': 'object', 'additionalProperties': {'type': 'string'}}, {'type': 'null'}]},
				 'Ids': {'type': 'array', 'items': {'type': 'string'}}}
				""");
		Resolved metadata = mapper.resolveNamed("Metadata");
		assertThat(metadata.type()).isEqualTo(new MapOf(Scalar.STRING));
		assertThat(metadata.nullable()).isTrue();
		assertThat(mapper.resolveNamed("Ids").type()).isEqualTo(new ListOf(Scalar.STRING));
		assertThat(mapper.topLevel()).isEmpty();
	}

	@Test
	void allOfMergesFields() throws Exception {
		TypeMapper mapper = mapper("""
				{'Base': {'type': 'object', 'required': ['id'], 'properties': {'id': {'type': 'string'}}},
				 'Derived': {'allOf': [{'$ref': '#/components/schemas/Base'},
				   {'type': 'object', 'properties': {'extra': {'type': 'integer'}}}]}}
				""");
		ObjectDef derived = (ObjectDef) ((Named) mapper.resolveNamed("Derived").type()).def();
		assertThat(derived.props).extracting((prop) -> prop.jsonName).containsExactly("id", "extra");
		assertThat(prop(derived, "id").required).isTrue();
	}

	@Test
	void unionInfersItsDiscriminatorFromConstantTypeFields() throws Exception {
		TypeMapper mapper = mapper("""
				{'Part': {'oneOf': [{'$ref': '#/components/schemas/Text'}, {'$ref': '#/components/schemas/Image'}, {'type': 'string'}]},
				 'Text': {'type': 'object', 'properties': {'type': {'type': 'string', 'enum': ['text']}, 'text': {'type': 'string'}}},
				 'Image': {'type': 'object', 'properties': {'type': {'type': 'string', 'enum': ['image']}, 'url': {'type': 'string'}}}}
				""");
		UnionDef part = (UnionDef) ((Named) mapper.resolveNamed("Part").type()).def();
		assertThat(part.discriminator).isEqualTo("type");
		assertThat(part.variants).extracting((variant) -> variant.name).containsExactly("Text", "Image", "OfString");
		assertThat(part.variants.get(0).discriminatorValues).containsExactly("text");
		ObjectDef text = (ObjectDef) part.variants.get(0).def;
		assertThat(text.unions).containsExactly(part);
		assertThat(prop(text, "type").constValue).isEqualTo("text");
	}

	@Test
	void unionWithoutCommonConstantFieldHasNoDiscriminator() throws Exception {
		TypeMapper mapper = mapper("""
				{'Choice': {'oneOf': [{'type': 'string', 'enum': ['auto', 'none']},
				   {'type': 'object', 'properties': {'name': {'type': 'string'}}}]}}
				""");
		UnionDef choice = (UnionDef) ((Named) mapper.resolveNamed("Choice").type()).def();
		assertThat(choice.discriminator).isNull();
		assertThat(choice.variants.get(0).name).isEqualTo("OfKeyword");
		assertThat(choice.nested).extracting(Model.Def::simpleName).contains("Keyword");
	}

	@Test
	void inlineTypesNeverTakeASchemasName() throws Exception {
		TypeMapper mapper = mapper("""
				{'ToolCalls': {'type': 'array', 'items': {'oneOf': [{'$ref': '#/components/schemas/ToolCall'}, {'$ref': '#/components/schemas/Other'}]}},
				 'ToolCall': {'type': 'object', 'properties': {'type': {'enum': ['function']}}},
				 'Other': {'type': 'object', 'properties': {'type': {'enum': ['other']}}}}
				""");
		ListOf calls = (ListOf) mapper.resolveNamed("ToolCalls").type();
		assertThat(((Named) calls.item()).def().simpleName()).isEqualTo("ToolCallItem");
	}

	@Test
	void clashingSchemaNamesFailTheBuild() throws Exception {
		TypeMapper mapper = mapper("""
				{'OpenAIFile': {'type': 'object', 'properties': {'id': {'type': 'string'}}},
				 'FileObject': {'type': 'object', 'properties': {'id': {'type': 'string'}}}}
				""");
		mapper.resolveNamed("OpenAIFile");
		assertThatIllegalStateException().isThrownBy(() -> mapper.resolveNamed("FileObject"))
			.withMessageContaining("Two types would be named FileObject");
	}

	@Test
	void paramsAreNamedAfterTheSdkCall() {
		Config config = new Config();
		assertThat(Generator.paramsName(config, "chat.completions.create", "createChatCompletion"))
			.isEqualTo("ChatCompletionCreateParams");
		assertThat(Generator.paramsName(config, "embeddings.create", "x")).isEqualTo("EmbeddingCreateParams");
		assertThat(Generator.paramsName(config, "audio.speech.create", "x")).isEqualTo("SpeechCreateParams");
		assertThat(Generator.paramsName(config, "images.create_variation", "x")).isEqualTo("ImageCreateVariationParams");
		assertThat(Generator.paramsName(config, "fine_tuning.jobs.list_events", "x"))
			.isEqualTo("FineTuningJobListEventsParams");
		assertThat(Generator.paramsName(config, "beta.assistants.create", "x")).isEqualTo("AssistantCreateParams");
		assertThat(Generator.paramsName(config, "beta.threads.runs.steps.list", "x")).isEqualTo("ThreadRunStepListParams");
		assertThat(Generator.paramsName(config, null, "listAuditLogs")).isEqualTo("ListAuditLogsParams");
	}

}
