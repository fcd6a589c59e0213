import type { ServerResponse } from 'node:http';
import { answerWords, type FakeServer, HTML_ERROR_PAGE, scenarioOf, sendJson, sendText, sleep, startFake } from './http';

const googleError = (code: number, message: string, status: string) => ({ error: { code, message, status } });

const candidate = (text: string, finishReason?: string) => ({
  candidates: [{ content: { parts: [{ text }], role: 'model' }, ...(finishReason ? { finishReason } : {}), index: 0 }],
  usageMetadata: { promptTokenCount: 18, candidatesTokenCount: 4, totalTokenCount: 22 },
  modelVersion: 'gemini-fake',
});

async function stream(response: ServerResponse, words: string[], delayMs: number, cutAfter?: number): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const [index, word] of words.entries()) {
    if (response.destroyed) return;
    if (cutAfter !== undefined && index === cutAfter) return void response.socket?.destroy();
    const last = index === words.length - 1;
    response.write(`data: ${JSON.stringify(candidate(index === 0 ? word : ` ${word}`, last ? 'STOP' : undefined))}\r\n\r\n`);
    if (delayMs) await sleep(delayMs);
  }
  response.end();
}

async function generate(response: ServerResponse, model: string): Promise<void> {
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
      return stream(response, answerWords(tokens), delayMs);
  }
}

/** The Gemini API: key in x-goog-api-key, an invalid key is a 400, streams as SSE with alt=sse. */
export async function startGeminiFake(options: { keys: string[] }): Promise<FakeServer> {
  return startFake(async (request, response) => {
    const key = request.headers['x-goog-api-key'];
    if (!key || !options.keys.includes(key)) {
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
    if (match?.[1] && request.method === 'POST') return generate(response, decodeURIComponent(match[1]));
    sendJson(response, 404, googleError(404, 'Not found', 'NOT_FOUND'));
  });
}
