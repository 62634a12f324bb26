package io.github.openaispring.benchmarks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * The response bodies the stub server sends, each built once as a byte array so that serving a request
 * builds no JSON. The shapes follow what the OpenAI API returns: a pretty-printed chat completion of about
 * 1 KB, a stream of compact {@code chat.completion.chunk} events, and an embedding of 1,536 float32 values
 * either as JSON numbers or as base64 of their little-endian bytes.
 */
final class CannedResponses {

	/** Events in a streamed chat completion, not counting the closing {@code [DONE]}. */
	static final int STREAM_CHUNKS = 1_000;

	/** Length of the embedding vector. */
	static final int EMBEDDING_DIMENSIONS = 1_536;

	private static final String CHAT_COMPLETION = """
			{
			  "id": "chatcmpl-Bench0c9Yw2Lr7kQ1sVd3nXa8tUeP4",
			  "object": "chat.completion",
			  "created": 1764000000,
			  "model": "gpt-4o-mini-2024-07-18",
			  "choices": [
			    {
			      "index": 0,
			      "message": {
			        "role": "assistant",
			        "content": "Hello! This reply is canned by the benchmark's stub server. It is long enough to look like a real answer: a few sentences about nothing in particular, so that reading it costs what reading a short answer from the API costs. Nothing here depends on the question that was asked, and every call gets the same bytes back.",
			        "refusal": null,
			        "annotations": []
			      },
			      "logprobs": null,
			      "finish_reason": "stop"
			    }
			  ],
			  "usage": {
			    "prompt_tokens": 11,
			    "completion_tokens": 64,
			    "total_tokens": 75,
			    "prompt_tokens_details": {
			      "cached_tokens": 0,
			      "audio_tokens": 0
			    },
			    "completion_tokens_details": {
			      "reasoning_tokens": 0,
			      "audio_tokens": 0,
			      "accepted_prediction_tokens": 0,
			      "rejected_prediction_tokens": 0
			    }
			  },
			  "service_tier": "default",
			  "system_fingerprint": "fp_b376dfbbd5"
			}
			""";

	private static final String CHUNK_PREFIX = "data: {\"id\":\"chatcmpl-Bench0c9Yw2Lr7kQ1sVd3nXa8tUeP4\","
			+ "\"object\":\"chat.completion.chunk\",\"created\":1764000000,\"model\":\"gpt-4o-mini-2024-07-18\","
			+ "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_b376dfbbd5\",\"choices\":[{\"index\":0,\"delta\":";

	private static final String[] WORDS = { " the", " stub", " streams", " one", " token", " per", " event", "," };

	private final byte[] chatCompletion;

	private final byte[] chatCompletionStream;

	private final byte[] embeddingAsFloats;

	private final byte[] embeddingAsBase64;

	CannedResponses() {
		this.chatCompletion = CHAT_COMPLETION.getBytes(StandardCharsets.UTF_8);
		this.chatCompletionStream = buildStream();
		float[] vector = vector();
		this.embeddingAsFloats = embedding(floatsJson(vector));
		this.embeddingAsBase64 = embedding("\"" + base64(vector) + "\"");
	}

	/** The body of a non-streamed chat completion. */
	byte[] chatCompletion() {
		return this.chatCompletion;
	}

	/** The whole {@code text/event-stream} body: {@link #STREAM_CHUNKS} chunk events, then {@code [DONE]}. */
	byte[] chatCompletionStream() {
		return this.chatCompletionStream;
	}

	/** An embedding response whose vector is a JSON array of numbers. */
	byte[] embeddingAsFloats() {
		return this.embeddingAsFloats;
	}

	/** The same embedding response with the vector as base64 of little-endian float32. */
	byte[] embeddingAsBase64() {
		return this.embeddingAsBase64;
	}

	private static byte[] buildStream() {
		StringBuilder sse = new StringBuilder(STREAM_CHUNKS * 320);
		for (int i = 0; i < STREAM_CHUNKS; i++) {
			String delta;
			String finish = "null";
			if (i == 0) {
				delta = "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}";
			}
			else if (i == STREAM_CHUNKS - 1) {
				delta = "{}";
				finish = "\"stop\"";
			}
			else {
				delta = "{\"content\":\"" + WORDS[i % WORDS.length] + "\"}";
			}
			sse.append(CHUNK_PREFIX).append(delta).append(",\"logprobs\":null,\"finish_reason\":").append(finish)
				.append("}],\"obfuscation\":\"").append("q7ZpX2".substring(0, 1 + i % 6)).append("\"}\n\n");
		}
		sse.append("data: [DONE]\n\n");
		return sse.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static float[] vector() {
		Random random = new Random(1536);
		float[] vector = new float[EMBEDDING_DIMENSIONS];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = (float) (random.nextGaussian() * 0.025);
		}
		return vector;
	}

	/** Prints each float32 as the double it widens to, one a line, the way the API prints them. */
	private static String floatsJson(float[] vector) {
		StringBuilder json = new StringBuilder(vector.length * 32).append('[');
		for (int i = 0; i < vector.length; i++) {
			json.append(i == 0 ? "\n        " : ",\n        ").append((double) vector[i]);
		}
		return json.append("\n      ]").toString();
	}

	private static String base64(float[] vector) {
		ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
		for (float value : vector) {
			bytes.putFloat(value);
		}
		return Base64.getEncoder().encodeToString(bytes.array());
	}

	private static byte[] embedding(String embeddingJson) {
		String json = """
				{
				  "object": "list",
				  "data": [
				    {
				      "object": "embedding",
				      "index": 0,
				      "embedding": %s
				    }
				  ],
				  "model": "text-embedding-3-small",
				  "usage": {
				    "prompt_tokens": 1,
				    "total_tokens": 1
				  }
				}
				""".formatted(embeddingJson);
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
