import type { ServerResponse } from 'node:http';
import {
  answerWords,
  type FakeServer,
  HTML_ERROR_PAGE,
  maskedEcho,
  type RecordedRequest,
  scenarioOf,
  sendJson,
  sendText,
  sleep,
  startFake,
} from './http';
import { type StreamTimingOptions, timedResponse } from './stream-timing';

/** The bench's optional hooks (timing, pacing) come from StreamTimingOptions; by default neither is set. */
export interface OpenAIFakeOptions extends StreamTimingOptions {
  /** Keys the fake accepts. Empty means any key (or none) is fine, as with Ollama. */
  keys?: string[];
  /** Ollama's default: reject a request whose Origin is an extension's, with an empty 403. */
  rejectExtensionOrigins?: boolean;
  /** Serve Ollama's native model list at /api/tags. */
  ollamaTags?: string[];
  /** What the answer says (default: "Answer w1 w2 …"), streamed a few characters per chunk. */
  content?: string;
  /** The loopback address to listen on (default 127.0.0.1; "::1" for IPv6). */
  host?: string;
}

const openAIError = (message: string, type: string, code: string | null) => ({ error: { message, type, param: null, code } });

function chunk(model: string, delta: Record<string, unknown>, finish: string | null = null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

function authorise(request: RecordedRequest, response: ServerResponse, options: OpenAIFakeOptions): boolean {
  if (!options.keys?.length) return true;
  const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (key && options.keys.includes(key)) return true;
  const message = key
    ? `Incorrect API key provided: ${maskedEcho(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`
    : "You didn't provide an API key.";
  sendJson(response, 401, openAIError(message, 'invalid_request_error', 'invalid_api_key'));
  return false;
}

async function stream(response: ServerResponse, model: string, pieces: string[], delayMs: number, cutAfter?: number): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const write = (data: unknown) => response.write(`data: ${JSON.stringify(data)}\n\n`);
  write(chunk(model, { role: 'assistant', content: '' }));
  for (const [index, piece] of pieces.entries()) {
    if (response.destroyed) return;
    if (cutAfter !== undefined && index === cutAfter) {
      response.socket?.destroy();
      return;
    }
    write(chunk(model, { content: piece }));
    if (delayMs) await sleep(delayMs);
  }
  write(chunk(model, {}, 'stop'));
  response.write(
    `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model, choices: [], usage: { prompt_tokens: 21, completion_tokens: pieces.length, total_tokens: 21 + pieces.length } })}\n\n`,
  );
  response.end('data: [DONE]\n\n');
}

/** Words as a model streams them: the first bare, the others with their leading space. */
const spaced = (words: string[]) => words.map((word, index) => (index === 0 ? word : ` ${word}`));

/** Splits fixed content into small chunks, as a provider would stream it. */
const chunked = (content: string) => content.match(/[\s\S]{1,8}/g) ?? [];

async function chatCompletions(
  request: RecordedRequest,
  response: ServerResponse,
  options: OpenAIFakeOptions,
  seen: Set<string>,
): Promise<void> {
  const body = JSON.parse(request.body || '{}') as { model?: string };
  const model = body.model ?? 'unknown';
  const { scenario, tokens, delayMs } = scenarioOf(model);
  // Transient faults: the first request fails mid-stream, the next one succeeds (what Retry is for).
  if (model === 'cut-once') {
    const first = !seen.has(model);
    seen.add(model);
    return stream(response, model, spaced(answerWords(first ? 6 : 8, first ? 'partial' : 'answer')), 5, first ? 3 : undefined);
  }
  if (options.content !== undefined && scenario === 'ok') return stream(response, model, chunked(options.content), delayMs);
  switch (scenario) {
    case 'fault-400':
      return sendJson(response, 400, openAIError("Invalid value for 'max_tokens'.", 'invalid_request_error', null));
    case 'fault-403':
      return sendJson(
        response,
        403,
        openAIError('Project does not have access to this model.', 'invalid_request_error', 'model_not_available'),
      );
    case 'fault-404':
      return sendJson(
        response,
        404,
        openAIError(`The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'),
      );
    case 'fault-429':
      return sendJson(response, 429, openAIError('Rate limit reached for requests.', 'requests', 'rate_limit_exceeded'), {
        'retry-after': '30',
      });
    case 'fault-quota':
      return sendJson(
        response,
        429,
        openAIError(
          'You exceeded your current quota, please check your plan and billing details.',
          'insufficient_quota',
          'insufficient_quota',
        ),
      );
    case 'fault-500':
      return sendJson(response, 500, openAIError('The server had an error while processing your request.', 'server_error', null));
    case 'fault-html':
      return sendText(response, 502, HTML_ERROR_PAGE, 'text/html');
    case 'fault-malformed':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(`data: ${JSON.stringify(chunk(model, { content: 'Partial' }))}\n\n`);
      return void response.end('data: {"choices": [ this is not json\n\n');
    case 'fault-cut':
      return stream(response, model, spaced(answerWords(6, 'partial')), 5, 3);
    case 'fault-hang':
      return; // accepts the connection, never answers
    default:
      return stream(response, model, spaced(answerWords(tokens)), delayMs);
  }
}

/** OpenAI's chat completions API as the wire has it (also DeepSeek's, and Ollama's /v1). */
export async function startOpenAIFake(options: OpenAIFakeOptions = {}): Promise<FakeServer> {
  const seen = new Set<string>();
  return startFake(async (request, response) => {
    const origin = request.headers.origin;
    if (options.rejectExtensionOrigins && origin && /^(chrome|moz)-extension:/.test(origin)) {
      response.writeHead(403);
      return void response.end();
    }
    if (request.path === '/api/tags' && options.ollamaTags) {
      return sendJson(response, 200, { models: options.ollamaTags.map((name) => ({ name, model: name, size: 1 })) });
    }
    const path = request.path.replace(/^\/v1/, '');
    if (path === '/models' && request.method === 'GET') {
      if (!authorise(request, response, options)) return;
      return sendJson(response, 200, {
        object: 'list',
        data: ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small', 'whisper-1'].map((id) => ({
          id,
          object: 'model',
          created: 1,
          owned_by: 'system',
        })),
      });
    }
    if (path === '/chat/completions' && request.method === 'POST') {
      if (!authorise(request, response, options)) return;
      return chatCompletions(request, timedResponse(response, options), options, seen);
    }
    sendJson(response, 404, openAIError(`Invalid URL (${request.method} ${request.path})`, 'invalid_request_error', null));
  }, options.host);
}
