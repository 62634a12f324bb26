// Records the requests the official OpenAI TypeScript SDK sends for each parity case.
//
//   node record.mjs <outputFile> [caseIdPrefix]
//
// A local HTTP server answers each case's requests, in order, with the case's canned responses and
// keeps every request exactly as it arrived. The output is read by ParityTests (Java), which serves
// the same responses to this project's client and compares the requests call by call.
import http from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import OpenAI from 'openai';
import { groups } from './cases/index.mjs';
import { normalizeResponse } from './cases/support.mjs';

export const CLIENT_OPTIONS = {
  apiKey: 'sk-parity-0123456789',
  organization: 'org-parity',
  project: 'proj-parity',
  maxRetries: 0,
};

const [, , outputFile, prefix = ''] = process.argv;
if (!outputFile) {
  console.error('usage: node record.mjs <outputFile> [caseIdPrefix]');
  process.exit(2);
}

let current = null; // { responses, requests }

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const target = new URL(req.url, 'http://recorder');
    const headers = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
    }
    const request = {
      method: req.method,
      path: target.pathname,
      query: target.search.startsWith('?') ? target.search.slice(1) : target.search,
      headers,
      body: Buffer.concat(chunks).toString('base64'),
    };
    if (current === null) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"request outside a case"}}');
      return;
    }
    const index = current.requests.length;
    current.requests.push(request);
    const response = current.responses[index];
    if (response === undefined) {
      res.writeHead(599, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `parity recorder: no canned response #${index}` } }));
      return;
    }
    res.writeHead(response.status, response.headers);
    res.end(Buffer.from(response.body, 'base64'));
  });
});

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const client = new OpenAI({ ...CLIENT_OPTIONS, baseURL: `http://127.0.0.1:${port}/v1` });

const results = [];
const seen = new Set();
for (const [group, cases] of Object.entries(groups)) {
  for (const parityCase of cases) {
    if (seen.has(parityCase.id)) {
      throw new Error(`duplicate case id ${parityCase.id} (group ${group})`);
    }
    seen.add(parityCase.id);
    if (!parityCase.id.startsWith(prefix)) {
      continue;
    }
    const responses = parityCase.responses.map(normalizeResponse);
    current = { responses, requests: [] };
    let error = null;
    try {
      await parityCase.sdk(client);
    }
    catch (failure) {
      error = String(failure?.stack ?? failure);
    }
    results.push({ id: parityCase.id, group, requests: current.requests, responses, ...(error ? { error } : {}) });
    current = null;
  }
}

server.close();
writeFileSync(outputFile, JSON.stringify(results, null, 1));
const failed = results.filter((result) => result.error);
for (const result of failed) {
  console.error(`${result.id}: ${result.error}`);
}
const sdk = JSON.parse(readFileSync(new URL('./node_modules/openai/package.json', import.meta.url), 'utf8'));
console.log(`recorded ${results.length} cases (${failed.length} failed) with openai ${sdk.version}`);
process.exit(0);
