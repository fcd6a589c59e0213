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
import { ANTHROPIC_KEY, keyAccepted } from './keys';

const anthropicError = (type: string, message: string) => ({ type: 'error', error: { type, message } });

/**
 * Every top-level field of a Messages API request (docs.anthropic.com/en/api/messages);
 * anything else is refused the way the API refuses it: 400 "<field>: Extra inputs are not permitted".
 */
const MESSAGE_FIELDS = new Set([
  'model',
  'messages',
  'max_tokens',
  'system',
  'stream',
  'temperature',
  'top_p',
  'top_k',
  'stop_sequences',
  'metadata',
  'tools',
  'tool_choice',
  'thinking',
  'service_tier',
  'container',
  'mcp_servers',
  'context_management',
  'output_config',
]);

function bodyRejection(body: Record<string, unknown>): ReturnType<typeof anthropicError> | undefined {
  const unknown = Object.keys(body).find((field) => !MESSAGE_FIELDS.has(field));
  if (unknown) return anthropicError('invalid_request_error', `${unknown}: Extra inputs are not permitted`);
  for (const required of ['model', 'messages', 'max_tokens']) {
    if (body[required] === undefined) return anthropicError('invalid_request_error', `${required}: Field required`);
  }
  return undefined;
}

async function stream(
  response: ServerResponse,
  model: string,
  words: string[],
  delayMs: number,
  end: 'complete' | 'error' | 'cut' = 'complete',
  thinking?: string,
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
  let index = 0;
  if (thinking) {
    // A thinking block comes first, with its signature, as when thinking is shown (summarized).
    send('content_block_start', { type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } });
    for (const piece of thinking.match(/[\s\S]{1,12}/g) ?? []) {
      send('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: piece } });
    }
    send('content_block_delta', {
      type: 'content_block_delta',
      index,
      delta: { type: 'signature_delta', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3h' },
    });
    send('content_block_stop', { type: 'content_block_stop', index });
    index += 1;
  }
  send('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
  send('ping', { type: 'ping' });
  for (const [position, word] of words.entries()) {
    if (response.destroyed) return;
    if (end === 'error' && position === 2) {
      send('error', anthropicError('overloaded_error', 'Overloaded'));
      return void response.end();
    }
    if (end === 'cut' && position === 2) return void response.socket?.destroy();
    send('content_block_delta', {
      type: 'content_block_delta',
      index,
      delta: { type: 'text_delta', text: position === 0 ? word : ` ${word}` },
    });
    if (delayMs) await sleep(delayMs);
  }
  send('content_block_stop', { type: 'content_block_stop', index });
  send('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: 'end_turn', stop_sequence: null },
    usage: { output_tokens: words.length },
  });
  send('message_stop', { type: 'message_stop' });
  response.end();
}

async function messages(request: RecordedRequest, response: ServerResponse, thinking?: string): Promise<void> {
  const body = JSON.parse(request.body || '{}') as Record<string, unknown>;
  const rejection = bodyRejection(body);
  if (rejection) return sendJson(response, 400, rejection);
  const model = String(body.model);
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
      return stream(response, model, answerWords(tokens), delayMs, 'complete', thinking);
  }
}

/** Anthropic's Messages API: named SSE events, its error bodies and status codes (529 included). */
export interface AnthropicFakeOptions {
  keys: string[];
  /** Claude's thinking, streamed as a thinking block before the answer (as when thinking is shown). */
  thinking?: string;
}

export async function startAnthropicFake(options: AnthropicFakeOptions): Promise<FakeServer> {
  return startFake(async (request, response) => {
    if (!keyAccepted(request, ANTHROPIC_KEY, options.keys))
      return sendJson(response, 401, anthropicError('authentication_error', 'invalid x-api-key'));
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
    if (request.path === '/v1/messages' && request.method === 'POST') return messages(request, response, options.thinking);
    sendJson(response, 404, anthropicError('not_found_error', 'Not found'));
  });
}
