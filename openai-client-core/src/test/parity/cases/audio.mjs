// audio: speech (binary, and its event-stream form), transcriptions (JSON formats, text formats,
// streamed) and translations (JSON and text).
import { toFile } from 'openai';
import { drain, json, binary, sse, text } from './support.mjs';

export const WAV = Buffer.from('RIFF$\u0000\u0000\u0000WAVEfmt parity-audio', 'latin1');

const wav = () => toFile(WAV, 'speech.wav', { type: 'audio/wav' });

const verbose = {
  task: 'transcribe',
  language: 'english',
  duration: 1.5,
  text: 'Hello world.',
  words: [{ word: 'Hello', start: 0, end: 0.5 }, { word: 'world', start: 0.6, end: 1.1 }],
  segments: [{ id: 0, seek: 0, start: 0, end: 1.5, text: 'Hello world.', tokens: [1, 2], temperature: 0, avg_logprob: -0.2, compression_ratio: 1, no_speech_prob: 0.01 }],
  usage: { type: 'duration', seconds: 2 },
};

export const cases = [
  {
    id: 'audio.speech.create/binary',
    responses: [binary(Buffer.from('ID3parity-mp3'), 'audio/mpeg')],
    sdk: async (client) => {
      const response = await client.audio.speech.create({
        model: 'gpt-4o-mini-tts',
        voice: 'alloy',
        input: 'Hello world!',
        instructions: 'Speak cheerfully.',
        response_format: 'mp3',
        speed: 1.25,
      });
      await response.arrayBuffer();
    },
  },
  {
    id: 'audio.speech.create/custom-voice',
    responses: [binary(Buffer.from('RIFFparity-wav'), 'audio/wav')],
    sdk: async (client) => {
      const response = await client.audio.speech.create({ model: 'tts-1', voice: { id: 'voice_123' }, input: 'Hi', response_format: 'wav' });
      await response.arrayBuffer();
    },
  },
  {
    // The event-stream form: the SDK returns the raw response; it is read to its end.
    id: 'audio.speech.create/streaming',
    responses: [
      sse(
        [
          { type: 'speech.audio.delta', audio: 'SUQz' },
          { type: 'speech.audio.done', usage: { input_tokens: 5, output_tokens: 10, total_tokens: 15 } },
        ],
        { done: false },
      ),
    ],
    sdk: async (client) => {
      const response = await client.audio.speech.create({ model: 'gpt-4o-mini-tts', voice: 'coral', input: 'Hello world!', stream_format: 'sse' });
      await response.text();
    },
  },
  {
    id: 'audio.transcriptions.create/json',
    responses: [json({ text: 'Hello world.', logprobs: [{ token: 'Hello', logprob: -0.1, bytes: [72] }], usage: { type: 'tokens', input_tokens: 10, output_tokens: 3, total_tokens: 13 } })],
    sdk: async (client) => {
      await client.audio.transcriptions.create({
        file: await wav(),
        model: 'gpt-4o-transcribe',
        language: 'en',
        prompt: 'A greeting.',
        response_format: 'json',
        temperature: 0.2,
        include: ['logprobs'],
        chunking_strategy: { type: 'server_vad', prefix_padding_ms: 300, silence_duration_ms: 500, threshold: 0.5 },
      });
    },
  },
  {
    id: 'audio.transcriptions.create/verbose-json',
    responses: [json(verbose)],
    sdk: async (client) => {
      await client.audio.transcriptions.create({
        file: await wav(),
        model: 'whisper-1',
        response_format: 'verbose_json',
        timestamp_granularities: ['word', 'segment'],
      });
    },
  },
  {
    id: 'audio.transcriptions.create/diarized-json',
    responses: [json({ task: 'transcribe', duration: 1.5, text: 'Hello world.', segments: [{ type: 'transcript.text.segment', id: 'seg_1', start: 0, end: 1.5, text: 'Hello world.', speaker: 'agent' }], usage: { type: 'duration', seconds: 2 } })],
    sdk: async (client) => {
      await client.audio.transcriptions.create({
        file: await wav(),
        model: 'gpt-4o-transcribe-diarize',
        response_format: 'diarized_json',
        chunking_strategy: 'auto',
        known_speaker_names: ['agent', 'customer'],
        known_speaker_references: ['data:audio/wav;base64,UklGRg==', 'data:audio/wav;base64,UklGRh=='],
      });
    },
  },
  {
    id: 'audio.transcriptions.create/text',
    responses: [text('Hello world.\n')],
    sdk: async (client) => {
      await client.audio.transcriptions.create({ file: await wav(), model: 'whisper-1', response_format: 'text' });
    },
  },
  {
    id: 'audio.transcriptions.create/srt',
    responses: [text('1\n00:00:00,000 --> 00:00:01,500\nHello world.\n\n', 'application/x-subrip')],
    sdk: async (client) => {
      await client.audio.transcriptions.create({ file: await wav(), model: 'whisper-1', response_format: 'srt', language: 'en' });
    },
  },
  {
    id: 'audio.transcriptions.create/vtt',
    responses: [text('WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nHello world.\n\n', 'text/vtt')],
    sdk: async (client) => {
      await client.audio.transcriptions.create({ file: await wav(), model: 'whisper-1', response_format: 'vtt' });
    },
  },
  {
    id: 'audio.transcriptions.create/streaming',
    responses: [
      sse(
        [
          { type: 'transcript.text.delta', delta: 'Hello' },
          { type: 'transcript.text.delta', delta: ' world.' },
          { type: 'transcript.text.done', text: 'Hello world.', usage: { type: 'tokens', input_tokens: 10, output_tokens: 3, total_tokens: 13 } },
        ],
        { done: false },
      ),
    ],
    sdk: async (client) => {
      const stream = await client.audio.transcriptions.create({
        file: await wav(),
        model: 'gpt-4o-mini-transcribe',
        stream: true,
        include: ['logprobs'],
        language: 'en',
      });
      await drain(stream);
    },
  },
  {
    id: 'audio.translations.create/json',
    responses: [json({ text: 'Hello world.' })],
    sdk: async (client) => {
      await client.audio.translations.create({ file: await wav(), model: 'whisper-1', prompt: 'Grüße — 你好 "quoted"', response_format: 'json', temperature: 0.1 });
    },
  },
  {
    id: 'audio.translations.create/text',
    responses: [text('Hello world.\n')],
    sdk: async (client) => {
      await client.audio.translations.create({ file: await wav(), model: 'whisper-1', response_format: 'text' });
    },
  },
];
