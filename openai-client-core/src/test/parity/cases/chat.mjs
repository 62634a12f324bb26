// chat: chat.completions create (plain and streamed), the stored completions (list, retrieve,
// update, delete) and their messages.
import { drain, json, page, sse } from './support.mjs';

const completion = (message, finish = 'stop') => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1741569952,
  model: 'gpt-4o-2024-08-06',
  system_fingerprint: 'fp_1',
  service_tier: 'default',
  choices: [{ index: 0, message: { role: 'assistant', refusal: null, annotations: [], ...message }, logprobs: null, finish_reason: finish }],
  usage: { prompt_tokens: 19, completion_tokens: 10, total_tokens: 29 },
});

const answer = completion({ content: 'Hello there.' });

const chunk = (delta, finish = null, extra = {}) => ({
  id: 'chatcmpl-2',
  object: 'chat.completion.chunk',
  created: 1741569952,
  model: 'gpt-4o-2024-08-06',
  system_fingerprint: 'fp_1',
  choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  ...extra,
});

const stored = (id) => ({ ...answer, id, metadata: { project: 'parity' } });

const storedMessage = (id) => ({ id, role: 'user', content: 'Hi', name: null, content_parts: null });

const weatherSchema = {
  type: 'object',
  properties: {
    location: { type: 'string', description: 'The city' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
  },
  required: ['location', 'unit'],
  additionalProperties: false,
};

export const cases = [
  {
    id: 'chat.completions.create/messages',
    responses: [json(answer)],
    sdk: async (client) => {
      await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [
          { role: 'developer', content: [{ type: 'text', text: 'Answer briefly.' }], name: 'dev' },
          { role: 'system', content: 'You are a helpful assistant.' },
          {
            role: 'user',
            name: 'ada',
            content: [
              { type: 'text', text: 'What is in these?' },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
              { type: 'input_audio', input_audio: { data: 'UklGRiQ=', format: 'wav' } },
              { type: 'file', file: { file_id: 'file-abc123' } },
              { type: 'file', file: { filename: 'notes.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } },
            ],
          },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: '{"temperature":21}' }] },
          { role: 'assistant', content: [{ type: 'text', text: 'It is 21 degrees.' }], refusal: null },
          { role: 'user', content: 'Thanks' },
        ],
        temperature: 0.2,
        top_p: 1,
        n: 1,
        seed: 7,
        stop: 'END',
        max_completion_tokens: 300,
        logprobs: true,
        top_logprobs: 2,
        metadata: { project: 'parity', run: '1' },
        store: true,
        user: 'user-1234',
        reasoning_effort: 'low',
        service_tier: 'auto',
        verbosity: 'low',
        prompt_cache_key: 'cache-1',
        safety_identifier: 'sid-1',
        logit_bias: { 1734: -100 },
        web_search_options: {
          search_context_size: 'low',
          user_location: { type: 'approximate', approximate: { city: 'Paris', country: 'FR' } },
        },
      });
    },
  },
  {
    id: 'chat.completions.create/tools',
    responses: [
      json(
        completion(
          {
            content: null,
            tool_calls: [{ id: 'call_abc', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris","unit":"celsius"}' } }],
          },
          'tool_calls',
        ),
      ),
    ],
    sdk: async (client) => {
      await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
        tools: [
          { type: 'function', function: { name: 'get_weather', description: 'Get the current weather', parameters: weatherSchema, strict: true } },
          { type: 'function', function: { name: 'get_time' } },
          { type: 'custom', custom: { name: 'sql', description: 'Run SQL', format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'start: "SELECT"' } } } },
        ],
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
        parallel_tool_calls: false,
      });
    },
  },
  {
    id: 'chat.completions.create/tool-choice-allowed-tools',
    responses: [json(answer)],
    sdk: async (client) => {
      await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [{ type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } }],
        tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [{ type: 'function', function: { name: 'get_time' } }] } },
      });
    },
  },
  {
    id: 'chat.completions.create/response-format-json-schema',
    responses: [json(completion({ content: '{"answer":42}' }))],
    sdk: async (client) => {
      await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Answer' }],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'answer',
            description: 'The answer',
            strict: true,
            schema: { type: 'object', properties: { answer: { type: 'integer' } }, required: ['answer'], additionalProperties: false },
          },
        },
      });
    },
  },
  {
    id: 'chat.completions.create/response-format-json-object',
    responses: [json(completion({ content: '{}' }))],
    sdk: async (client) => {
      await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Answer in JSON' }],
        response_format: { type: 'json_object' },
        frequency_penalty: 0,
        presence_penalty: 0.5,
      });
    },
  },
  {
    id: 'chat.completions.create/audio-output',
    responses: [
      json(completion({ content: null, audio: { id: 'audio_1', expires_at: 1729018505, data: 'UklGRg==', transcript: 'Yes.' } })),
    ],
    sdk: async (client) => {
      await client.chat.completions.create({
        model: 'gpt-4o-audio-preview',
        modalities: ['text', 'audio'],
        audio: { voice: 'alloy', format: 'wav' },
        messages: [{ role: 'user', content: 'Is it?' }],
        prediction: { type: 'content', content: [{ type: 'text', text: 'Yes' }] },
      });
    },
  },
  {
    id: 'chat.completions.create/streaming',
    responses: [
      sse([
        chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '{"location":"Paris",' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: '"unit":"celsius"}' } }] }),
        chunk({}, 'tool_calls'),
        { ...chunk({}), choices: [], usage: { prompt_tokens: 20, completion_tokens: 9, total_tokens: 29 } },
      ]),
    ],
    sdk: async (client) => {
      const stream = await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [
          { role: 'system', content: 'Use the tools.' },
          { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
        ],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherSchema, strict: true } }],
        tool_choice: 'required',
        stream: true,
        stream_options: { include_usage: true },
      });
      await drain(stream);
    },
  },
  {
    id: 'chat.completions.create/streaming-response-format',
    responses: [
      sse([
        chunk({ role: 'assistant', content: '' }),
        chunk({ content: '{"answer":' }),
        chunk({ content: '42}' }),
        chunk({}, 'stop'),
      ]),
    ],
    sdk: async (client) => {
      const stream = await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Answer' }],
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'answer', strict: true, schema: { type: 'object', properties: { answer: { type: 'integer' } }, required: ['answer'], additionalProperties: false } },
        },
        stream: true,
      });
      await drain(stream);
    },
  },
  {
    // Per-call options: extra headers, query parameters and body fields, and an idempotency key
    // (which neither SDK sends for OpenAI: its client sets no idempotency header).
    id: 'chat.completions.create/request-options',
    responses: [json(answer)],
    sdk: async (client) => {
      await client.chat.completions.create(
        { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], extra_field: 'extra', other_extra: { nested: [1, 2] } },
        { headers: { 'X-Custom-Header': 'custom' }, query: { trace: 'on' }, idempotencyKey: 'idem-123', timeout: 20000 },
      );
    },
  },
  {
    // The raw-response view sends the same request.
    id: 'chat.completions.create/raw-response',
    responses: [json(answer)],
    sdk: async (client) => {
      const { data, response } = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] }).withResponse();
      void data;
      void response.headers.get('x-request-id');
    },
  },
  {
    // The streamed call through the view that returns the response before its body.
    id: 'chat.completions.create/streaming-raw-view',
    responses: [sse([chunk({ role: 'assistant', content: 'Hi' }), chunk({}, 'stop')])],
    sdk: async (client) => {
      const response = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], stream: true }).asResponse();
      await response.text();
    },
  },
  {
    id: 'chat.completions.list/pages',
    responses: [page([stored('chatcmpl-a'), stored('chatcmpl-b')], true), page([stored('chatcmpl-c')], false)],
    sdk: async (client) => {
      await drain(client.chat.completions.list({ model: 'gpt-4o', metadata: { project: 'parity' }, order: 'asc', limit: 2 }));
    },
  },
  {
    // Query values with characters that must be escaped.
    id: 'chat.completions.list/escaped-query',
    responses: [page([stored('chatcmpl-a')], false)],
    sdk: async (client) => {
      await drain(client.chat.completions.list({ metadata: { team: 'a b+c&d=é/?' }, after: 'chatcmpl a+b' }));
    },
  },
  {
    id: 'chat.completions.retrieve',
    responses: [json(stored('chatcmpl-abc123'))],
    sdk: async (client) => {
      await client.chat.completions.retrieve('chatcmpl-abc123');
    },
  },
  {
    id: 'chat.completions.update',
    responses: [json(stored('chatcmpl-abc123'))],
    sdk: async (client) => {
      await client.chat.completions.update('chatcmpl-abc123', { metadata: { project: 'parity', reviewed: 'yes' } });
    },
  },
  {
    id: 'chat.completions.delete',
    responses: [json({ object: 'chat.completion.deleted', id: 'chatcmpl-abc123', deleted: true })],
    sdk: async (client) => {
      await client.chat.completions.delete('chatcmpl-abc123');
    },
  },
  {
    id: 'chat.completions.messages.list/pages',
    responses: [page([storedMessage('msg-1'), storedMessage('msg-2')], true), page([storedMessage('msg-3')], false)],
    sdk: async (client) => {
      await drain(client.chat.completions.messages.list('chatcmpl-abc123', { limit: 2, order: 'desc' }));
    },
  },
];
