import type { ServerResponse } from 'node:http';
import { type FakeServer, startFake } from '../../fakes/http';

/**
 * An OpenAI chat-completions endpoint (SSE, as the wire has it) whose answers wait at a gate
 * the test opens: the model name "gate-<name>" streams "<name> says" and two words, then
 * holds the stream open until `release(name)`, then sends the rest and finishes. Tests order
 * events by gates, never by the clock.
 */
export interface GatedOpenAI {
  fake: FakeServer;
  /** Resolves once a request for this gate has sent its first words. */
  started(name: string): Promise<void>;
  release(name: string): void;
  /** Opens every gate, so a failed test leaves no answer running into the next one. */
  releaseAll(): void;
  close(): Promise<void>;
}

const chunk = (model: string, delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-gated', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

export async function startGatedOpenAI(key: string): Promise<GatedOpenAI> {
  const gates = new Map<string, { started: ReturnType<typeof deferred>; released: ReturnType<typeof deferred> }>();
  const gate = (name: string) => {
    let found = gates.get(name);
    if (!found) {
      found = { started: deferred(), released: deferred() };
      gates.set(name, found);
    }
    return found;
  };
  const write = (response: ServerResponse, text: string) => {
    response.write(text);
    response.socket?.uncork();
  };
  const fake = await startFake(async (request, response) => {
    if (request.path !== '/v1/chat/completions' || request.headers.authorization !== `Bearer ${key}`) {
      response.writeHead(401, { 'content-type': 'application/json' });
      return void response.end('{"error":{"message":"bad key","type":"invalid_request_error","code":"invalid_api_key"}}');
    }
    const model = (JSON.parse(request.body) as { model: string }).model;
    const name = model.replace(/^gate-/, '');
    const { started, released } = gate(name);
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    write(response, chunk(model, { role: 'assistant', content: '' }));
    for (const piece of [`${name} says`, ' w1', ' w2']) write(response, chunk(model, { content: piece }));
    started.resolve();
    await released.promise;
    if (response.destroyed) return;
    for (const piece of [' w3', ' done']) write(response, chunk(model, { content: piece }));
    write(response, chunk(model, {}, 'stop'));
    response.end('data: [DONE]\n\n');
  });
  return {
    fake,
    started: (name) => gate(name).started.promise,
    release: (name) => gate(name).released.resolve(),
    releaseAll: () => {
      for (const { released } of gates.values()) released.resolve();
    },
    close: () => fake.close(),
  };
}
