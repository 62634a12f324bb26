// What the case modules share: canned responses, and reading what the SDK returns to the end.

/** A JSON response (status 200 unless given). */
export function json(body, status = 200, headers = {}) {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** A text response, such as a transcription in the `text`, `srt` or `vtt` format. */
export function text(body, contentType = 'text/plain; charset=utf-8') {
  return { status: 200, headers: { 'content-type': contentType }, body };
}

/** A binary response (file content, speech). */
export function binary(bytes, contentType = 'application/octet-stream') {
  return { status: 200, headers: { 'content-type': contentType }, bodyBase64: Buffer.from(bytes).toString('base64') };
}

/**
 * A server-sent event stream: each event is an object (sent as `data: <json>`) or
 * `{event, data}` for a named event (`{event, data, raw: true}` sends the data string as it is, as
 * the Assistants API's `event: done` / `data: [DONE]`); `[DONE]` ends it when `done` is true.
 */
export function sse(events, { done = true } = {}) {
  const lines = events.map((event) => {
    if (event && typeof event === 'object' && 'event' in event && 'data' in event) {
      return `event: ${event.event}\ndata: ${event.raw ? event.data : JSON.stringify(event.data)}\n\n`;
    }
    return `data: ${JSON.stringify(event)}\n\n`;
  });
  if (done) {
    lines.push('data: [DONE]\n\n');
  }
  return { status: 200, headers: { 'content-type': 'text/event-stream' }, body: lines.join('') };
}

/** A cursor page (`object: list`, `data`, `has_more`, `first_id`, `last_id`). */
export function page(data, hasMore = false) {
  return json({
    object: 'list',
    data,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
    has_more: hasMore,
  });
}

/** The form every response takes in the recording: status, headers, body as base64. */
export function normalizeResponse(response) {
  const bodyBase64 = response.bodyBase64 ?? Buffer.from(response.body ?? '', 'utf8').toString('base64');
  return { status: response.status ?? 200, headers: response.headers ?? {}, body: bodyBase64 };
}

/** Read a stream (or any async iterable) to its end; return its items. */
export async function drain(iterable) {
  const items = [];
  for await (const item of iterable) {
    items.push(item);
  }
  return items;
}
