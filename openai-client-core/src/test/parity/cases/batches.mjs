// batches: create, retrieve, cancel, list with paging; and the Java BatchRequests helper's two calls.
import { toFile } from 'openai';
import { drain, json, page } from './support.mjs';
import { fileObject } from './files.mjs';

const batch = (id, status = 'validating') => ({
  id,
  object: 'batch',
  endpoint: '/v1/chat/completions',
  errors: null,
  input_file_id: 'file-in123',
  completion_window: '24h',
  status,
  output_file_id: null,
  error_file_id: null,
  created_at: 1711471533,
  request_counts: { total: 0, completed: 0, failed: 0 },
  metadata: { job: 'nightly' },
});

export const cases = [
  {
    id: 'batches.create',
    responses: [json(batch('batch_abc123'))],
    sdk: async (client) => {
      await client.batches.create({
        input_file_id: 'file-in123',
        endpoint: '/v1/chat/completions',
        completion_window: '24h',
        metadata: { job: 'nightly' },
        output_expires_after: { anchor: 'created_at', seconds: 604800 },
      });
    },
  },
  {
    id: 'batches.retrieve',
    responses: [json(batch('batch_abc123', 'in_progress'))],
    sdk: async (client) => {
      await client.batches.retrieve('batch_abc123');
    },
  },
  {
    id: 'batches.cancel',
    responses: [json(batch('batch_abc123', 'cancelling'))],
    sdk: async (client) => {
      await client.batches.cancel('batch_abc123');
    },
  },
  {
    id: 'batches.list/auto-pager',
    responses: [page([batch('batch_1'), batch('batch_2')], true), page([batch('batch_3')], false)],
    sdk: async (client) => {
      await drain(client.batches.list({ limit: 2 }));
    },
  },
  {
    // Java's BatchRequests.submit: the requests as a JSONL file (purpose batch), then the batch.
    // Neither official SDK has this helper; these are the two calls it stands for.
    id: 'batches.create/batch-requests-helper',
    responses: [json(fileObject('file-in123', 'processed', { filename: 'batch-requests.jsonl', purpose: 'batch' })), json(batch('batch_abc123'))],
    sdk: async (client) => {
      const bodies = [
        { messages: [{ role: 'user', content: 'Hello' }], model: 'gpt-4o-mini' },
        { messages: [{ role: 'user', content: 'Bonjour' }], model: 'gpt-4o-mini' },
      ];
      const jsonl = bodies
        .map((body, index) => JSON.stringify({ custom_id: `request-${index + 1}`, method: 'POST', url: '/v1/chat/completions', body }) + '\n')
        .join('');
      const file = await client.files.create({ file: await toFile(Buffer.from(jsonl), 'batch-requests.jsonl'), purpose: 'batch' });
      await client.batches.create({ input_file_id: file.id, endpoint: '/v1/chat/completions', completion_window: '24h' });
    },
  },
];
