package io.github.openaispring.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor: a bare Spring {@link WebClient} on Reactor Netty that posts fixed request bytes and reads the
 * answers with a Jackson 3 {@link JsonMapper} into small records, or a {@link JsonNode} for embeddings. Its
 * connection pool allows 256 connections so that 64 calls in flight never wait for one.
 *
 * <p>It asks for embeddings as JSON numbers unless {@code -Dbench.baseline.encoding=base64}.
 */
public final class BaselineDriver implements Driver {

	private static final byte[] CHAT_REQUEST = ("{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],"
			+ "\"model\":\"gpt-4o-mini\"}").getBytes(StandardCharsets.UTF_8);

	private static final byte[] CHAT_STREAM_REQUEST = ("{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}],"
			+ "\"model\":\"gpt-4o-mini\",\"stream\":true}").getBytes(StandardCharsets.UTF_8);

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
	};

	private final byte[] embeddingRequest;

	private final JsonMapper jsonMapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final ConnectionProvider connections = ConnectionProvider.builder("baseline")
		.maxConnections(256)
		.pendingAcquireMaxCount(-1)
		.build();

	private final WebClient webClient;

	/**
	 * Creates the driver.
	 * @param stubUrl the stub's root URL
	 */
	public BaselineDriver(String stubUrl) {
		String encoding = System.getProperty("bench.baseline.encoding", "float");
		this.embeddingRequest = ("{\"input\":\"hello\",\"model\":\"text-embedding-3-small\",\"encoding_format\":\""
				+ encoding + "\"}").getBytes(StandardCharsets.UTF_8);
		JacksonJsonDecoder decoder = new JacksonJsonDecoder(this.jsonMapper);
		this.webClient = WebClient.builder()
			.baseUrl(stubUrl + "/v1")
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.connections)))
			.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer sk-bench")
			.codecs((codecs) -> {
				codecs.defaultCodecs().jacksonJsonDecoder(decoder);
				codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024);
			})
			.build();
	}

	@Override
	public String chatCall() {
		return chat().block();
	}

	@Override
	public CompletableFuture<String> chatCallAsync() {
		return chat().toFuture();
	}

	@Override
	public long chatStream() {
		Long chunks = post("/chat/completions", CHAT_STREAM_REQUEST).accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(EVENTS)
			.mapNotNull(ServerSentEvent::data)
			.filter((data) -> !"[DONE]".equals(data))
			.map((data) -> this.jsonMapper.readValue(data, Chunk.class))
			.count()
			.block();
		return (chunks != null) ? chunks : 0;
	}

	@Override
	public int embeddingCall() {
		JsonNode response = post("/embeddings", this.embeddingRequest).retrieve().bodyToMono(JsonNode.class).block();
		JsonNode embedding = response.get("data").get(0).get("embedding");
		return vector(embedding).length;
	}

	@Override
	public void close() {
		this.connections.dispose();
	}

	private Mono<String> chat() {
		return post("/chat/completions", CHAT_REQUEST).retrieve()
			.bodyToMono(ChatCompletion.class)
			.map((completion) -> completion.choices().get(0).message().content());
	}

	private WebClient.RequestHeadersSpec<?> post(String path, byte[] body) {
		return this.webClient.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
	}

	private static float[] vector(JsonNode embedding) {
		if (embedding.isArray()) {
			float[] vector = new float[embedding.size()];
			for (int i = 0; i < vector.length; i++) {
				vector[i] = embedding.get(i).floatValue();
			}
			return vector;
		}
		ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(embedding.asString()))
			.order(ByteOrder.LITTLE_ENDIAN);
		float[] vector = new float[bytes.remaining() / Float.BYTES];
		bytes.asFloatBuffer().get(vector);
		return vector;
	}

	record ChatCompletion(String id, List<Choice> choices) {
	}

	record Choice(int index, Message message) {
	}

	record Message(String role, String content) {
	}

	record Chunk(String id, List<ChunkChoice> choices) {
	}

	record ChunkChoice(int index, Delta delta) {
	}

	record Delta(String content) {
	}

}
