// models: list, retrieve, delete.
import { json } from './support.mjs';

const model = (id) => ({ id, object: 'model', created: 1686935002, owned_by: 'openai' });

export const cases = [
  {
    id: 'models.list',
    responses: [json({ object: 'list', data: [model('gpt-4o'), model('gpt-4o-mini')] })],
    sdk: async (client) => {
      for await (const item of client.models.list()) {
        void item;
      }
    },
  },
  {
    id: 'models.retrieve',
    responses: [json(model('gpt-4o'))],
    sdk: async (client) => {
      await client.models.retrieve('gpt-4o');
    },
  },
  {
    // An id with characters a path segment must escape.
    id: 'models.retrieve/escaped-id',
    responses: [json(model('my model/v1?x#y'))],
    sdk: async (client) => {
      await client.models.retrieve('my model/v1?x#y');
    },
  },
  {
    // A fine-tuned model's id has colons: how each side writes it in the path.
    id: 'models.delete/fine-tuned-id',
    responses: [json({ id: 'ft:gpt-4o-mini:acme:suffix:abc123', object: 'model', deleted: true })],
    sdk: async (client) => {
      await client.models.delete('ft:gpt-4o-mini:acme:suffix:abc123');
    },
  },
];
