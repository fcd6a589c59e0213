import type { ServerResponse } from 'node:http';
import {
  answerWords,
  type FakeServer,
  HTML_ERROR_PAGE,
  type RecordedRequest,
  scenarioOf,
  sendJson,
  sendText,
  sleep,
  startFake,
} from './http';

const anthropicError = (type: string, message: string) => ({ type: 'error', error: { type, message } });

/** The key as the API accepts it: x-api-key, or (what SDK 1.x sends) Authorization: Bearer. */
export function anthropicKeyOf(request: RecordedRequest): string | undefined {
  return request.headers['x-api-key'] ?? /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
}

async function stream(
  response: ServerResponse,
  model: string,
  words: string[],
  delayMs: number,
  end: 'complete' | 'error' | 'cut' = 'complete',
): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  send('message_start', {
    type: 'message_start',
    message: {
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 25, output_tokens: 1 },
    },
  });
  send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
  send('ping', { type: 'ping' });
  for (const [index, word] of words.entries()) {
    if (response.destroyed) return;
    if (end === 'error' && index === 2) {
      send('error', anthropicError('overloaded_error', 'Overloaded'));
      return void response.end();
    }
    if (end === 'cut' && index === 2) return void response.socket?.destroy();
    send('content_block_delta', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'text_delta', text: index === 0 ? word : ` ${word}` },
    });
    if (delayMs) await sleep(delayMs);
  }
  send('content_block_stop', { type: 'content_block_stop', index: 0 });
  send('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: words.length },
  });
  send('message_stop', { type: 'message_stop' });
  response.end();
}

async function messages(request: RecordedRequest, response: ServerResponse): Promise<void> {
  const body = JSON.parse(request.body || '{}') as { model?: string };
  const model = body.model ?? 'unknown';
  const { scenario, tokens, delayMs } = scenarioOf(model);
  switch (scenario) {
    case 'fault-400':
      return sendJson(response, 400, anthropicError('invalid_request_error', 'max_tokens: Field required'));
    case 'fault-403':
      return sendJson(
        response,
        403,
        anthropicError('permission_error', 'Your API key does not have permission to use the specified resource.'),
      );
    case 'fault-404':
      return sendJson(response, 404, anthropicError('not_found_error', `model: ${model}`));
    case 'fault-429':
      return sendJson(
        response,
        429,
        anthropicError('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'),
        { 'retry-after': '30' },
      );
    case 'fault-500':
      return sendJson(response, 500, anthropicError('api_error', 'Internal server error'));
    case 'fault-529':
      return sendJson(response, 529, anthropicError('overloaded_error', 'Overloaded'));
    case 'fault-html':
      return sendText(response, 502, HTML_ERROR_PAGE, 'text/html');
    case 'fault-malformed':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      return void response.end('event: message_start\ndata: {not json}\n\n');
    case 'fault-cut':
      return stream(response, model, answerWords(5, 'partial'), 5, 'cut');
    case 'fault-blocked':
      // Anthropic's mid-stream error event (here: overloaded while streaming).
      return stream(response, model, answerWords(5, 'partial'), 0, 'error');
    case 'fault-hang':
      return;
    default:
      return stream(response, model, answerWords(tokens), delayMs);
  }
}

/** Anthropic's Messages API: named SSE events, its error bodies and status codes (529 included). */
export async function startAnthropicFake(options: { keys: string[] }): Promise<FakeServer> {
  return startFake(async (request, response) => {
    const key = anthropicKeyOf(request);
    if (!key || !options.keys.includes(key)) return sendJson(response, 401, anthropicError('authentication_error', 'invalid x-api-key'));
    if (!request.headers['anthropic-version'])
      return sendJson(response, 400, anthropicError('invalid_request_error', 'anthropic-version: header is required'));
    // Anthropic refuses browser-origin requests unless this header says the caller knows.
    if (request.headers.origin && request.headers['anthropic-dangerous-direct-browser-access'] !== 'true') {
      return sendJson(
        response,
        401,
        anthropicError('authentication_error', 'CORS requests must set the anthropic-dangerous-direct-browser-access header'),
      );
    }
    if (request.path === '/v1/models' && request.method === 'GET') {
      return sendJson(response, 200, {
        data: [{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z' }],
        has_more: false,
        first_id: 'claude-sonnet-4-5',
        last_id: 'claude-sonnet-4-5',
      });
    }
    if (request.path === '/v1/messages' && request.method === 'POST') return messages(request, response);
    sendJson(response, 404, anthropicError('not_found_error', 'Not found'));
  });
}
