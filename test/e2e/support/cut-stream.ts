import type { ServerResponse } from 'node:http';
import { type FakeServer, startFake } from '../../fakes/http';

export interface CuttableFake {
  fake: FakeServer;
  /** Cuts the held stream (destroys its socket), once the test has seen the partial text arrive. */
  cut(): void;
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-cut', object: 'chat.completion.chunk', created: 1, model: 'cut', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

function complete(response: ServerResponse, words: string[]): void {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  response.write(chunk({ role: 'assistant', content: '' }));
  for (const [index, word] of words.entries()) response.write(chunk({ content: index === 0 ? word : ` ${word}` }));
  response.write(chunk({}, 'stop'));
  response.end('data: [DONE]\n\n');
}

/**
 * An OpenAI-style endpoint whose streams are cut mid-answer at a moment the test chooses.
 * The shared fake's `fault-cut` / `cut-once` destroy the socket a few milliseconds after the
 * first chunks, which races the client: when the reset wins, the partial text never arrives
 * and the engine (rightly) retries before the first token. Holding the stream open until the
 * test has seen the partial text on screen makes the cut land mid-answer every time.
 *
 * `once`: only the first stream is cut; later requests complete ("Answer w1 … w7").
 */
export async function startCuttableOpenAI(options: { keys: string[]; once: boolean }): Promise<CuttableFake> {
  let release: (() => void) | undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let streams = 0;
  const fake = await startFake(async (request, response) => {
    if (request.path !== '/v1/chat/completions' || request.method !== 'POST') {
      response.writeHead(404, { 'content-type': 'application/json' });
      return void response.end('{"error":{"message":"not found"}}');
    }
    const key = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!key || !options.keys.includes(key)) {
      response.writeHead(401, { 'content-type': 'application/json' });
      return void response.end('{"error":{"message":"bad key","type":"invalid_request_error","code":"invalid_api_key"}}');
    }
    streams++;
    if (options.once && streams > 1) return complete(response, ['Answer', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7']);
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    response.write(chunk({ role: 'assistant', content: '' }));
    for (const piece of ['Partial', ' w1', ' w2']) response.write(chunk({ content: piece }));
    await released;
    response.socket?.destroy();
  });
  return { fake, cut: () => release?.() };
}
