// fine_tuning: jobs (create with hyperparameters, methods and integrations; list with paging; retrieve,
// cancel, pause, resume; events and checkpoints with paging), checkpoint permissions (create, list paged
// by last_id, delete) and the alpha graders (run, validate).
import { drain, json, page } from './support.mjs';

const job = (id, status = 'queued', extra = {}) => ({
  id,
  object: 'fine_tuning.job',
  created_at: 1721764800,
  error: null,
  fine_tuned_model: null,
  finished_at: null,
  hyperparameters: { batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto' },
  model: 'gpt-4o-mini-2024-07-18',
  organization_id: 'org-123',
  result_files: [],
  seed: 42,
  status,
  trained_tokens: null,
  training_file: 'file-train123',
  validation_file: null,
  estimated_finish: null,
  integrations: [],
  metadata: { team: 'parity' },
  method: { type: 'supervised', supervised: { hyperparameters: { batch_size: 'auto', learning_rate_multiplier: 'auto', n_epochs: 'auto' } } },
  ...extra,
});

const jobEvent = (id) => ({
  object: 'fine_tuning.job.event',
  id,
  created_at: 1721764800,
  level: 'info',
  message: 'Step 1/100: training loss=0.42',
  data: { step: 1, train_loss: 0.42 },
  type: 'metrics',
});

const checkpoint = (id, step) => ({
  object: 'fine_tuning.job.checkpoint',
  id,
  created_at: 1721764800,
  fine_tuned_model_checkpoint: `ft:gpt-4o-mini-2024-07-18:org:parity:ftjob-abc123:ckpt-step-${step}`,
  fine_tuning_job_id: 'ftjob-abc123',
  metrics: { step, train_loss: 0.3, train_mean_token_accuracy: 0.9, valid_loss: 0.4, valid_mean_token_accuracy: 0.8, full_valid_loss: 0.4, full_valid_mean_token_accuracy: 0.8 },
  step_number: step,
});

const CHECKPOINT = 'ft:gpt-4o-mini-2024-07-18:org:parity:ftjob-abc123:ckpt-step-88';

// The checkpoint permission endpoints need an admin key. TypeScript 7.60 sends the admin key there
// (`__security: { adminAPIKeyAuth: true }`) and throws without one; the Python SDK, which decides,
// sends the client's API key (permissions.py: security={"bearer_auth": True}). The cases give the API
// key as the Authorization header, which is what Python sends.
const AS_PYTHON = { headers: { Authorization: 'Bearer sk-parity-0123456789' } };

const permission = (id, project) => ({ object: 'checkpoint.permission', id, created_at: 1721764800, project_id: project });

const permissionPage = (data, hasMore, lastId) => json({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: lastId, has_more: hasMore });

const stringCheck = { type: 'string_check', name: 'exact', input: '{{sample.output_text}}', reference: '{{item.answer}}', operation: 'eq' };

const scoreModel = {
  type: 'score_model',
  name: 'judge',
  model: 'gpt-4o-mini',
  input: [
    { role: 'system', content: 'Score the answer from 0 to 1.' },
    { role: 'user', type: 'message', content: [{ type: 'input_text', text: 'Answer: {{sample.output_text}}' }] },
  ],
  range: [0, 1],
  sampling_params: { seed: 7, temperature: 0, top_p: 1, max_completions_tokens: 100, reasoning_effort: 'low' },
};

const graderMetadata = (type) => ({
  errors: {
    formula_parse_error: false,
    invalid_variable_error: false,
    model_grader_parse_error: false,
    model_grader_refusal_error: false,
    model_grader_server_error: false,
    model_grader_server_error_details: null,
    other_error: false,
    python_grader_runtime_error: false,
    python_grader_runtime_error_details: null,
    python_grader_server_error: false,
    python_grader_server_error_type: null,
    sample_parse_error: false,
    truncated_observation_error: false,
    unresponsive_reward_error: false,
  },
  execution_time: 0.12,
  name: 'combined',
  sampled_model_name: null,
  scores: { exact: 1.0 },
  token_usage: null,
  type,
});

export const cases = [
  {
    // Supervised, with the integer/number/keyword unions of the hyperparameters, a W&B integration,
    // metadata and the deprecated top-level hyperparameters.
    id: 'fine_tuning.jobs.create/supervised',
    responses: [json(job('ftjob-abc123'))],
    sdk: async (client) => {
      await client.fineTuning.jobs.create({
        model: 'gpt-4o-mini-2024-07-18',
        training_file: 'file-train123',
        validation_file: 'file-valid123',
        suffix: 'parity',
        seed: 42,
        hyperparameters: { batch_size: 'auto', learning_rate_multiplier: 0.5, n_epochs: 3 },
        method: {
          type: 'supervised',
          supervised: { hyperparameters: { batch_size: 8, learning_rate_multiplier: 'auto', n_epochs: 'auto' } },
        },
        integrations: [{ type: 'wandb', wandb: { project: 'parity-project', name: 'run-1', entity: 'team', tags: ['a', 'b'] } }],
        metadata: { team: 'parity', run: '1' },
      });
    },
  },
  {
    id: 'fine_tuning.jobs.create/dpo',
    responses: [json(job('ftjob-abc124'))],
    sdk: async (client) => {
      await client.fineTuning.jobs.create({
        model: 'gpt-4o-2024-08-06',
        training_file: 'file-train123',
        method: { type: 'dpo', dpo: { hyperparameters: { beta: 0.1, batch_size: 'auto', learning_rate_multiplier: 2, n_epochs: 1 } } },
      });
    },
  },
  {
    // Reinforcement with a score-model grader (the grader union), its sampling parameters and message
    // inputs (a string content and a list of content parts).
    id: 'fine_tuning.jobs.create/reinforcement',
    responses: [json(job('ftjob-abc125'))],
    sdk: async (client) => {
      await client.fineTuning.jobs.create({
        model: 'o4-mini',
        training_file: 'file-train123',
        method: {
          type: 'reinforcement',
          reinforcement: {
            grader: scoreModel,
            hyperparameters: {
              batch_size: 4,
              compute_multiplier: 1.5,
              eval_interval: 'auto',
              eval_samples: 10,
              learning_rate_multiplier: 'auto',
              n_epochs: 2,
              reasoning_effort: 'medium',
            },
          },
        },
      });
    },
  },
  {
    id: 'fine_tuning.jobs.list/pages',
    responses: [page([job('ftjob-1'), job('ftjob-2')], true), page([job('ftjob-3')], false)],
    sdk: async (client) => {
      await drain(client.fineTuning.jobs.list({ limit: 2, metadata: { team: 'parity' } }));
    },
  },
  {
    id: 'fine_tuning.jobs.retrieve',
    responses: [json(job('ftjob-abc123', 'running'))],
    sdk: async (client) => {
      await client.fineTuning.jobs.retrieve('ftjob-abc123');
    },
  },
  {
    id: 'fine_tuning.jobs.cancel',
    responses: [json(job('ftjob-abc123', 'cancelled'))],
    sdk: async (client) => {
      await client.fineTuning.jobs.cancel('ftjob-abc123');
    },
  },
  {
    id: 'fine_tuning.jobs.pause',
    responses: [json(job('ftjob-abc123', 'paused'))],
    sdk: async (client) => {
      await client.fineTuning.jobs.pause('ftjob-abc123');
    },
  },
  {
    id: 'fine_tuning.jobs.resume',
    responses: [json(job('ftjob-abc123', 'running'))],
    sdk: async (client) => {
      await client.fineTuning.jobs.resume('ftjob-abc123');
    },
  },
  {
    id: 'fine_tuning.jobs.list_events/pages',
    responses: [page([jobEvent('ftevent-1'), jobEvent('ftevent-2')], true), page([jobEvent('ftevent-3')], false)],
    sdk: async (client) => {
      await drain(client.fineTuning.jobs.listEvents('ftjob-abc123', { limit: 2 }));
    },
  },
  {
    id: 'fine_tuning.jobs.checkpoints.list/pages',
    responses: [page([checkpoint('ftckpt-1', 88), checkpoint('ftckpt-2', 44)], true), page([checkpoint('ftckpt-3', 22)], false)],
    sdk: async (client) => {
      await drain(client.fineTuning.jobs.checkpoints.list('ftjob-abc123', { limit: 2, after: 'ftckpt-0' }));
    },
  },
  {
    id: 'fine_tuning.checkpoints.permissions.create',
    responses: [permissionPage([permission('cp-1', 'proj-1'), permission('cp-2', 'proj-2')], false, 'cp-2')],
    sdk: async (client) => {
      await drain(client.fineTuning.checkpoints.permissions.create(CHECKPOINT, { project_ids: ['proj-1', 'proj-2'] }, AS_PYTHON));
    },
  },
  {
    // The next page starts after the page's last_id (ConversationCursorPage), which here is not the
    // last item's id.
    id: 'fine_tuning.checkpoints.permissions.list/pages-by-last-id',
    responses: [
      permissionPage([permission('cp-1', 'proj-1'), permission('cp-2', 'proj-2')], true, 'cp-cursor-2'),
      permissionPage([permission('cp-3', 'proj-3')], false, 'cp-3'),
    ],
    sdk: async (client) => {
      await drain(client.fineTuning.checkpoints.permissions.list(CHECKPOINT, { limit: 2, order: 'ascending', project_id: 'proj-1' }, AS_PYTHON));
    },
  },
  {
    id: 'fine_tuning.checkpoints.permissions.delete',
    responses: [json({ object: 'checkpoint.permission', id: 'cp-1', deleted: true })],
    sdk: async (client) => {
      await client.fineTuning.checkpoints.permissions.delete('cp-1', { fine_tuned_model_checkpoint: CHECKPOINT }, AS_PYTHON);
    },
  },
  {
    // A multi grader (its `graders` one grader, as the spec and both SDKs type it) and an item.
    id: 'fine_tuning.alpha.graders.run',
    responses: [json({ reward: 1.0, metadata: graderMetadata('multi'), sub_rewards: { exact: 1.0 }, model_grader_token_usage_per_model: {} })],
    sdk: async (client) => {
      await client.fineTuning.alpha.graders.run({
        grader: {
          type: 'multi',
          name: 'combined',
          graders: { type: 'text_similarity', name: 'similar', input: '{{sample.output_text}}', reference: '{{item.answer}}', evaluation_metric: 'fuzzy_match' },
          calculate_output: 'similar',
        },
        model_sample: 'Paris',
        item: { answer: 'Paris', tags: ['geo'], score: 1 },
      });
    },
  },
  {
    id: 'fine_tuning.alpha.graders.run/string-check',
    responses: [json({ reward: 0.0, metadata: graderMetadata('string_check'), sub_rewards: {}, model_grader_token_usage_per_model: {} })],
    sdk: async (client) => {
      await client.fineTuning.alpha.graders.run({ grader: stringCheck, model_sample: 'Lyon' });
    },
  },
  {
    id: 'fine_tuning.alpha.graders.validate',
    responses: [json({ grader: { type: 'python', name: 'py', source: 'def grade(sample, item):\n    return 1.0\n', image_tag: '2025-05-08' } })],
    sdk: async (client) => {
      await client.fineTuning.alpha.graders.validate({
        grader: { type: 'python', name: 'py', source: 'def grade(sample, item):\n    return 1.0\n', image_tag: '2025-05-08' },
      });
    },
  },
];
