// moderations: POST /moderations with each form of input.
import { json } from './support.mjs';

const categories = {
  sexual: false, 'sexual/minors': false, harassment: false, 'harassment/threatening': false, hate: false,
  'hate/threatening': false, illicit: false, 'illicit/violent': false, 'self-harm': false,
  'self-harm/intent': false, 'self-harm/instructions': false, violence: false, 'violence/graphic': false,
};
const scores = Object.fromEntries(Object.keys(categories).map((key) => [key, 0.001]));
const applied = Object.fromEntries(Object.keys(categories).map((key) => [key, ['text']]));
const result = { flagged: false, categories, category_scores: scores, category_applied_input_types: applied };
const response = (n) => ({ id: 'modr-1', model: 'omni-moderation-latest', results: Array(n).fill(result) });

export const cases = [
  {
    id: 'moderations.create/string',
    responses: [json(response(1))],
    sdk: async (client) => {
      await client.moderations.create({ input: 'I want to hug everyone.' });
    },
  },
  {
    id: 'moderations.create/strings',
    responses: [json(response(2))],
    sdk: async (client) => {
      await client.moderations.create({ input: ['first text', 'second text'], model: 'text-moderation-latest' });
    },
  },
  {
    id: 'moderations.create/multimodal',
    responses: [json(response(1))],
    sdk: async (client) => {
      await client.moderations.create({
        model: 'omni-moderation-latest',
        input: [
          { type: 'text', text: 'Is this fine?' },
          { type: 'image_url', image_url: { url: 'https://example.com/image.png' } },
        ],
      });
    },
  },
];
