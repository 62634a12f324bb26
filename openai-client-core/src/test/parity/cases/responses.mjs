// responses: create (input as a string and as an item list, tools, text.format json_schema,
// reasoning, include, metadata; a conversation) plain and streamed; retrieve plain and streamed from
// a sequence number (starting_after); delete; cancel; compact; input items with paging; input tokens.
import { drain, json, page, sse } from './support.mjs';

const outputMessage = (text) => ({
  type: 'message',
  id: 'msg_abc123',
  status: 'completed',
  role: 'assistant',
  content: [{ type: 'output_text', text, annotations: [], logprobs: [] }],
});

const usage = {
  input_tokens: 36,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: 87,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: 123,
};

export const response = (id, status = 'completed', extra = {}) => ({
  id,
  object: 'response',
  created_at: 1741476542,
  status,
  background: false,
  error: null,
  incomplete_details: null,
  instructions: null,
  max_output_tokens: null,
  model: 'gpt-4.1-2025-04-14',
  output: status === 'completed' ? [outputMessage('In a peaceful grove beneath a silver moon...')] : [],
  parallel_tool_calls: true,
  previous_response_id: null,
  reasoning: { effort: null, summary: null },
  store: true,
  temperature: 1.0,
  text: { format: { type: 'text' } },
  tool_choice: 'auto',
  tools: [],
  top_p: 1.0,
  truncation: 'disabled',
  usage: status === 'completed' ? usage : null,
  user: null,
  metadata: {},
  ...extra,
});

const storySchema = {
  type: 'object',
  properties: { title: { type: 'string' }, story: { type: 'string' } },
  required: ['title', 'story'],
  additionalProperties: false,
};

const weatherTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Get the current weather',
  parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'], additionalProperties: false },
  strict: true,
};

// The Responses API's stream: named events, each with its type and sequence number, no [DONE].
const responseStream = (id, from = 0) => {
  const events = [
    { type: 'response.created', response: response(id, 'in_progress') },
    { type: 'response.in_progress', response: response(id, 'in_progress') },
    { type: 'response.output_item.added', output_index: 0, item: { ...outputMessage(''), status: 'in_progress', content: [] } },
    { type: 'response.content_part.added', item_id: 'msg_abc123', output_index: 0, content_index: 0, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } },
    { type: 'response.output_text.delta', item_id: 'msg_abc123', output_index: 0, content_index: 0, delta: 'Hi', logprobs: [] },
    { type: 'response.output_text.done', item_id: 'msg_abc123', output_index: 0, content_index: 0, text: 'Hi', logprobs: [] },
    { type: 'response.content_part.done', item_id: 'msg_abc123', output_index: 0, content_index: 0, part: { type: 'output_text', text: 'Hi', annotations: [], logprobs: [] } },
    { type: 'response.output_item.done', output_index: 0, item: outputMessage('Hi') },
    { type: 'response.completed', response: response(id, 'completed', { output: [outputMessage('Hi')] }) },
  ];
  return sse(
    events.map((data, index) => ({ event: data.type, data: { ...data, sequence_number: index } })).slice(from),
    { done: false },
  );
};

const inputMessage = (id) => ({ type: 'message', id, status: 'completed', role: 'user', content: [{ type: 'input_text', text: 'Tell me a story' }] });

export const cases = [
  {
    // A string input, with json_schema output, reasoning, include, tools and metadata.
    id: 'responses.create/string-input',
    responses: [json(response('resp_abc123'))],
    sdk: async (client) => {
      await client.responses.create({
        model: 'gpt-4.1',
        input: 'Tell me a three sentence bedtime story about a unicorn.',
        instructions: 'You are a storyteller.',
        include: ['reasoning.encrypted_content', 'message.output_text.logprobs'],
        reasoning: { effort: 'low', summary: 'auto' },
        text: { format: { type: 'json_schema', name: 'story', description: 'A story', schema: storySchema, strict: true }, verbosity: 'medium' },
        tools: [
          weatherTool,
          {
            type: 'file_search',
            vector_store_ids: ['vs_abc123'],
            max_num_results: 4,
            filters: { type: 'eq', key: 'author', value: 'ada' },
            ranking_options: { ranker: 'auto', score_threshold: 0.2 },
          },
          { type: 'web_search', search_context_size: 'low', filters: { allowed_domains: ['example.com'] }, user_location: { type: 'approximate', city: 'Paris', country: 'FR' } },
        ],
        tool_choice: { type: 'function', name: 'get_weather' },
        parallel_tool_calls: false,
        metadata: { project: 'parity', run: '1' },
        store: true,
        temperature: 0.7,
        top_p: 0.9,
        max_output_tokens: 500,
        max_tool_calls: 3,
        top_logprobs: 2,
        truncation: 'auto',
        service_tier: 'auto',
        previous_response_id: 'resp_prev123',
        prompt_cache_key: 'cache-1',
        safety_identifier: 'sid-1',
        background: false,
      });
    },
  },
  {
    // An item list: messages with string and part content (text, image, file), an assistant turn, a
    // function call and its output, an item reference; in a conversation.
    id: 'responses.create/input-items',
    responses: [json(response('resp_abc124', 'completed', { conversation: { id: 'conv_abc123' } }))],
    sdk: async (client) => {
      await client.responses.create({
        model: 'gpt-4.1',
        input: [
          { role: 'developer', content: 'Answer briefly.' },
          {
            role: 'user',
            content: [
              { type: 'input_text', text: 'What is in this image and this file?' },
              { type: 'input_image', image_url: 'https://example.com/cat.png', detail: 'low' },
              { type: 'input_file', file_id: 'file-abc123' },
            ],
          },
          { role: 'assistant', content: 'Let me check the weather first.' },
          { type: 'function_call', call_id: 'call_abc123', name: 'get_weather', arguments: '{"location":"Paris"}' },
          { type: 'function_call_output', call_id: 'call_abc123', output: '{"temperature":21}' },
          { type: 'item_reference', id: 'msg_prev123' },
        ],
        tools: [weatherTool],
        tool_choice: 'auto',
        conversation: { id: 'conv_abc123' },
      });
    },
  },
  {
    id: 'responses.create/streaming',
    responses: [responseStream('resp_abc125')],
    sdk: async (client) => {
      const stream = await client.responses.create({
        model: 'gpt-4.1',
        input: [{ role: 'user', content: [{ type: 'input_text', text: 'Say hi' }] }],
        text: { format: { type: 'json_schema', name: 'story', schema: storySchema, strict: true } },
        reasoning: { effort: 'minimal' },
        stream: true,
        stream_options: { include_obfuscation: false },
      });
      await drain(stream);
    },
  },
  {
    id: 'responses.retrieve',
    responses: [json(response('resp_abc123'))],
    sdk: async (client) => {
      await client.responses.retrieve('resp_abc123', { include: ['message.input_image.image_url'] });
    },
  },
  {
    // Java's retrieveStreaming(id, startingAfter): the stream again from after an event.
    id: 'responses.retrieve/streaming',
    responses: [responseStream('resp_abc125', 4)],
    sdk: async (client) => {
      const stream = await client.responses.retrieve('resp_abc125', { stream: true, starting_after: 3 });
      await drain(stream);
    },
  },
  {
    id: 'responses.delete',
    responses: [{ status: 200, headers: {}, body: '' }],
    sdk: async (client) => {
      await client.responses.delete('resp_abc123');
    },
  },
  {
    id: 'responses.cancel',
    responses: [json(response('resp_abc123', 'cancelled', { background: true }))],
    sdk: async (client) => {
      await client.responses.cancel('resp_abc123');
    },
  },
  {
    id: 'responses.compact',
    responses: [
      json({
        id: 'resp_cmp123',
        object: 'response.compaction',
        created_at: 1741476542,
        output: [inputMessage('msg_in1'), { type: 'compaction', id: 'cmp_abc123', encrypted_content: 'gAAAAB' }, outputMessage('Summary.')],
        usage,
      }),
    ],
    sdk: async (client) => {
      await client.responses.compact({
        model: 'gpt-4.1',
        input: [{ role: 'user', content: 'Tell me a story' }, { role: 'assistant', content: 'Once upon a time...' }],
        instructions: 'Keep the plot.',
        prompt_cache_key: 'cache-1',
      });
    },
  },
  {
    id: 'responses.compact/previous-response',
    responses: [json({ id: 'resp_cmp124', object: 'response.compaction', created_at: 1741476542, output: [outputMessage('Summary.')], usage })],
    sdk: async (client) => {
      await client.responses.compact({ model: 'gpt-4.1', previous_response_id: 'resp_abc123' });
    },
  },
  {
    id: 'responses.input_items.list/pages',
    responses: [page([inputMessage('msg_1'), inputMessage('msg_2')], true), page([inputMessage('msg_3')], false)],
    sdk: async (client) => {
      await drain(client.responses.inputItems.list('resp_abc123', { limit: 2, order: 'asc', include: ['message.input_image.image_url'] }));
    },
  },
  {
    id: 'responses.input_tokens.count',
    responses: [json({ object: 'response.input_tokens', input_tokens: 123 })],
    sdk: async (client) => {
      await client.responses.inputTokens.count({
        model: 'gpt-4.1',
        input: [{ role: 'user', content: 'Tell me a story' }],
        instructions: 'You are a storyteller.',
        tools: [weatherTool],
        text: { format: { type: 'json_object' } },
        reasoning: { effort: 'high' },
        truncation: 'auto',
        parallel_tool_calls: true,
      });
    },
  },
  {
    id: 'responses.input_tokens.count/string-input',
    responses: [json({ object: 'response.input_tokens', input_tokens: 7 })],
    sdk: async (client) => {
      await client.responses.inputTokens.count({ model: 'gpt-4.1', input: 'Hello', conversation: 'conv_abc123' });
    },
  },
];
