import type { ServerResponse } from 'node:http';
import { answerWords, type FakeServer, HTML_ERROR_PAGE, scenarioOf, sendJson, sendText, sleep, startFake } from './http';
import { GEMINI_KEY, keyAccepted } from './keys';

const googleError = (code: number, message: string, status: string) => ({ error: { code, message, status } });

/**
 * The fields a generateContent request may carry (ai.google.dev/api/generate-content), in
 * either JSON spelling; the API refuses others with 400 INVALID_ARGUMENT, "Unknown name".
 */
const REQUEST_FIELDS = ['contents', 'systemInstruction', 'generationConfig', 'safetySettings', 'tools', 'toolConfig', 'cachedContent'];
const GENERATION_FIELDS = [
  'stopSequences',
  'responseMimeType',
  'responseSchema',
  'responseJsonSchema',
  'responseModalities',
  'candidateCount',
  'maxOutputTokens',
  'temperature',
  'topP',
  'topK',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
  'responseLogprobs',
  'logprobs',
  'thinkingConfig',
  'mediaResolution',
  'speechConfig',
];
const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const known = (names: string[]) => new Set(names.flatMap((name) => [name, snake(name)]));
const KNOWN_REQUEST = known(REQUEST_FIELDS);
const KNOWN_GENERATION = known(GENERATION_FIELDS);

/** The first field the API would not know, as it names it: `"name"` or `"name" at 'generation_config'`. */
function unknownField(body: Record<string, unknown>): string | undefined {
  const top = Object.keys(body).find((field) => !KNOWN_REQUEST.has(field));
  if (top) return `"${top}"`;
  const config = (body.generationConfig ?? body.generation_config ?? {}) as Record<string, unknown>;
  const inner = Object.keys(config).find((field) => !KNOWN_GENERATION.has(field));
  return inner ? `"${inner}" at 'generation_config'` : undefined;
}

function unknownFieldError(name: string) {
  const description = `Invalid JSON payload received. Unknown name ${name}: Cannot find field.`;
  return {
    error: {
      code: 400,
      message: description,
      status: 'INVALID_ARGUMENT',
      details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description }] }],
    },
  };
}

const candidate = (text: string, finishReason?: string) => ({
  candidates: [{ content: { parts: [{ text }], role: 'model' }, ...(finishReason ? { finishReason } : {}), index: 0 }],
  usageMetadata: { promptTokenCount: 18, candidatesTokenCount: 4, totalTokenCount: 22 },
  modelVersion: 'gemini-fake',
});

async function stream(response: ServerResponse, words: string[], delayMs: number, cutAfter?: number, thoughts?: string): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  if (thoughts) {
    // A thought summary: a part marked `thought`, as when thinkingConfig.includeThoughts is set.
    const summary = { candidates: [{ content: { parts: [{ text: thoughts, thought: true }], role: 'model' }, index: 0 }] };
    response.write(`data: ${JSON.stringify(summary)}\r\n\r\n`);
  }
  for (const [index, word] of words.entries()) {
    if (response.destroyed) return;
    if (cutAfter !== undefined && index === cutAfter) return void response.socket?.destroy();
    const last = index === words.length - 1;
    response.write(`data: ${JSON.stringify(candidate(index === 0 ? word : ` ${word}`, last ? 'STOP' : undefined))}\r\n\r\n`);
    if (delayMs) await sleep(delayMs);
  }
  response.end();
}

async function generate(response: ServerResponse, model: string, thoughts?: string): Promise<void> {
  const { scenario, tokens, delayMs } = scenarioOf(model);
  switch (scenario) {
    case 'fault-403':
      return sendJson(response, 403, googleError(403, "Method doesn't allow unregistered callers.", 'PERMISSION_DENIED'));
    case 'fault-404':
      return sendJson(
        response,
        404,
        googleError(404, `models/${model} is not found for API version v1beta, or is not supported for generateContent.`, 'NOT_FOUND'),
      );
    case 'fault-429':
      return sendJson(response, 429, googleError(429, 'Resource has been exhausted (e.g. check quota).', 'RESOURCE_EXHAUSTED'));
    case 'fault-500':
      return sendJson(response, 500, googleError(500, 'An internal error has occurred.', 'INTERNAL'));
    case 'fault-html':
      return sendText(response, 502, HTML_ERROR_PAGE, 'text/html');
    case 'fault-blocked':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      return void response.end(
        `data: ${JSON.stringify({ candidates: [{ finishReason: 'SAFETY', index: 0, safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH' }] }] })}\r\n\r\n`,
      );
    case 'fault-malformed':
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      return void response.end('data: {"candidates": [ broken\r\n\r\n');
    case 'fault-cut':
      return stream(response, answerWords(6, 'partial'), 5, 3);
    case 'fault-hang':
      return;
    default:
      return stream(response, answerWords(tokens), delayMs, undefined, thoughts);
  }
}

/** The Gemini API: key in x-goog-api-key, an invalid key is a 400, streams as SSE with alt=sse. */
export async function startGeminiFake(options: { keys: string[]; thoughts?: string }): Promise<FakeServer> {
  return startFake(async (request, response) => {
    if (!keyAccepted(request, GEMINI_KEY, options.keys)) {
      return sendJson(response, 400, googleError(400, 'API key not valid. Please pass a valid API key.', 'INVALID_ARGUMENT'));
    }
    if (request.path === '/v1beta/models' && request.method === 'GET') {
      return sendJson(response, 200, {
        models: [
          { name: 'models/gemini-2.5-flash', supportedGenerationMethods: ['generateContent', 'countTokens'] },
          { name: 'models/text-embedding-004', supportedGenerationMethods: ['embedContent'] },
        ],
      });
    }
    const match = /^\/v1beta\/models\/([^:]+):streamGenerateContent$/.exec(request.path);
    if (match?.[1] && request.method === 'POST') {
      const unknown = unknownField(JSON.parse(request.body || '{}') as Record<string, unknown>);
      if (unknown) return sendJson(response, 400, unknownFieldError(unknown));
      return generate(response, decodeURIComponent(match[1]), options.thoughts);
    }
    sendJson(response, 404, googleError(404, 'Not found', 'NOT_FOUND'));
  });
}
