// images: generate (JSON), edit and variation (multipart), and the streamed forms of generate and edit.
import { toFile } from 'openai';
import { drain, json, sse } from './support.mjs';

export const PNG_A = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01]);
export const PNG_B = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x02]);
export const PNG_MASK = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x03]);

const imagesResponse = {
  created: 1713833628,
  background: 'opaque',
  output_format: 'png',
  quality: 'high',
  size: '1024x1024',
  data: [{ b64_json: 'iVBORw0KGgo=', revised_prompt: 'A cute baby sea otter' }],
  usage: { total_tokens: 100, input_tokens: 50, output_tokens: 50, input_tokens_details: { text_tokens: 10, image_tokens: 40 } },
};

const png = (bytes, name) => toFile(bytes, name, { type: 'image/png' });

export const cases = [
  {
    id: 'images.generate/gpt-image',
    responses: [json(imagesResponse)],
    sdk: async (client) => {
      await client.images.generate({
        model: 'gpt-image-1',
        prompt: 'A cute baby sea otter',
        n: 2,
        size: '1024x1024',
        quality: 'high',
        background: 'transparent',
        output_format: 'webp',
        output_compression: 80,
        moderation: 'low',
        user: 'user-1234',
      });
    },
  },
  {
    id: 'images.generate/dall-e',
    responses: [json({ created: 1713833628, data: [{ url: 'https://example.com/otter.png' }] })],
    sdk: async (client) => {
      await client.images.generate({ model: 'dall-e-3', prompt: 'An otter', response_format: 'url', style: 'vivid', size: '1792x1024' });
    },
  },
  {
    id: 'images.generate/streaming',
    responses: [
      sse(
        [
          { type: 'image_generation.partial_image', b64_json: 'iVBO', created_at: 1, size: '1024x1024', quality: 'high', background: 'opaque', output_format: 'png', partial_image_index: 0 },
          {
            type: 'image_generation.completed', b64_json: 'iVBORw0KGgo=', created_at: 2, size: '1024x1024', quality: 'high', background: 'opaque', output_format: 'png',
            usage: { total_tokens: 100, input_tokens: 50, output_tokens: 50, input_tokens_details: { text_tokens: 10, image_tokens: 40 } },
          },
        ],
        { done: false },
      ),
    ],
    sdk: async (client) => {
      const stream = await client.images.generate({ model: 'gpt-image-1', prompt: 'An otter', stream: true, partial_images: 1 });
      await drain(stream);
    },
  },
  {
    id: 'images.edit/several-images',
    responses: [json(imagesResponse)],
    sdk: async (client) => {
      await client.images.edit({
        image: [await png(PNG_A, 'otter.png'), await png(PNG_B, 'hat.png')],
        mask: await png(PNG_MASK, 'mask.png'),
        prompt: 'Put the hat on the otter',
        model: 'gpt-image-1',
        n: 1,
        size: '1024x1536',
        quality: 'medium',
        background: 'auto',
        input_fidelity: 'high',
        output_format: 'jpeg',
        output_compression: 90,
        user: 'user-1234',
      });
    },
  },
  {
    id: 'images.edit/single-image',
    responses: [json({ created: 1713833628, data: [{ url: 'https://example.com/otter.png' }] })],
    sdk: async (client) => {
      await client.images.edit({ image: await png(PNG_A, 'otter.png'), prompt: 'Add a hat', model: 'dall-e-2', response_format: 'url', size: '512x512' });
    },
  },
  {
    id: 'images.edit/streaming',
    responses: [
      sse(
        [
          { type: 'image_edit.partial_image', b64_json: 'iVBO', created_at: 1, size: '1024x1024', quality: 'high', background: 'opaque', output_format: 'png', partial_image_index: 0 },
          {
            type: 'image_edit.completed', b64_json: 'iVBORw0KGgo=', created_at: 2, size: '1024x1024', quality: 'high', background: 'opaque', output_format: 'png',
            usage: { total_tokens: 100, input_tokens: 50, output_tokens: 50, input_tokens_details: { text_tokens: 10, image_tokens: 40 } },
          },
        ],
        { done: false },
      ),
    ],
    sdk: async (client) => {
      const stream = await client.images.edit({
        image: [await png(PNG_A, 'otter.png'), await png(PNG_B, 'hat.png')],
        prompt: 'Put the hat on the otter',
        model: 'gpt-image-1',
        stream: true,
        partial_images: 2,
      });
      await drain(stream);
    },
  },
  {
    id: 'images.create_variation',
    responses: [json({ created: 1713833628, data: [{ url: 'https://example.com/v1.png' }, { url: 'https://example.com/v2.png' }] })],
    sdk: async (client) => {
      await client.images.createVariation({
        image: await png(PNG_A, 'otter.png'),
        model: 'dall-e-2',
        n: 2,
        size: '256x256',
        response_format: 'url',
        user: 'user-1234',
      });
    },
  },
];
