// beta: assistants (create, retrieve, update, list with paging, delete), threads (create with messages
// and tool resources, retrieve, update, delete, create-and-run plain and streamed), thread messages
// (create, retrieve, update, list, delete), runs (create plain and streamed, list, retrieve, update,
// cancel, submit tool outputs plain and streamed) and run steps (list, retrieve with include[]).
import { drain, json, page, sse } from './support.mjs';

const FILE_SEARCH_CONTENT = 'step_details.tool_calls[*].file_search.results[*].content';

const weatherFunction = {
  name: 'get_weather',
  description: 'Get the current weather',
  parameters: {
    type: 'object',
    properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['location'],
  },
  strict: false,
};

const assistant = (id, extra = {}) => ({
  id,
  object: 'assistant',
  created_at: 1698984975,
  name: 'Math Tutor',
  description: 'Helps with maths',
  model: 'gpt-4o',
  instructions: 'You are a personal math tutor.',
  tools: [{ type: 'code_interpreter' }],
  tool_resources: { code_interpreter: { file_ids: ['file-abc123'] } },
  metadata: { team: 'parity' },
  top_p: 1.0,
  temperature: 1.0,
  response_format: 'auto',
  ...extra,
});

const thread = (id, extra = {}) => ({
  id,
  object: 'thread',
  created_at: 1699012949,
  metadata: { team: 'parity' },
  tool_resources: { code_interpreter: { file_ids: [] } },
  ...extra,
});

const message = (id, role = 'user', text = 'How does AI work?') => ({
  id,
  object: 'thread.message',
  created_at: 1699017614,
  assistant_id: null,
  thread_id: 'thread_abc123',
  run_id: null,
  role,
  content: [{ type: 'text', text: { value: text, annotations: [] } }],
  attachments: [],
  metadata: { team: 'parity' },
  status: 'completed',
  incomplete_details: null,
  completed_at: 1699017614,
  incomplete_at: null,
});

const run = (id, status = 'queued', extra = {}) => ({
  id,
  object: 'thread.run',
  created_at: 1699063290,
  assistant_id: 'asst_abc123',
  thread_id: 'thread_abc123',
  status,
  started_at: null,
  expires_at: 1699063890,
  cancelled_at: null,
  failed_at: null,
  completed_at: null,
  required_action: null,
  last_error: null,
  model: 'gpt-4o',
  instructions: 'You are a personal math tutor.',
  tools: [{ type: 'code_interpreter' }],
  metadata: { team: 'parity' },
  incomplete_details: null,
  usage: null,
  temperature: 1.0,
  top_p: 1.0,
  max_prompt_tokens: 1000,
  max_completion_tokens: 1000,
  truncation_strategy: { type: 'auto', last_messages: null },
  response_format: 'auto',
  tool_choice: 'auto',
  parallel_tool_calls: true,
  ...extra,
});

const requiresAction = run('run_abc123', 'requires_action', {
  required_action: {
    type: 'submit_tool_outputs',
    submit_tool_outputs: {
      tool_calls: [{ id: 'call_abc123', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Paris"}' } }],
    },
  },
});

const step = (id) => ({
  id,
  object: 'thread.run.step',
  created_at: 1699063291,
  run_id: 'run_abc123',
  assistant_id: 'asst_abc123',
  thread_id: 'thread_abc123',
  type: 'message_creation',
  status: 'completed',
  cancelled_at: null,
  completed_at: 1699063291,
  expired_at: null,
  failed_at: null,
  last_error: null,
  step_details: { type: 'message_creation', message_creation: { message_id: 'msg_abc123' } },
  usage: { prompt_tokens: 123, completion_tokens: 456, total_tokens: 579 },
  metadata: null,
});

// The Assistants API's stream: named events, ended by `event: done` / `data: [DONE]`.
const runStream = (runId) =>
  sse(
    [
      { event: 'thread.run.created', data: run(runId) },
      { event: 'thread.run.in_progress', data: run(runId, 'in_progress') },
      { event: 'thread.message.created', data: { ...message('msg_def456', 'assistant', ''), status: 'in_progress', completed_at: null } },
      { event: 'thread.message.delta', data: { id: 'msg_def456', object: 'thread.message.delta', delta: { content: [{ index: 0, type: 'text', text: { value: 'Hello', annotations: [] } }] } } },
      { event: 'thread.message.completed', data: message('msg_def456', 'assistant', 'Hello') },
      { event: 'thread.run.completed', data: run(runId, 'completed', { completed_at: 1699063299 }) },
      { event: 'done', data: '[DONE]', raw: true },
    ],
    { done: false },
  );

const codeAndFileSearchResources = {
  code_interpreter: { file_ids: ['file-abc123'] },
  file_search: { vector_store_ids: ['vs_abc123'] },
};

export const cases = [
  {
    id: 'beta.assistants.create',
    responses: [json(assistant('asst_abc123'))],
    sdk: async (client) => {
      await client.beta.assistants.create({
        model: 'gpt-4o',
        name: 'Math Tutor',
        description: 'Helps with maths',
        instructions: 'You are a personal math tutor.',
        reasoning_effort: 'low',
        tools: [
          { type: 'code_interpreter' },
          { type: 'file_search', file_search: { max_num_results: 5, ranking_options: { ranker: 'auto', score_threshold: 0.3 } } },
          { type: 'function', function: weatherFunction },
        ],
        tool_resources: {
          code_interpreter: { file_ids: ['file-abc123'] },
          file_search: {
            vector_stores: [
              {
                file_ids: ['file-abc456'],
                chunking_strategy: { type: 'static', static: { max_chunk_size_tokens: 800, chunk_overlap_tokens: 400 } },
                metadata: { source: 'faq' },
              },
            ],
          },
        },
        metadata: { team: 'parity' },
        temperature: 0.5,
        top_p: 0.9,
        response_format: { type: 'json_schema', json_schema: { name: 'answer', strict: true, schema: { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false } } },
      });
    },
  },
  {
    id: 'beta.assistants.retrieve',
    responses: [json(assistant('asst_abc123'))],
    sdk: async (client) => {
      await client.beta.assistants.retrieve('asst_abc123');
    },
  },
  {
    id: 'beta.assistants.update',
    responses: [json(assistant('asst_abc123', { name: 'Maths Tutor' }))],
    sdk: async (client) => {
      await client.beta.assistants.update('asst_abc123', {
        name: 'Maths Tutor',
        model: 'gpt-4o-mini',
        tools: [{ type: 'file_search' }],
        tool_resources: { file_search: { vector_store_ids: ['vs_abc123'] } },
        response_format: 'auto',
        metadata: { team: 'parity', reviewed: 'yes' },
      });
    },
  },
  {
    id: 'beta.assistants.list/pages',
    responses: [page([assistant('asst_1'), assistant('asst_2')], true), page([assistant('asst_3')], false)],
    sdk: async (client) => {
      await drain(client.beta.assistants.list({ limit: 2, order: 'asc' }));
    },
  },
  {
    id: 'beta.assistants.delete',
    responses: [json({ id: 'asst_abc123', object: 'assistant.deleted', deleted: true })],
    sdk: async (client) => {
      await client.beta.assistants.delete('asst_abc123');
    },
  },
  {
    // Messages with string and part-list content (text, image file, image URL), attachments with
    // tools, and tool resources with a vector store to create.
    id: 'beta.threads.create',
    responses: [json(thread('thread_abc123'))],
    sdk: async (client) => {
      await client.beta.threads.create({
        messages: [
          { role: 'user', content: 'Hello, what is AI?', attachments: [{ file_id: 'file-abc123', tools: [{ type: 'code_interpreter' }, { type: 'file_search' }] }], metadata: { turn: '1' } },
          {
            role: 'assistant',
            content: [
              { type: 'text', text: 'Here are two pictures.' },
              { type: 'image_file', image_file: { file_id: 'file-img123', detail: 'high' } },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
            ],
          },
        ],
        tool_resources: {
          code_interpreter: { file_ids: ['file-abc123'] },
          file_search: { vector_stores: [{ file_ids: ['file-abc456'], chunking_strategy: { type: 'auto' } }] },
        },
        metadata: { team: 'parity' },
      });
    },
  },
  {
    id: 'beta.threads.create/empty',
    responses: [json(thread('thread_abc124'))],
    sdk: async (client) => {
      await client.beta.threads.create();
    },
  },
  {
    id: 'beta.threads.retrieve',
    responses: [json(thread('thread_abc123'))],
    sdk: async (client) => {
      await client.beta.threads.retrieve('thread_abc123');
    },
  },
  {
    id: 'beta.threads.update',
    responses: [json(thread('thread_abc123'))],
    sdk: async (client) => {
      await client.beta.threads.update('thread_abc123', { tool_resources: codeAndFileSearchResources, metadata: { team: 'parity', modified: 'true' } });
    },
  },
  {
    id: 'beta.threads.delete',
    responses: [json({ id: 'thread_abc123', object: 'thread.deleted', deleted: true })],
    sdk: async (client) => {
      await client.beta.threads.delete('thread_abc123');
    },
  },
  {
    id: 'beta.threads.create_and_run',
    responses: [json(run('run_abc123'))],
    sdk: async (client) => {
      await client.beta.threads.createAndRun({
        assistant_id: 'asst_abc123',
        thread: { messages: [{ role: 'user', content: 'Explain deep learning to a 5 year old.' }], metadata: { origin: 'parity' } },
        model: 'gpt-4o',
        instructions: 'Be brief.',
        tools: [{ type: 'code_interpreter' }, { type: 'function', function: weatherFunction }],
        tool_resources: codeAndFileSearchResources,
        metadata: { team: 'parity' },
        temperature: 0.2,
        top_p: 1,
        max_prompt_tokens: 2000,
        max_completion_tokens: 500,
        truncation_strategy: { type: 'last_messages', last_messages: 10 },
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
        parallel_tool_calls: false,
        response_format: { type: 'json_object' },
      });
    },
  },
  {
    id: 'beta.threads.create_and_run/streaming',
    responses: [runStream('run_abc124')],
    sdk: async (client) => {
      const stream = await client.beta.threads.createAndRun({
        assistant_id: 'asst_abc123',
        thread: { messages: [{ role: 'user', content: 'Hello' }] },
        tool_choice: 'auto',
        stream: true,
      });
      await drain(stream);
    },
  },
  {
    id: 'beta.threads.messages.create',
    responses: [json(message('msg_abc123'))],
    sdk: async (client) => {
      await client.beta.threads.messages.create('thread_abc123', {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this image?' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
        ],
        attachments: [{ file_id: 'file-abc123', tools: [{ type: 'file_search' }] }],
        metadata: { turn: '2' },
      });
    },
  },
  {
    id: 'beta.threads.messages.create/string-content',
    responses: [json(message('msg_abc124'))],
    sdk: async (client) => {
      await client.beta.threads.messages.create('thread_abc123', { role: 'user', content: 'How does AI work? Explain it in simple terms.' });
    },
  },
  {
    id: 'beta.threads.messages.retrieve',
    responses: [json(message('msg_abc123'))],
    sdk: async (client) => {
      await client.beta.threads.messages.retrieve('msg_abc123', { thread_id: 'thread_abc123' });
    },
  },
  {
    id: 'beta.threads.messages.update',
    responses: [json(message('msg_abc123'))],
    sdk: async (client) => {
      await client.beta.threads.messages.update('msg_abc123', { thread_id: 'thread_abc123', metadata: { modified: 'true', user: 'abc123' } });
    },
  },
  {
    id: 'beta.threads.messages.list/pages',
    responses: [page([message('msg_1'), message('msg_2')], true), page([message('msg_3')], false)],
    sdk: async (client) => {
      await drain(client.beta.threads.messages.list('thread_abc123', { limit: 2, order: 'desc', run_id: 'run_abc123' }));
    },
  },
  {
    id: 'beta.threads.messages.delete',
    responses: [json({ id: 'msg_abc123', object: 'thread.message.deleted', deleted: true })],
    sdk: async (client) => {
      await client.beta.threads.messages.delete('msg_abc123', { thread_id: 'thread_abc123' });
    },
  },
  {
    // include[] goes on the query, the rest in the body.
    id: 'beta.threads.runs.create',
    responses: [json(run('run_abc123'))],
    sdk: async (client) => {
      await client.beta.threads.runs.create('thread_abc123', {
        include: [FILE_SEARCH_CONTENT],
        assistant_id: 'asst_abc123',
        model: 'gpt-4o',
        reasoning_effort: 'medium',
        instructions: 'You are a personal math tutor.',
        additional_instructions: 'Address the user as Jane.',
        additional_messages: [
          { role: 'user', content: 'I need to solve 3x + 11 = 14.' },
          { role: 'assistant', content: [{ type: 'text', text: 'Sure.' }], metadata: { turn: '0' } },
        ],
        tools: [
          { type: 'code_interpreter' },
          { type: 'file_search', file_search: { max_num_results: 3 } },
          { type: 'function', function: weatherFunction },
        ],
        metadata: { team: 'parity' },
        temperature: 0.7,
        top_p: 0.95,
        max_prompt_tokens: 5000,
        max_completion_tokens: 1000,
        truncation_strategy: { type: 'auto' },
        tool_choice: 'required',
        parallel_tool_calls: true,
        response_format: { type: 'json_schema', json_schema: { name: 'solution', schema: { type: 'object', properties: { x: { type: 'number' } } } } },
      });
    },
  },
  {
    id: 'beta.threads.runs.create/streaming',
    responses: [runStream('run_abc125')],
    sdk: async (client) => {
      const stream = await client.beta.threads.runs.create('thread_abc123', {
        assistant_id: 'asst_abc123',
        additional_messages: [{ role: 'user', content: 'And 2x = 8?' }],
        tools: [{ type: 'function', function: weatherFunction }],
        response_format: { type: 'text' },
        stream: true,
      });
      await drain(stream);
    },
  },
  {
    id: 'beta.threads.runs.list/pages',
    responses: [page([run('run_1', 'completed'), run('run_2', 'completed')], true), page([run('run_3', 'completed')], false)],
    sdk: async (client) => {
      await drain(client.beta.threads.runs.list('thread_abc123', { limit: 2, order: 'desc' }));
    },
  },
  {
    id: 'beta.threads.runs.retrieve',
    responses: [json(requiresAction)],
    sdk: async (client) => {
      await client.beta.threads.runs.retrieve('run_abc123', { thread_id: 'thread_abc123' });
    },
  },
  {
    id: 'beta.threads.runs.update',
    responses: [json(run('run_abc123', 'in_progress'))],
    sdk: async (client) => {
      await client.beta.threads.runs.update('run_abc123', { thread_id: 'thread_abc123', metadata: { user_id: 'user_abc123' } });
    },
  },
  {
    id: 'beta.threads.runs.cancel',
    responses: [json(run('run_abc123', 'cancelling'))],
    sdk: async (client) => {
      await client.beta.threads.runs.cancel('run_abc123', { thread_id: 'thread_abc123' });
    },
  },
  {
    id: 'beta.threads.runs.submit_tool_outputs',
    responses: [json(run('run_abc123', 'queued'))],
    sdk: async (client) => {
      await client.beta.threads.runs.submitToolOutputs('run_abc123', {
        thread_id: 'thread_abc123',
        tool_outputs: [
          { tool_call_id: 'call_abc123', output: '{"temperature":21}' },
          { tool_call_id: 'call_abc456', output: '28C' },
        ],
      });
    },
  },
  {
    id: 'beta.threads.runs.submit_tool_outputs/streaming',
    responses: [runStream('run_abc123')],
    sdk: async (client) => {
      const stream = await client.beta.threads.runs.submitToolOutputs('run_abc123', {
        thread_id: 'thread_abc123',
        tool_outputs: [{ tool_call_id: 'call_abc123', output: '{"temperature":21}' }],
        stream: true,
      });
      await drain(stream);
    },
  },
  {
    id: 'beta.threads.runs.steps.list/pages',
    responses: [page([step('step_1'), step('step_2')], true), page([step('step_3')], false)],
    sdk: async (client) => {
      await drain(client.beta.threads.runs.steps.list('run_abc123', { thread_id: 'thread_abc123', limit: 2, order: 'asc', include: [FILE_SEARCH_CONTENT] }));
    },
  },
  {
    id: 'beta.threads.runs.steps.retrieve',
    responses: [json(step('step_abc123'))],
    sdk: async (client) => {
      await client.beta.threads.runs.steps.retrieve('step_abc123', { thread_id: 'thread_abc123', run_id: 'run_abc123', include: [FILE_SEARCH_CONTENT] });
    },
  },
];
