package io.github.openaispring.codegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.lang.model.element.Modifier;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.openaispring.codegen.Model.JType;
import io.github.openaispring.codegen.Model.ListOf;
import io.github.openaispring.codegen.Model.Location;
import io.github.openaispring.codegen.Model.Named;
import io.github.openaispring.codegen.Model.ObjectDef;
import io.github.openaispring.codegen.Model.Operation;
import io.github.openaispring.codegen.Model.Prop;
import io.github.openaispring.codegen.Model.Scalar;

/**
 * Writes the resources of both clients from the operations in scope: for every resource path
 * of the SDK names ({@code chat.completions}), a reactive {@code <Name>ServiceAsync} that
 * declares each operation once as an {@code Endpoint} and calls the shared
 * {@code ClientContext}, and a blocking {@code <Name>Service} that blocks on it. Each has
 * views ({@link View}) with the same operations returning the response rather than the
 * result: {@code WithRawResponse} (the response as it came) and {@code WithStreamingResponse}
 * (the response once its headers arrive, the body unread), which also has the streaming
 * operations ({@code createStreaming}) and the raw view does not (see {@link View#RAW}).
 * Nothing here knows HTTP: the shapes (JSON, paged list, event stream) are the context's.
 */
final class ServiceEmitter {

	static final String ASYNC_PACKAGE = "io.github.openaispring.services.async";

	static final String BLOCKING_PACKAGE = "io.github.openaispring.services.blocking";

	private static final String HTTP = "io.github.openaispring.core.http";

	private static final String CLIENT = "io.github.openaispring.client";

	private static final ClassName CLIENT_CONTEXT = ClassName.get(HTTP, "ClientContext");

	private static final ClassName ENDPOINT = ClassName.get(HTTP, "Endpoint");

	private static final ClassName PAGING = ClassName.get(HTTP, "Paging");

	private static final ClassName REQUEST_OPTIONS = ClassName.get(CLIENT, "RequestOptions");

	private static final ClassName RAW_RESPONSE = ClassName.get(CLIENT, "RawResponse");

	private static final ClassName ASYNC_PAGE = ClassName.get(CLIENT, "AsyncPage");

	private static final ClassName PAGE = ClassName.get(CLIENT, "Page");

	private static final ClassName STREAM_RESPONSE = ClassName.get(CLIENT, "StreamResponse");

	private static final ClassName BINARY_RESPONSE = ClassName.get(CLIENT, "BinaryResponse");

	private static final ClassName ASYNC_BINARY_RESPONSE = ClassName.get(CLIENT, "AsyncBinaryResponse");

	private static final ClassName STREAMING_RESPONSE = ClassName.get(CLIENT, "StreamingResponse");

	private static final ClassName ASYNC_STREAMING_RESPONSE = ClassName.get(CLIENT, "AsyncStreamingResponse");

	private static final ClassName MAP = ClassName.get(Map.class);

	private static final ClassName BLOCKING = ClassName.get("io.github.openaispring.core", "Blocking");

	private static final ClassName MONO = ClassName.get("reactor.core.publisher", "Mono");

	private static final ClassName FLUX = ClassName.get("reactor.core.publisher", "Flux");

	private static final ClassName VOID = ClassName.get(Void.class);

	private final Config config;

	ServiceEmitter(Config config) {
		this.config = config;
	}

	/**
	 * Whether an operation answers with a file rather than JSON: the table says so, or it
	 * declares no JSON response but another media type than events ({@code audio.speech}).
	 */
	static boolean binary(Config config, Operation operation) {
		return config.binary(operation.sdkCall()) || (operation.response() == null && operation.responseContentTypes()
			.stream()
			.anyMatch((type) -> !type.equals("text/event-stream") && !type.equals("application/json")));
	}

	/**
	 * Write the services of the operations that have SDK names.
	 * @return the number of files written
	 */
	int write(List<Operation> operations, Path out) throws IOException {
		Resource root = new Resource("", null);
		for (Operation operation : operations) {
			if (operation.sdkCall() == null) {
				continue;
			}
			String[] segments = operation.sdkCall().split("\\.");
			Resource resource = root;
			for (int i = 0; i < segments.length - 1; i++) {
				resource = resource.child(segments[i]);
			}
			resource.operations.add(new Op(operation, segments[segments.length - 1], this.config));
		}
		Map<String, String> names = new HashMap<>();
		int count = 0;
		for (Resource resource : root.descendants()) {
			resource.name = this.config.serviceName(resource.path);
			String clash = names.put(resource.name, resource.path);
			if (clash != null) {
				throw new IllegalStateException("Resources " + clash + " and " + resource.path + " would both be "
						+ resource.name + "Service; add service." + resource.path + " to codegen.properties");
			}
		}
		List<Resource> resources = new ArrayList<>(root.descendants());
		resources.add(root);
		for (Resource resource : resources) {
			write(ASYNC_PACKAGE, asyncService(resource), out);
			write(BLOCKING_PACKAGE, blockingService(resource), out);
			count += 2;
		}
		return count;
	}

	private static void write(String packageName, TypeSpec type, Path out) throws IOException {
		JavaFile.builder(packageName, type)
			.skipJavaLangImports(true)
			.indent("\t")
			.addFileComment("Generated by openai-codegen from the OpenAI OpenAPI description. Do not edit.")
			.build()
			.writeTo(out);
	}

	private TypeSpec asyncService(Resource resource) {
		ClassName self = resource.asyncName();
		TypeSpec.Builder type = serviceType(self, resourceDoc(resource,
				"reactive: every call returns a {@code Mono} or {@code Flux}, sent when subscribed"),
				this.config.extensions("async", resource.path));
		for (Op op : resource.operations) {
			type.addField(op.endpointField(this.config));
			if (op.paging != null) {
				type.addField(op.pagingField());
			}
		}
		type.addField(CLIENT_CONTEXT, "context", Modifier.PRIVATE, Modifier.FINAL);
		MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("Create the resource.\n@param context the client's options and transport\n")
			.addParameter(CLIENT_CONTEXT, "context")
			.addStatement("this.context = context");
		return finish(resource, self, type, constructor, true);
	}

	private TypeSpec blockingService(Resource resource) {
		ClassName self = resource.blockingName();
		ClassName async = resource.asyncName();
		String extensions = this.config.extensions("blocking", resource.path);
		TypeSpec.Builder type = serviceType(self, resourceDoc(resource, "blocking: every call waits for its result"),
				extensions)
			.addField(async, "async", Modifier.PRIVATE, Modifier.FINAL);
		MethodSpec.Builder asyncAccessor = MethodSpec.methodBuilder("async")
			.addModifiers(Modifier.PUBLIC)
			.returns(async)
			.addJavadoc("Return the same resource on the reactive client.\n@return the resource\n")
			.addStatement("return this.async");
		if (extensions != null) {
			asyncAccessor.addAnnotation(Override.class);
		}
		type.addMethod(asyncAccessor.build());
		MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
			.addModifiers(Modifier.PUBLIC)
			.addJavadoc("Create the blocking view of a resource of the reactive client.\n"
					+ "@param async the resource of the reactive client\n")
			.addParameter(async, "async")
			.addStatement("this.async = async");
		return finish(resource, self, type, constructor, false);
	}

	private static TypeSpec.Builder serviceType(ClassName self, String doc, String extensions) {
		TypeSpec.Builder type = TypeSpec.classBuilder(self)
			.addModifiers(Modifier.PUBLIC, Modifier.FINAL)
			.addJavadoc("$L", doc);
		if (extensions != null) {
			type.addSuperinterface(ClassName.bestGuess(extensions));
		}
		return type;
	}

	/**
	 * What both kinds of service end with: the sub-resources, the views (each over the
	 * context, or over the same view of the reactive resource) and their accessors, and the
	 * operations, in the resource and in each view.
	 */
	private static TypeSpec finish(Resource resource, ClassName self, TypeSpec.Builder type,
			MethodSpec.Builder constructor, boolean async) {
		List<ViewType> views = new ArrayList<>();
		for (View view : View.values()) {
			views.add(ViewType.of(view, resource, self, async));
		}
		addChildren(resource, type, constructor, views, async);
		for (ViewType view : views) {
			type.addField(view.name(), view.view().accessor, Modifier.PRIVATE, Modifier.FINAL);
			constructor.addStatement("this.$N = new $T($L)", view.view().accessor, view.name(),
					async ? "context" : "async." + view.view().accessor + "()");
		}
		type.addMethod(constructor.build());
		for (ViewType view : views) {
			type.addMethod(MethodSpec.methodBuilder(view.view().accessor)
				.addModifiers(Modifier.PUBLIC)
				.returns(view.name())
				.addJavadoc("Return the operations of this resource $L.\n@return the view\n", view.view().doc)
				.addStatement("return this.$N", view.view().accessor)
				.build());
		}
		for (Op op : resource.operations) {
			op.addMethods(type, Mode.of(async, null));
			for (ViewType view : views) {
				op.addMethods(view.type(), Mode.of(async, view.view()));
			}
		}
		for (ViewType view : views) {
			view.type().addMethod(view.constructor().build());
			type.addType(view.type().build());
		}
		return type.build();
	}

	/** The sub-resources: a field, its creation, and an accessor, in the resource and in each view. */
	private static void addChildren(Resource resource, TypeSpec.Builder type, MethodSpec.Builder constructor,
			List<ViewType> views, boolean async) {
		for (Resource child : resource.children.values()) {
			ClassName childType = async ? child.asyncName() : child.blockingName();
			String field = Names.camel(child.segment);
			String doc = "Return the {@code " + child.path + "} resource.\n@return the resource\n";
			addChild(type, constructor, childType, field, doc, async);
			for (ViewType view : views) {
				addChild(view.type(), view.constructor(), childType.nestedClass(view.view().type), field, doc, async);
			}
		}
	}

	private static void addChild(TypeSpec.Builder type, MethodSpec.Builder constructor, ClassName childType,
			String field, String doc, boolean async) {
		type.addField(childType, field, Modifier.PRIVATE, Modifier.FINAL);
		if (async) {
			constructor.addStatement("this.$N = new $T(context)", field, childType);
		}
		else {
			constructor.addStatement("this.$N = new $T(async.$N())", field, childType, field);
		}
		type.addMethod(MethodSpec.methodBuilder(field)
			.addModifiers(Modifier.PUBLIC)
			.returns(childType)
			.addJavadoc(doc)
			.addStatement("return this.$N", field)
			.build());
	}

	private static String resourceDoc(Resource resource, String how) {
		StringBuilder doc = new StringBuilder(resource.path.isEmpty() ? "The resources of the API, " + how + ".\n"
				: "The {@code " + resource.path + "} resource of the API, " + how + ".\n");
		if (!resource.operations.isEmpty()) {
			doc.append("<ul>\n");
			for (Op op : resource.operations) {
				doc.append("<li>{@code ").append(op.name).append("}: {@code ").append(op.operation.method()).append(' ')
					.append(op.operation.path()).append("}</li>\n");
			}
			doc.append("</ul>\n");
		}
		doc.append("\n@since 0.1.0\n");
		return doc.toString();
	}

	/**
	 * A view of a resource: the same operations, returning the response (status, headers,
	 * request id, and the body parsed when asked) rather than the result. Each is a nested
	 * class of every service, reached by an accessor of the service and of the client.
	 */
	private enum View {

		/**
		 * The whole response, read before it is returned. It has no streaming operations: a
		 * {@code RawResponse} holds the whole body, and a stream's body is whole only once the
		 * stream has ended, so a raw stream would either wait for the end, which defeats
		 * streaming, or return a response that is not raw, which breaks what the view promises.
		 * The streaming view already returns a stream at its headers, with the raw bytes and
		 * the events, so it is the one way to have both, and the raw view's Javadoc points there.
		 */
		RAW("WithRawResponse", "withRawResponse", RAW_RESPONSE, RAW_RESPONSE, "callRaw", "pageRaw", null,
				"that return the response as it came: status, headers, request id, and the body parsed when asked",
				"<p>\nThe response comes as it is, with its status and headers; {@code parse()} reads the body.\n",
				"<p>\nThe streaming operations are not here: a raw response holds the whole body, which a stream "
						+ "only has once it has ended. {@code withStreamingResponse()} has them, returning the "
						+ "response of a stream as soon as its headers arrive.\n"),

		/**
		 * The response as soon as its headers arrive, its body unread; for a streaming
		 * operation, {@code parse()} gives the stream of events.
		 */
		STREAMING("WithStreamingResponse", "withStreamingResponse", ASYNC_STREAMING_RESPONSE, STREAMING_RESPONSE,
				"callStreamed", "pageStreamed", "Streamed",
				"that return the response as soon as its headers arrive, with the body unread: status, headers, "
						+ "request id, and the body read as it comes or parsed when asked; each response must be "
						+ "read or closed",
				"<p>\nThe response is returned once its headers arrive, with its body unread: {@code body()} reads it "
						+ "as it comes, {@code parse()} as the usual result. Read the body or close the response, "
						+ "which holds its connection until then.\n",
				"");

		/** The simple name of the nested view class. */
		final String type;

		/** The accessor of the view, on a service and on the client. */
		final String accessor;

		final ClassName asyncResponse;

		final ClassName blockingResponse;

		/** The {@code ClientContext} methods of a call and of a list's first page. */
		final String call;

		final String page;

		/**
		 * What the {@code ClientContext} methods of a stream ({@code stream},
		 * {@code streamNamedEvents}) are suffixed with in the view, or {@code null} if the view
		 * has no streaming operations.
		 */
		final String stream;

		/** What the view's operations return, after "the operations of ...". */
		final String doc;

		/** The paragraph of each operation's Javadoc in the view. */
		final String methodDoc;

		/** The paragraph of the view's class Javadoc in a resource with streaming operations. */
		final String streamsDoc;

		View(String type, String accessor, ClassName asyncResponse, ClassName blockingResponse, String call,
				String page, String stream, String doc, String methodDoc, String streamsDoc) {
			this.type = type;
			this.accessor = accessor;
			this.asyncResponse = asyncResponse;
			this.blockingResponse = blockingResponse;
			this.call = call;
			this.page = page;
			this.stream = stream;
			this.doc = doc;
			this.methodDoc = methodDoc;
			this.streamsDoc = streamsDoc;
		}

	}

	/** The nested class of a view being built, over its delegate: the context, or the reactive view. */
	private record ViewType(View view, ClassName name, TypeSpec.Builder type, MethodSpec.Builder constructor) {

		static ViewType of(View view, Resource resource, ClassName self, boolean async) {
			ClassName name = self.nestedClass(view.type);
			TypeName delegateType = async ? CLIENT_CONTEXT : resource.asyncName().nestedClass(view.type);
			String delegate = async ? "context" : "async";
			boolean streams = resource.operations.stream().anyMatch(Op::streams);
			TypeSpec.Builder type = TypeSpec.classBuilder(name)
				.addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
				.addJavadoc("The operations of {@link $T} $L.\n$L", self, view.doc, streams ? view.streamsDoc : "")
				.addField(delegateType, delegate, Modifier.PRIVATE, Modifier.FINAL);
			MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
				.addParameter(delegateType, delegate)
				.addStatement("this.$N = $N", delegate, delegate);
			return new ViewType(view, name, type, constructor);
		}

	}

	/** How a method returns: reactive or blocking, and the result or, in a view, the response. */
	private enum Mode {

		ASYNC(true, null), ASYNC_RAW(true, View.RAW), ASYNC_STREAMING(true, View.STREAMING),
		BLOCKING(false, null), BLOCKING_RAW(false, View.RAW), BLOCKING_STREAMING(false, View.STREAMING);

		private final boolean async;

		/** The view the method is in, or {@code null} for the resource itself. */
		private final View view;

		Mode(boolean async, View view) {
			this.async = async;
			this.view = view;
		}

		static Mode of(boolean async, View view) {
			for (Mode mode : values()) {
				if (mode.async == async && mode.view == view) {
					return mode;
				}
			}
			throw new IllegalArgumentException(async + " " + view);
		}

		/** Whether the method returns the response (in a view) rather than the result. */
		boolean response() {
			return this.view != null;
		}

		boolean async() {
			return this.async;
		}

	}

	/** A node of the SDK's resource tree. */
	private static final class Resource {

		final String segment;

		final String path;

		final Map<String, Resource> children = new LinkedHashMap<>();

		final List<Op> operations = new ArrayList<>();

		String name;

		Resource(String segment, Resource parent) {
			this.segment = segment;
			this.path = (parent == null || parent.path.isEmpty()) ? segment : parent.path + "." + segment;
		}

		Resource child(String segment) {
			return this.children.computeIfAbsent(segment, (name) -> new Resource(name, this));
		}

		List<Resource> descendants() {
			List<Resource> result = new ArrayList<>();
			for (Resource child : this.children.values()) {
				result.add(child);
				result.addAll(child.descendants());
			}
			return result;
		}

		/** The resources at the top, which the client's accessors return, are held by {@code OpenAIResources}. */
		ClassName asyncName() {
			return ClassName.get(ASYNC_PACKAGE, this.path.isEmpty() ? "OpenAIResourcesAsync" : this.name + "ServiceAsync");
		}

		ClassName blockingName() {
			return ClassName.get(BLOCKING_PACKAGE, this.path.isEmpty() ? "OpenAIResources" : this.name + "Service");
		}

	}

	/** How a list operation pages: the list response, its items, and how to ask for the next page. */
	private record Paging(ObjectDef list, Prop data, TypeName item, Prop hasMore, Prop after, boolean itemHasId,
			Prop lastId) {
	}

	/** One operation, as the methods of a service declare it. */
	private static final class Op {

		final Operation operation;

		final String name;

		final String constant;

		final ClassName params;

		final TypeName response;

		final Paging paging;

		final List<Prop> pathArguments;

		final boolean noArguments;

		final boolean binary;

		final boolean multipart;

		final boolean textForm;

		final Map<String, String> streamFields;

		Op(Operation operation, String segment, Config config) {
			this.operation = operation;
			this.name = Names.camel(segment);
			this.constant = Names.constant(segment);
			this.params = operation.params().className;
			this.binary = binary(config, operation);
			this.multipart = "multipart/form-data".equals(operation.requestContentType());
			this.textForm = config.textForm(operation.sdkCall());
			this.streamFields = config.streamFields(operation.sdkCall());
			this.response = (operation.response() == null || this.binary) ? VOID : responseType(operation);
			this.paging = paging(operation, this.name, config);
			List<Prop> required = operation.params().props.stream()
				.filter((prop) -> prop.required && prop.constValue == null)
				.toList();
			this.noArguments = required.isEmpty();
			boolean bodyless = operation.method().equals("GET") || operation.method().equals("DELETE")
					|| operation.requestContentType() == null;
			boolean pathOnly = !required.isEmpty() && required.stream()
				.allMatch((prop) -> prop.location == Location.PATH && prop.type == Scalar.STRING);
			this.pathArguments = (bodyless && pathOnly) ? required : List.of();
		}

		private static TypeName responseType(Operation operation) {
			if (!(operation.response() instanceof Named named)) {
				throw new IllegalStateException(operation.sdkCall() + " answers with " + operation.response()
						+ ", which a service cannot declare; list it as binary in codegen.properties");
			}
			return named.def().className;
		}

		private static Paging paging(Operation operation, String name, Config config) {
			if (!operation.method().equals("GET") || !name.startsWith("list")
					|| !(operation.response() instanceof Named named) || !(named.def() instanceof ObjectDef list)) {
				return null;
			}
			Prop data = prop(list, "data");
			if (data == null || !(data.type instanceof ListOf items)) {
				return null;
			}
			JType item = items.item();
			boolean itemHasId = item instanceof Named itemNamed && itemNamed.def() instanceof ObjectDef object
					&& prop(object, "id") != null && prop(object, "id").type == Scalar.STRING;
			String cursorField = config.cursor(operation.sdkCall());
			Prop lastId = (cursorField != null) ? prop(list, cursorField) : null;
			if (cursorField != null && lastId == null) {
				throw new IllegalStateException("cursor." + operation.sdkCall() + " names " + cursorField
						+ ", which " + list.className.simpleName() + " does not have");
			}
			return new Paging(list, data, Emitter.typeName(item), prop(list, "has_more"),
					prop(operation.params(), "after"), itemHasId, lastId);
		}

		private static Prop prop(ObjectDef def, String jsonName) {
			return def.props.stream().filter((prop) -> prop.jsonName.equals(jsonName)).findFirst().orElse(null);
		}

		boolean cursor() {
			return this.paging != null && this.paging.hasMore() != null && this.paging.after() != null;
		}

		/** Whether the operation has a {@code ...Streaming} form, which reads server-sent events. */
		boolean streams() {
			return this.operation.streamEvent() != null;
		}

		FieldSpec endpointField(Config config) {
			String factory = this.operation.method().toLowerCase(Locale.ROOT);
			if (!List.of("get", "post", "delete").contains(factory)) {
				throw new IllegalStateException("No Endpoint factory for " + this.operation.method());
			}
			CodeBlock.Builder init = CodeBlock.builder()
				.add("$T.$L($S, $S, $T.class)", ENDPOINT, factory, this.operation.sdkCall(), this.operation.path(),
						this.response);
			if (factory.equals("post") && this.operation.requestContentType() == null) {
				init.add("\n.withoutBody()");
			}
			config.bodyDefaults(this.operation.sdkCall())
				.forEach((field, value) -> init.add("\n.withBodyDefault($S, $S)", field, value));
			if (this.multipart) {
				init.add("\n.withMultipart()");
			}
			config.headers(this.operation.sdkCall())
				.forEach((name, value) -> init.add("\n.withHeader($S, $S)", name, value));
			String accept = config.accept(this.operation.sdkCall());
			if (accept != null) {
				init.add("\n.withAccept($S)", accept);
			}
			if (this.operation.streamEvent() != null && !this.streamFields.equals(Map.of("stream", "true"))) {
				CodeBlock.Builder fields = CodeBlock.builder();
				this.streamFields.forEach((field, value) -> {
					if (!fields.isEmpty()) {
						fields.add(", ");
					}
					if (value.equals("true") || value.equals("false")) {
						fields.add("$S, $L", field, value);
					}
					else {
						fields.add("$S, $S", field, value);
					}
				});
				init.add("\n.withStreamFields($T.of($L))", MAP, fields.build());
			}
			return FieldSpec.builder(ParameterizedTypeName.get(ENDPOINT, this.response), this.constant, Modifier.PRIVATE,
					Modifier.STATIC, Modifier.FINAL)
				.initializer(init.build())
				.build();
		}

		FieldSpec pagingField() {
			ClassName list = this.paging.list().className;
			TypeName type = ParameterizedTypeName.get(PAGING, this.params, list, this.paging.item());
			CodeBlock init;
			if (cursor()) {
				CodeBlock after = CodeBlock.of("(params, after) -> params.toBuilder().$N(after).build()",
						this.paging.after().javaName);
				if (this.paging.lastId() != null) {
					init = CodeBlock.of("$T.lastId($T::$N, $T::$N, $T::$N, $L)", PAGING, list,
							this.paging.data().javaName, list, this.paging.hasMore().javaName, list,
							this.paging.lastId().javaName, after);
				}
				else {
					CodeBlock id = this.paging.itemHasId() ? CodeBlock.of("(last) -> last.id()")
							: CodeBlock.of("$T::jsonId", PAGING);
					init = CodeBlock.of("$T.cursor($T::$N, $T::$N, $L, $L)", PAGING, list, this.paging.data().javaName,
							list, this.paging.hasMore().javaName, id, after);
				}
			}
			else {
				init = CodeBlock.of("$T.single($T::$N)", PAGING, list, this.paging.data().javaName);
			}
			return FieldSpec.builder(type, this.constant + "_PAGING", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
				.initializer(init)
				.build();
		}

		void addMethods(TypeSpec.Builder type, Mode mode) {
			addOverloads(type, mode, this.name, returnType(mode, false), call(mode, false), false);
			if (this.textForm && !mode.response()) {
				TypeName text = mode.async() ? ParameterizedTypeName.get(MONO, ClassName.get(String.class))
						: ClassName.get(String.class);
				CodeBlock call = mode.async()
						? CodeBlock.of("return this.context.callText($N, params, options)", this.constant)
						: CodeBlock.of("return $T.get(this.async.$N(params, options))", BLOCKING, this.name + "Text");
				addOverloads(type, mode, this.name + "Text", text, call, false);
			}
			if (streams() && (!mode.response() || mode.view.stream != null)) {
				addOverloads(type, mode, this.name + "Streaming", returnType(mode, true), call(mode, true), true);
			}
		}

		private TypeName returnType(Mode mode, boolean stream) {
			if (this.binary && !stream) {
				return mode.async() ? ParameterizedTypeName.get(MONO, ASYNC_BINARY_RESPONSE) : BINARY_RESPONSE;
			}
			TypeName result;
			if (stream) {
				TypeName event = Emitter.typeName(this.operation.streamEvent());
				result = ParameterizedTypeName.get(mode.async() ? FLUX : STREAM_RESPONSE, event);
				if (!mode.response()) {
					// The events themselves, which are not waited for as a Mono is.
					return result;
				}
			}
			else {
				result = (this.paging == null) ? this.response
						: ParameterizedTypeName.get(mode.async() ? ASYNC_PAGE : PAGE, this.paging.item());
			}
			if (mode.response()) {
				result = ParameterizedTypeName.get(mode.async() ? mode.view.asyncResponse : mode.view.blockingResponse,
						result);
			}
			if (mode.async()) {
				return ParameterizedTypeName.get(MONO, result);
			}
			return (result == VOID) ? TypeName.VOID : result;
		}

		/** The statement of the full overload, over {@code params} and {@code options}. */
		private CodeBlock call(Mode mode, boolean stream) {
			String method = stream ? this.name + "Streaming" : this.name;
			if (this.binary && !stream) {
				return mode.async() ? CodeBlock.of("return this.context.callBinary($N, params, options)", this.constant)
						: CodeBlock.of("return $T.of($T.get(this.async.$N(params, options)))", BINARY_RESPONSE, BLOCKING,
								method);
			}
			if (mode.response()) {
				return viewCall(mode, method, stream);
			}
			return switch (mode) {
				case ASYNC -> {
					if (stream) {
						yield streamCall("");
					}
					yield (this.paging != null)
							? CodeBlock.of("return this.context.page($N, $N_PAGING, params, options)", this.constant,
									this.constant)
							: CodeBlock.of("return this.context.call($N, params, options)", this.constant);
				}
				case BLOCKING -> {
					if (stream) {
						yield CodeBlock.of("return $T.of(this.async.$N(params, options))", STREAM_RESPONSE, method);
					}
					if (this.paging != null) {
						yield CodeBlock.of("return $T.of($T.get(this.async.$N(params, options)))", PAGE, BLOCKING,
								method);
					}
					// The response parsed on the calling thread rather than on the event loop:
					// see Blocking.parse.
					yield (this.response == VOID) ? CodeBlock.of("$T.run(this.async.$N(params, options))", BLOCKING, method)
							: CodeBlock.of("return $T.parse(this.async.withRawResponse().$N(params, options))", BLOCKING,
									method);
				}
				default -> throw new IllegalStateException(mode.name());
			};
		}

		/** The reactive call of a stream: the context's stream method, with the view's suffix. */
		private CodeBlock streamCall(String suffix) {
			return CodeBlock.of("return this.context.$L($N, $T.class, params, options)",
					(this.operation.namedEvents() ? "streamNamedEvents" : "stream") + suffix, this.constant,
					rawType(Emitter.typeName(this.operation.streamEvent())));
		}

		/**
		 * The call of a view: the context's method for the view on the reactive side; on the
		 * blocking side, the reactive view's response waited for, its async page made a page
		 * or its events a blocking stream, and wrapped in the blocking response type when the
		 * view has one.
		 */
		private CodeBlock viewCall(Mode mode, String method, boolean stream) {
			View view = mode.view;
			if (mode.async()) {
				if (stream) {
					return streamCall(view.stream);
				}
				return (this.paging != null)
						? CodeBlock.of("return this.context.$L($N, $N_PAGING, params, options)", view.page, this.constant,
								this.constant)
						: CodeBlock.of("return this.context.$L($N, params, options)", view.call, this.constant);
			}
			CodeBlock response = CodeBlock.of("$T.get(this.async.$N(params, options))", BLOCKING, method);
			if (stream) {
				response = CodeBlock.of("$L.map($T::of)", response, STREAM_RESPONSE);
			}
			else if (this.paging != null) {
				response = CodeBlock.of("$L.map($T::of)", response, PAGE);
			}
			if (!view.blockingResponse.equals(view.asyncResponse)) {
				response = CodeBlock.of("$T.of($L)", view.blockingResponse, response);
			}
			return CodeBlock.of("return $L", response);
		}

		private static TypeName rawType(TypeName type) {
			return (type instanceof ParameterizedTypeName parameterized) ? parameterized.rawType() : type;
		}

		private void addOverloads(TypeSpec.Builder type, Mode mode, String method, TypeName returns, CodeBlock call,
				boolean stream) {
			String doc = javadoc(mode, stream);
			String prefix = (returns == TypeName.VOID) ? "" : "return ";
			type.addMethod(MethodSpec.methodBuilder(method)
				.addModifiers(Modifier.PUBLIC)
				.returns(returns)
				.addJavadoc("$L@param params the request\n@param options the call's options, over the client's\n$L",
						doc, returnsDoc(returns))
				.addParameter(this.params, "params")
				.addParameter(REQUEST_OPTIONS, "options")
				.addStatement(call)
				.build());
			type.addMethod(MethodSpec.methodBuilder(method)
				.addModifiers(Modifier.PUBLIC)
				.returns(returns)
				.addJavadoc("$L@param params the request\n$L", doc, returnsDoc(returns))
				.addParameter(this.params, "params")
				.addStatement("$L$N(params, $T.none())", prefix, method, REQUEST_OPTIONS)
				.build());
			if (this.noArguments) {
				type.addMethod(MethodSpec.methodBuilder(method)
					.addModifiers(Modifier.PUBLIC)
					.returns(returns)
					.addJavadoc("$L$L", doc, returnsDoc(returns))
					.addStatement("$L$N($T.builder().build(), $T.none())", prefix, method, this.params, REQUEST_OPTIONS)
					.build());
				type.addMethod(MethodSpec.methodBuilder(method)
					.addModifiers(Modifier.PUBLIC)
					.returns(returns)
					.addJavadoc("$L@param options the call's options, over the client's\n$L", doc, returnsDoc(returns))
					.addParameter(REQUEST_OPTIONS, "options")
					.addStatement("$L$N($T.builder().build(), options)", prefix, method, this.params)
					.build());
			}
			if (!this.pathArguments.isEmpty()) {
				MethodSpec.Builder withOptions = MethodSpec.methodBuilder(method)
					.addModifiers(Modifier.PUBLIC)
					.returns(returns);
				MethodSpec.Builder plain = MethodSpec.methodBuilder(method)
					.addModifiers(Modifier.PUBLIC)
					.returns(returns);
				CodeBlock.Builder build = CodeBlock.builder().add("$T.builder()", this.params);
				StringBuilder paramDocs = new StringBuilder();
				List<String> names = new ArrayList<>();
				for (Prop prop : this.pathArguments) {
					withOptions.addParameter(String.class, prop.javaName);
					plain.addParameter(String.class, prop.javaName);
					build.add(".$N($N)", prop.javaName, prop.javaName);
					paramDocs.append("@param ").append(prop.javaName).append(" the {@code ").append(prop.jsonName)
						.append("} of the path\n");
					names.add(prop.javaName);
				}
				build.add(".build()");
				type.addMethod(withOptions.addParameter(REQUEST_OPTIONS, "options")
					.addJavadoc("$L$L@param options the call's options, over the client's\n$L", doc, paramDocs,
							returnsDoc(returns))
					.addStatement("$L$N($L, options)", prefix, method, build.build())
					.build());
				type.addMethod(plain.addJavadoc("$L$L$L", doc, paramDocs, returnsDoc(returns))
					.addStatement("$L$N($L, $T.none())", prefix, method, String.join(", ", names), REQUEST_OPTIONS)
					.build());
			}
		}

		private String javadoc(Mode mode, boolean stream) {
			String summary = Emitter.javadoc(this.operation.summary());
			if (summary.endsWith(".")) {
				summary = summary.substring(0, summary.length() - 1);
			}
			StringBuilder doc = new StringBuilder(summary).append(": {@code ").append(this.operation.method())
				.append(' ').append(this.operation.path()).append('}');
			if (stream) {
				doc.append(" with {@code \"stream\": true}, the result read as server-sent events as they arrive");
			}
			doc.append(".\n");
			if (stream && mode.response()) {
				doc.append("<p>\nThe response is returned once its headers arrive, with its body unread: {@code body()} "
						+ "reads the event stream's bytes as they come, {@code parse()} the events, as the call "
						+ "without {@code withStreamingResponse()} gives them. The call is retried until its headers, "
						+ "not after. " + (mode.async() ? "Read the body or close the response; cancelling the events "
								+ "ends the exchange.\n"
								: "Close the response (try-with-resources), which also closes the events.\n"));
			}
			else if (stream) {
				doc.append(mode.async() ? "<p>\nCancelling the subscription ends the HTTP exchange at once.\n"
						: "<p>\nClose the stream (try-with-resources) to end the HTTP exchange before its end.\n");
			}
			else if (cursor()) {
				doc.append("<p>\nThe result is the first page; {@code autoPager()} fetches the next ones as they are "
						+ "reached.\n");
			}
			else if (this.paging != null) {
				doc.append("<p>\nThe list is one page.\n");
			}
			if (this.binary && !stream) {
				doc.append("<p>\nThe response is a file: it is returned once its headers arrive, and its body is read as "
						+ "it is consumed. Read the body or close the response, which holds its connection until then.\n");
			}
			else if (mode.response() && !stream) {
				doc.append(mode.view.methodDoc);
			}
			if (this.multipart) {
				doc.append("<p>\nSent as a {@code multipart/form-data} form; files are streamed, not read into memory.\n");
			}
			if (this.textForm && !stream) {
				doc.append("<p>\nFor the JSON response formats; {@code " + this.name
						+ "Text} reads the others ({@code text}, {@code srt}, {@code vtt}) as a string.\n");
			}
			return doc.toString();
		}

		private static String returnsDoc(TypeName returns) {
			return (returns == TypeName.VOID) ? "" : "@return the result\n";
		}

	}

}
