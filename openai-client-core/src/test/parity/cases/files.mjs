// files: upload (multipart), list with paging, retrieve, delete, content; the text and polling helpers.
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toFile } from 'openai';
import { drain, json, binary, page } from './support.mjs';

export const JSONL = '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]}\n';

export const fileObject = (id, status = 'processed', extra = {}) => ({
  id,
  object: 'file',
  bytes: 84,
  created_at: 1741569952,
  expires_at: 1741656352,
  filename: 'train.jsonl',
  purpose: 'fine-tune',
  status,
  ...extra,
});

export const cases = [
  {
    id: 'files.create/multipart',
    responses: [json(fileObject('file-abc123'))],
    sdk: async (client) => {
      await client.files.create({
        file: await toFile(Buffer.from(JSONL), 'train.jsonl', { type: 'application/jsonl' }),
        purpose: 'fine-tune',
        expires_after: { anchor: 'created_at', seconds: 86400 },
      });
    },
  },
  {
    // No content type given: what each side sends for the file part is its own choice.
    id: 'files.create/content-type-from-name',
    responses: [json(fileObject('file-abc124', 'processed', { filename: 'photo.png', purpose: 'vision' }))],
    sdk: async (client) => {
      await client.files.create({ file: await toFile(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'photo.png'), purpose: 'vision' });
    },
  },
  {
    // A file from disk, the SDK's documented way (a read stream): name and type from the file.
    id: 'files.create/path',
    responses: [json(fileObject('file-abc125'))],
    sdk: async (client) => {
      const directory = join(tmpdir(), 'openai-parity');
      mkdirSync(directory, { recursive: true });
      const path = join(directory, 'train.jsonl');
      writeFileSync(path, JSONL);
      await client.files.create({ file: createReadStream(path), purpose: 'fine-tune' });
    },
  },
  {
    // A file name and a field beyond ASCII.
    id: 'files.create/unicode-filename',
    responses: [json(fileObject('file-abc126', 'processed', { filename: 'données été.jsonl' }))],
    sdk: async (client) => {
      await client.files.create({
        file: await toFile(Buffer.from(JSONL), 'données été.jsonl', { type: 'application/jsonl' }),
        purpose: 'user_data',
      });
    },
  },
  {
    id: 'files.list/auto-pager',
    responses: [
      page([fileObject('file-1'), fileObject('file-2')], true),
      page([fileObject('file-3')], false),
    ],
    sdk: async (client) => {
      await drain(client.files.list({ purpose: 'fine-tune', limit: 2, order: 'desc' }));
    },
  },
  {
    // A page without has_more. The SDKs differ and the Python SDK decides: its CursorPage goes on when
    // has_more is absent (only has_more == False stops it), where TypeScript 7.60 stops
    // (`body.has_more || false`). This side asks for the next page as Python's auto-pager would.
    id: 'files.list/has-more-absent',
    responses: [
      json({ object: 'list', data: [fileObject('file-1'), fileObject('file-2')] }),
      page([fileObject('file-3')], false),
    ],
    sdk: async (client) => {
      const first = await client.files.list({ limit: 2 });
      await first.getNextPage();
    },
  },
  {
    id: 'files.retrieve',
    responses: [json(fileObject('file-abc123'))],
    sdk: async (client) => {
      await client.files.retrieve('file-abc123');
    },
  },
  {
    // The polling helper: retrieve until the file is processed.
    id: 'files.retrieve/wait-for-processing',
    responses: [json(fileObject('file-abc123', 'uploaded')), json(fileObject('file-abc123', 'processed'))],
    sdk: async (client) => {
      await client.files.waitForProcessing('file-abc123', { pollInterval: 10, maxWait: 10000 });
    },
  },
  {
    id: 'files.delete',
    responses: [json({ id: 'file-abc123', object: 'file', deleted: true })],
    sdk: async (client) => {
      await client.files.delete('file-abc123');
    },
  },
  {
    id: 'files.content/binary',
    responses: [binary(Buffer.from(JSONL), 'application/octet-stream')],
    sdk: async (client) => {
      const response = await client.files.content('file-abc123');
      await response.arrayBuffer();
    },
  },
  {
    // The text helper (Java: files().retrieveContent): the same request as content.
    id: 'files.content/text',
    responses: [binary(Buffer.from(JSONL), 'application/octet-stream')],
    sdk: async (client) => {
      const response = await client.files.content('file-abc123');
      await response.text();
    },
  },
];
