// embeddings: POST /embeddings, with the SDK's base64 default and explicit formats.
import { json } from './support.mjs';

// [0.5, -1.25] as little-endian float32, base64: what the API returns for encoding_format=base64.
const BASE64_VECTOR = Buffer.from(new Float32Array([0.5, -1.25]).buffer).toString('base64');

const response = (embeddings) => ({
  object: 'list',
  data: embeddings.map((embedding, index) => ({ object: 'embedding', index, embedding })),
  model: 'text-embedding-3-small',
  usage: { prompt_tokens: 8, total_tokens: 8 },
});

export const cases = [
  {
    // Neither side asks for a format: the SDK asks for base64 and decodes it.
    id: 'embeddings.create/default-encoding',
    responses: [json(response([BASE64_VECTOR]))],
    sdk: async (client) => {
      await client.embeddings.create({
        model: 'text-embedding-3-small',
        input: 'The food was delicious and the service was excellent.',
      });
    },
  },
  {
    id: 'embeddings.create/float-string-array',
    responses: [json(response([[0.5, -1.25], [0.25, 1]]))],
    sdk: async (client) => {
      await client.embeddings.create({
        model: 'text-embedding-3-large',
        input: ['first document', 'second document'],
        encoding_format: 'float',
        dimensions: 2,
        user: 'user-1234',
      });
    },
  },
  {
    id: 'embeddings.create/token-arrays-base64',
    responses: [json(response([BASE64_VECTOR, BASE64_VECTOR]))],
    sdk: async (client) => {
      await client.embeddings.create({
        model: 'text-embedding-ada-002',
        input: [[1212, 318, 257], [1332, 13]],
        encoding_format: 'base64',
      });
    },
  },
  {
    id: 'embeddings.create/tokens',
    responses: [json(response([BASE64_VECTOR]))],
    sdk: async (client) => {
      await client.embeddings.create({ model: 'text-embedding-ada-002', input: [1212, 318, 257] });
    },
  },
  {
    // Java's reactive client (AsyncOpenAI) for the same call.
    id: 'embeddings.create/async-client',
    responses: [json(response([BASE64_VECTOR]))],
    sdk: async (client) => {
      await client.embeddings.create({ model: 'text-embedding-3-small', input: 'Reactive' });
    },
  },
];
