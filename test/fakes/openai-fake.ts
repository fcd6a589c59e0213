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
  startFake,
} from './http';
import { keyAccepted, keyOf, OPENAI_KEY } from './keys';
import { modelNotFound, type OpenAIStyleApi, rejectionFor } from './openai-rules';
import { type ChatStream, streamChat } from './openai-stream';
import { type StreamTimingOptions, timedResponse } from './stream-timing';

/** The bench's optional hooks (timing, pacing) come from StreamTimingOptions; by default neither is set. */
export interface OpenAIFakeOptions extends StreamTimingOptions {
  /** Which API this is, for what it refuses and how it reasons (default: OpenAI's own). */
  api?: OpenAIStyleApi;
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
  /**
   * What the model thinks first. DeepSeek streams it as `reasoning_content` (its V4 models
   * think unless the model is deepseek-chat; a default reasoning is streamed then), Ollama
   * as `reasoning`; OpenAI's reasoning models never show it.
   */
  reasoning?: string;
  /** Held before the answer starts (after any reasoning): a test opens it when it has looked. */
  beforeAnswer?: Promise<void>;
  /** An OpenAI reasoning model's silence before its first visible token, in ms. */
  thinkingMs?: number;
  /** The models this account has: GET /models lists them, and any other is "not found". */
  models?: string[];
}

/** What GET /models lists when a test does not say: each API's own chat models (OpenAI's with its non-chat ones). */
const DEFAULT_MODELS: Record<OpenAIStyleApi, string[]> = {
  openai: ['gpt-5.6-luna', 'gpt-5.6-terra', 'gpt-5.6-sol', 'gpt-4o-mini'],
  deepseek: ['deepseek-v4-flash', 'deepseek-v4-pro'],
  ollama: ['llama3.2:latest'],
};
const NON_CHAT: Record<OpenAIStyleApi, string[]> = { openai: ['text-embedding-3-small', 'whisper-1'], deepseek: [], ollama: [] };
const DEFAULT_REASONING = 'The user wants a short summary. I will keep the key figure and drop the rest.';

const openAIError = (message: string, type: string, code: string | null) => ({ error: { message, type, param: null, code } });

function authorise(request: RecordedRequest, response: ServerResponse, options: OpenAIFakeOptions): boolean {
  if (keyAccepted(request, OPENAI_KEY, options.keys)) return true;
  const key = keyOf(request, OPENAI_KEY);
  const message = key
    ? `Incorrect API key provided: ${maskedEcho(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`
    : "You didn't provide an API key.";
  sendJson(response, 401, openAIError(message, 'invalid_request_error', 'invalid_api_key'));
  return false;
}

/** Words as a model streams them: the first bare, the others with their leading space. */
const spaced = (words: string[]) => words.map((word, index) => (index === 0 ? word : ` ${word}`));

/** Splits fixed text into small chunks, as a provider would stream it (tags fall across chunks). */
const chunked = (content: string) => content.match(/[\s\S]{1,8}/g) ?? [];

/** How this API shows a model's reasoning, if it does. */
function reasoningFor(api: OpenAIStyleApi, model: string, options: OpenAIFakeOptions): Pick<ChatStream, 'reasoning' | 'reasoningField'> {
  if (api === 'deepseek' && model !== 'deepseek-chat') {
    return { reasoning: chunked(options.reasoning ?? DEFAULT_REASONING), reasoningField: 'reasoning_content' };
  }
  if (api === 'ollama' && options.reasoning) return { reasoning: chunked(options.reasoning), reasoningField: 'reasoning' };
  return {};
}

async function chatCompletions(request: RecordedRequest, response: ServerResponse, options: OpenAIFakeOptions, seen: Set<string>) {
  const api = options.api ?? 'openai';
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(request.body || '{}') as Record<string, unknown>;
  } catch {
    return sendJson(response, 400, openAIError('We could not parse the JSON body of your request.', 'invalid_request_error', null));
  }
  const rejection = rejectionFor(api, body);
  if (rejection) return sendJson(response, rejection.status, rejection.body);
  const model = String(body.model);
  const { scenario, tokens, delayMs } = scenarioOf(model);
  const base = {
    model,
    delayMs,
    thinkingMs: options.thinkingMs ?? 0,
    beforeAnswer: options.beforeAnswer,
    ...reasoningFor(api, model, options),
  };
  // Transient faults: the first request fails mid-stream, the next one succeeds (what Retry is for).
  if (model === 'cut-once') {
    const first = !seen.has(model);
    seen.add(model);
    const words = spaced(answerWords(first ? 6 : 8, first ? 'partial' : 'answer'));
    return streamChat(response, { ...base, pieces: words, delayMs: 5, ...(first ? { cutAfter: 3 } : {}) });
  }
  if (scenario === 'ok' && options.models && !options.models.includes(model)) {
    const notFound = modelNotFound(api, model);
    return sendJson(response, notFound.status, notFound.body);
  }
  if (options.content !== undefined && scenario === 'ok') return streamChat(response, { ...base, pieces: chunked(options.content) });
  switch (scenario) {
    case 'fault-400':
      return sendJson(response, 400, openAIError("Invalid value for 'messages'.", 'invalid_request_error', null));
    case 'fault-403':
      return sendJson(
        response,
        403,
        openAIError('Project does not have access to this model.', 'invalid_request_error', 'model_not_available'),
      );
    case 'fault-404': {
      const notFound = modelNotFound(api, model);
      return sendJson(response, notFound.status, notFound.body);
    }
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
      response.write(
        `data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta: { content: 'Partial' }, finish_reason: null }] })}\n\n`,
      );
      return void response.end('data: {"choices": [ this is not json\n\n');
    case 'fault-cut':
      return streamChat(response, { ...base, pieces: spaced(answerWords(6, 'partial')), delayMs: 5, cutAfter: 3 });
    case 'fault-hang':
      return; // accepts the connection, never answers
    default:
      return streamChat(response, { ...base, pieces: spaced(answerWords(tokens)) });
  }
}

/** OpenAI's chat completions API as the wire has it (also DeepSeek's, and Ollama's /v1, with `api`). */
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
      const api = options.api ?? 'openai';
      const ids = [...(options.models ?? DEFAULT_MODELS[api]), ...NON_CHAT[api]];
      return sendJson(response, 200, { object: 'list', data: ids.map((id) => ({ id, object: 'model', created: 1, owned_by: 'system' })) });
    }
    if (path === '/chat/completions' && request.method === 'POST') {
      if (!authorise(request, response, options)) return;
      return chatCompletions(request, timedResponse(response, options), options, seen);
    }
    sendJson(response, 404, openAIError(`Invalid URL (${request.method} ${request.path})`, 'invalid_request_error', null));
  }, options.host);
}
