// uploads: create, add a part (multipart), complete, cancel; and the Java upload helper's calls.
import { toFile } from 'openai';
import { json } from './support.mjs';

export const PART = Buffer.from('{"prompt":"a","completion":"b"}\n');

const upload = (id, status = 'pending', extra = {}) => ({
  id,
  object: 'upload',
  bytes: PART.length,
  created_at: 1719184911,
  filename: 'training_examples.jsonl',
  purpose: 'fine-tune',
  status,
  expires_at: 1719127296,
  ...extra,
});

const part = (id) => ({ id, object: 'upload.part', created_at: 1719185911, upload_id: 'upload_abc123' });

export const cases = [
  {
    id: 'uploads.create',
    responses: [json(upload('upload_abc123'))],
    sdk: async (client) => {
      await client.uploads.create({
        bytes: 2147483648,
        filename: 'training_examples.jsonl',
        mime_type: 'text/jsonl',
        purpose: 'fine-tune',
        expires_after: { anchor: 'created_at', seconds: 7200 },
      });
    },
  },
  {
    id: 'uploads.parts.create',
    responses: [json(part('part_def456'))],
    sdk: async (client) => {
      await client.uploads.parts.create('upload_abc123', { data: await toFile(PART, 'part-1.bin', { type: 'application/octet-stream' }) });
    },
  },
  {
    id: 'uploads.complete',
    responses: [json(upload('upload_abc123', 'completed', { file: null }))],
    sdk: async (client) => {
      await client.uploads.complete('upload_abc123', { part_ids: ['part_def456', 'part_ghi789'], md5: 'd41d8cd98f00b204e9800998ecf8427e' });
    },
  },
  {
    id: 'uploads.cancel',
    responses: [json(upload('upload_abc123', 'cancelled'))],
    sdk: async (client) => {
      await client.uploads.cancel('upload_abc123');
    },
  },
  {
    // Java's uploads().upload(Path, purpose, mimeType) for a file of one part. The TypeScript SDK has
    // no such helper; these are the calls of the Python SDK's uploads.upload_file_chunked(file=path,
    // mime_type=, purpose=), which decides: the part is sent as bytes (httpx names it "upload",
    // application/octet-stream) and no md5 unless the caller gives one.
    id: 'uploads.create/upload-helper',
    responses: [json(upload('upload_abc123')), json(part('part_def456')), json(upload('upload_abc123', 'completed'))],
    sdk: async (client) => {
      const created = await client.uploads.create({
        bytes: PART.length,
        filename: 'training_examples.jsonl',
        mime_type: 'text/jsonl',
        purpose: 'fine-tune',
      });
      const added = await client.uploads.parts.create(created.id, { data: await toFile(PART, 'upload', { type: 'application/octet-stream' }) });
      await client.uploads.complete(created.id, { part_ids: [added.id] });
    },
  },
];
