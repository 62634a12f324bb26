// completions: POST /completions, plain and streamed.
import { drain, json, sse } from './support.mjs';

const completion = (text) => ({
  id: 'cmpl-1',
  object: 'text_completion',
  created: 1741569952,
  model: 'gpt-3.5-turbo-instruct',
  system_fingerprint: 'fp_1',
  choices: [{ text, index: 0, logprobs: null, finish_reason: 'stop' }],
  usage: { prompt_tokens: 5, completion_tokens: 7, total_tokens: 12 },
});

export const cases = [
  {
    id: 'completions.create/string-prompt',
    responses: [json(completion('Code flows like a stream'))],
    sdk: async (client) => {
      await client.completions.create({
        model: 'gpt-3.5-turbo-instruct',
        prompt: 'Write a short poem about programming',
        max_tokens: 150,
        temperature: 0.7,
        top_p: 0.9,
        n: 1,
        stop: ['\n\n', 'END'],
        logit_bias: { 50256: -100 },
        logprobs: 2,
        echo: false,
        presence_penalty: 0.5,
        frequency_penalty: 0.25,
        best_of: 1,
        seed: 42,
        suffix: ' -- fin',
        user: 'user-1234',
      });
    },
  },
  {
    id: 'completions.create/token-prompts',
    responses: [json(completion('ok'))],
    sdk: async (client) => {
      await client.completions.create({
        model: 'gpt-3.5-turbo-instruct',
        prompt: [[1212, 318, 257], [1332, 13]],
        stop: 'STOP',
        max_tokens: 16,
      });
    },
  },
  {
    id: 'completions.create/string-array-prompt',
    responses: [json(completion('ok'))],
    sdk: async (client) => {
      await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: ['Say this', 'and that'] });
    },
  },
  {
    id: 'completions.create/streaming',
    responses: [
      sse([
        { ...completion('Hello'), usage: null },
        { ...completion(' world'), usage: null },
        { ...completion(''), choices: [], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } },
      ]),
    ],
    sdk: async (client) => {
      const stream = await client.completions.create({
        model: 'gpt-3.5-turbo-instruct',
        prompt: 'Say hello',
        stream: true,
        stream_options: { include_usage: true },
        max_tokens: 5,
      });
      await drain(stream);
    },
  },
];
