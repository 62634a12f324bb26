// conversations: create (with items and metadata), retrieve, update, delete; items (create with
// include[], list paged by last_id, retrieve with include[], delete).
import { drain, json } from './support.mjs';

const conversation = (id, metadata = { topic: 'demo' }) => ({ id, object: 'conversation', created_at: 1741900000, metadata });

const messageItem = (id, role = 'user', text = 'Hello!') => ({
  type: 'message',
  id,
  status: 'completed',
  role,
  content: [{ type: role === 'user' ? 'input_text' : 'output_text', text, ...(role === 'user' ? {} : { annotations: [], logprobs: [] }) }],
});

const itemList = (data, hasMore, lastId) =>
  json({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: lastId, has_more: hasMore });

export const cases = [
  {
    // Messages give their type: without it this client sends type "message" anyway (allow-listed
    // for the responses cases).
    id: 'conversations.create',
    responses: [json(conversation('conv_abc123'))],
    sdk: async (client) => {
      await client.conversations.create({
        items: [
          { type: 'message', role: 'user', content: 'Hello!' },
          { type: 'message', role: 'assistant', content: 'Hi, how can I help?' },
          { type: 'item_reference', id: 'msg_prev123' },
        ],
        metadata: { topic: 'demo', owner: 'parity' },
      });
    },
  },
  {
    id: 'conversations.create/empty',
    responses: [json(conversation('conv_abc124', {}))],
    sdk: async (client) => {
      await client.conversations.create();
    },
  },
  {
    id: 'conversations.retrieve',
    responses: [json(conversation('conv_abc123'))],
    sdk: async (client) => {
      await client.conversations.retrieve('conv_abc123');
    },
  },
  {
    id: 'conversations.update',
    responses: [json(conversation('conv_abc123', { topic: 'project-x' }))],
    sdk: async (client) => {
      await client.conversations.update('conv_abc123', { metadata: { topic: 'project-x' } });
    },
  },
  {
    id: 'conversations.delete',
    responses: [json({ id: 'conv_abc123', object: 'conversation.deleted', deleted: true })],
    sdk: async (client) => {
      await client.conversations.delete('conv_abc123');
    },
  },
  {
    // include[] on the query, the items in the body.
    id: 'conversations.items.create',
    responses: [itemList([messageItem('msg_abc123'), messageItem('msg_abc124', 'user', 'And you?')], false, 'msg_abc124')],
    sdk: async (client) => {
      await client.conversations.items.create('conv_abc123', {
        include: ['message.input_image.image_url'],
        items: [
          { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello!' }, { type: 'input_image', image_url: 'https://example.com/cat.png', detail: 'auto' }] },
          { type: 'message', role: 'user', content: 'And you?' },
          { type: 'function_call_output', call_id: 'call_abc123', output: '{"ok":true}' },
        ],
      });
    },
  },
  {
    // The next page starts after the page's last_id (ConversationCursorPage), here not the last
    // item's id.
    id: 'conversations.items.list/pages-by-last-id',
    responses: [
      itemList([messageItem('msg_1'), messageItem('msg_2', 'assistant', 'Hi')], true, 'msg_cursor_2'),
      itemList([messageItem('msg_3')], false, 'msg_3'),
    ],
    sdk: async (client) => {
      await drain(client.conversations.items.list('conv_abc123', { limit: 2, order: 'asc', include: ['message.output_text.logprobs'] }));
    },
  },
  {
    id: 'conversations.items.retrieve',
    responses: [json(messageItem('msg_abc123'))],
    sdk: async (client) => {
      await client.conversations.items.retrieve('msg_abc123', { conversation_id: 'conv_abc123', include: ['message.input_image.image_url'] });
    },
  },
  {
    id: 'conversations.items.delete',
    responses: [json(conversation('conv_abc123'))],
    sdk: async (client) => {
      await client.conversations.items.delete('msg_abc123', { conversation_id: 'conv_abc123' });
    },
  },
];
