// vector_stores: create (full, and the Java expiresAfterDays shorthand), retrieve, update, list with
// paging, delete, search (the filter union, ranking options, the query union; and the Java query
// helper); files (create, retrieve, update attributes, list with a filter, delete, content); file
// batches (create, retrieve, cancel, list files).
import { drain, json, page } from './support.mjs';

const fileCounts = { in_progress: 0, completed: 2, failed: 0, cancelled: 0, total: 2 };

const vectorStore = (id, extra = {}) => ({
  id,
  object: 'vector_store',
  created_at: 1699061776,
  name: 'Support FAQ',
  description: 'Answers to common questions',
  usage_bytes: 139920,
  file_counts: fileCounts,
  status: 'completed',
  expires_after: { anchor: 'last_active_at', days: 30 },
  expires_at: 1701653776,
  last_active_at: 1699061776,
  metadata: { team: 'support' },
  ...extra,
});

const vectorStoreFile = (id, status = 'completed', extra = {}) => ({
  id,
  object: 'vector_store.file',
  usage_bytes: 1234,
  created_at: 1699061776,
  vector_store_id: 'vs_abc123',
  status,
  last_error: null,
  chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 } },
  attributes: { author: 'ada', year: 2024, public: true },
  ...extra,
});

const fileBatch = (id, status = 'in_progress') => ({
  id,
  object: 'vector_store.files_batch',
  created_at: 1699061776,
  vector_store_id: 'vs_abc123',
  status,
  file_counts: { in_progress: 1, completed: 1, failed: 0, cancelled: 0, total: 2 },
});

const searchResults = (query) =>
  json({
    object: 'vector_store.search_results.page',
    search_query: [query],
    data: [
      {
        file_id: 'file-abc123',
        filename: 'faq.md',
        score: 0.87,
        attributes: { author: 'ada', year: 2024 },
        content: [{ type: 'text', text: 'Returns are accepted within 30 days.' }],
      },
    ],
    has_more: false,
    next_page: null,
  });

const staticChunking = { type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 } };

export const cases = [
  {
    id: 'vector_stores.create',
    responses: [json(vectorStore('vs_abc123'))],
    sdk: async (client) => {
      await client.vectorStores.create({
        name: 'Support FAQ',
        description: 'Answers to common questions',
        file_ids: ['file-abc123', 'file-abc456'],
        expires_after: { anchor: 'last_active_at', days: 7 },
        chunking_strategy: staticChunking,
        metadata: { team: 'support', tier: 'gold' },
      });
    },
  },
  {
    // Java's expiresAfterDays(30): the object with its anchor at its only value.
    id: 'vector_stores.create/expires-after-days',
    responses: [json(vectorStore('vs_abc124'))],
    sdk: async (client) => {
      await client.vectorStores.create({ name: 'Support FAQ', expires_after: { anchor: 'last_active_at', days: 30 }, chunking_strategy: { type: 'auto' } });
    },
  },
  {
    id: 'vector_stores.retrieve',
    responses: [json(vectorStore('vs_abc123'))],
    sdk: async (client) => {
      await client.vectorStores.retrieve('vs_abc123');
    },
  },
  {
    id: 'vector_stores.update',
    responses: [json(vectorStore('vs_abc123', { name: 'Support FAQ v2' }))],
    sdk: async (client) => {
      await client.vectorStores.update('vs_abc123', {
        name: 'Support FAQ v2',
        expires_after: { anchor: 'last_active_at', days: 14 },
        metadata: { team: 'support', reviewed: 'yes' },
      });
    },
  },
  {
    id: 'vector_stores.list/pages',
    responses: [page([vectorStore('vs_1'), vectorStore('vs_2')], true), page([vectorStore('vs_3')], false)],
    sdk: async (client) => {
      await drain(client.vectorStores.list({ limit: 2, order: 'desc', before: 'vs_9' }));
    },
  },
  {
    id: 'vector_stores.delete',
    responses: [json({ id: 'vs_abc123', object: 'vector_store.deleted', deleted: true })],
    sdk: async (client) => {
      await client.vectorStores.delete('vs_abc123');
    },
  },
  {
    // A compound filter over comparison filters of each value type, ranking options, a query list.
    id: 'vector_stores.search/filters',
    responses: [searchResults('return policy')],
    sdk: async (client) => {
      await drain(
        client.vectorStores.search('vs_abc123', {
          query: ['return policy', 'refunds'],
          rewrite_query: true,
          max_num_results: 5,
          filters: {
            type: 'and',
            filters: [
              { type: 'eq', key: 'author', value: 'ada' },
              { type: 'gte', key: 'year', value: 2023 },
              { type: 'eq', key: 'public', value: true },
              { type: 'in', key: 'region', value: ['eu', 'us'] },
            ],
          },
          ranking_options: { ranker: 'auto', score_threshold: 0.5 },
        }),
      );
    },
  },
  {
    id: 'vector_stores.search/comparison-filter',
    responses: [searchResults('return policy')],
    sdk: async (client) => {
      await drain(client.vectorStores.search('vs_abc123', { query: 'return policy', filters: { type: 'lt', key: 'year', value: 2025.5 } }));
    },
  },
  {
    // Java's vectorStores().query(id, text, maxResults): search with query and max_num_results.
    id: 'vector_stores.search/query-helper',
    responses: [searchResults('return policy')],
    sdk: async (client) => {
      await drain(client.vectorStores.search('vs_abc123', { query: 'return policy', max_num_results: 3 }));
    },
  },
  {
    id: 'vector_stores.files.create',
    responses: [json(vectorStoreFile('file-abc123', 'in_progress'))],
    sdk: async (client) => {
      await client.vectorStores.files.create('vs_abc123', {
        file_id: 'file-abc123',
        chunking_strategy: staticChunking,
        attributes: { author: 'ada', year: 2024, public: true },
      });
    },
  },
  {
    id: 'vector_stores.files.retrieve',
    responses: [json(vectorStoreFile('file-abc123'))],
    sdk: async (client) => {
      await client.vectorStores.files.retrieve('file-abc123', { vector_store_id: 'vs_abc123' });
    },
  },
  {
    id: 'vector_stores.files.update',
    responses: [json(vectorStoreFile('file-abc123'))],
    sdk: async (client) => {
      await client.vectorStores.files.update('file-abc123', { vector_store_id: 'vs_abc123', attributes: { author: 'grace', year: 2025.5, public: false } });
    },
  },
  {
    id: 'vector_stores.files.list/filter-pages',
    responses: [page([vectorStoreFile('file-1'), vectorStoreFile('file-2')], true), page([vectorStoreFile('file-3')], false)],
    sdk: async (client) => {
      await drain(client.vectorStores.files.list('vs_abc123', { filter: 'completed', limit: 2, order: 'asc', after: 'file-0' }));
    },
  },
  {
    id: 'vector_stores.files.delete',
    responses: [json({ id: 'file-abc123', object: 'vector_store.file.deleted', deleted: true })],
    sdk: async (client) => {
      await client.vectorStores.files.delete('file-abc123', { vector_store_id: 'vs_abc123' });
    },
  },
  {
    id: 'vector_stores.files.content',
    responses: [
      json({
        object: 'vector_store.file_content.page',
        data: [{ type: 'text', text: 'Returns are accepted within 30 days.' }],
        has_more: false,
        next_page: null,
      }),
    ],
    sdk: async (client) => {
      await drain(client.vectorStores.files.content('file-abc123', { vector_store_id: 'vs_abc123' }));
    },
  },
  {
    // File ids, and files each with its own attributes and chunking strategy.
    id: 'vector_stores.file_batches.create',
    responses: [json(fileBatch('vsfb_abc123'))],
    sdk: async (client) => {
      await client.vectorStores.fileBatches.create('vs_abc123', {
        files: [
          { file_id: 'file-abc123', attributes: { author: 'ada' }, chunking_strategy: staticChunking },
          { file_id: 'file-abc456', chunking_strategy: { type: 'auto' } },
        ],
        attributes: { batch: 'nightly', count: 2 },
      });
    },
  },
  {
    id: 'vector_stores.file_batches.create/file-ids',
    responses: [json(fileBatch('vsfb_abc124'))],
    sdk: async (client) => {
      await client.vectorStores.fileBatches.create('vs_abc123', { file_ids: ['file-abc123', 'file-abc456'], chunking_strategy: { type: 'auto' } });
    },
  },
  {
    id: 'vector_stores.file_batches.retrieve',
    responses: [json(fileBatch('vsfb_abc123', 'completed'))],
    sdk: async (client) => {
      await client.vectorStores.fileBatches.retrieve('vsfb_abc123', { vector_store_id: 'vs_abc123' });
    },
  },
  {
    id: 'vector_stores.file_batches.cancel',
    responses: [json(fileBatch('vsfb_abc123', 'cancelling'))],
    sdk: async (client) => {
      await client.vectorStores.fileBatches.cancel('vsfb_abc123', { vector_store_id: 'vs_abc123' });
    },
  },
  {
    id: 'vector_stores.file_batches.list_files/filter-pages',
    responses: [page([vectorStoreFile('file-1'), vectorStoreFile('file-2')], true), page([vectorStoreFile('file-3')], false)],
    sdk: async (client) => {
      await drain(client.vectorStores.fileBatches.listFiles('vsfb_abc123', { vector_store_id: 'vs_abc123', filter: 'in_progress', limit: 2, order: 'desc' }));
    },
  },
];
