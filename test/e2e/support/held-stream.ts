import type { ServerResponse } from 'node:http';
import { type FakeServer, startFake } from '../../fakes/http';

/**
 * An OpenAI chat-completions endpoint (SSE, the real wire format) whose answers the test
 * holds open: a model named "held-<name>" streams "<name> begins w1 w2", then waits until
 * `release(name)`, then sends "w3 … <name> ends" and finishes. Any other model answers at
 * once ("Answer w1 … w7"). Tests order answers by releasing them, never by the clock.
 */
export interface HeldOpenAI {
  fake: FakeServer;
  release(name: string): void;
  /** The requests for one held answer, in order (to see which one was cut, and how many were made). */
  requestsFor(name: string): FakeServer['requests'];
  close(): Promise<void>;
}

const chunk = (model: string, delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-held', object: 'chat.completion.chunk', created: 1, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

function send(response: ServerResponse, model: string, pieces: string[], end: boolean): void {
  for (const piece of pieces) response.write(chunk(model, { content: piece }));
  response.socket?.uncork();
  if (!end) return;
  response.write(chunk(model, {}, 'stop'));
  response.end('data: [DONE]\n\n');
}

export async function startHeldOpenAI(key: string): Promise<HeldOpenAI> {
  const gates = new Map<string, { promise: Promise<void>; open(): void }>();
  const gate = (name: string) => {
    let found = gates.get(name);
    if (!found) {
      let open: () => void = () => undefined;
      const promise = new Promise<void>((resolve) => {
        open = resolve;
      });
      found = { promise, open };
      gates.set(name, found);
    }
    return found;
  };
  const fake = await startFake(async (request, response) => {
    if (request.path !== '/v1/chat/completions' || request.headers.authorization !== `Bearer ${key}`) {
      response.writeHead(401, { 'content-type': 'application/json' });
      return void response.end('{"error":{"message":"bad key","type":"invalid_request_error","code":"invalid_api_key"}}');
    }
    const model = (JSON.parse(request.body) as { model: string }).model;
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    response.write(chunk(model, { role: 'assistant', content: '' }));
    const held = /^held-(.+)$/.exec(model)?.[1];
    if (!held) return send(response, model, ['Answer', ' w1', ' w2', ' w3', ' w4', ' w5', ' w6', ' w7'], true);
    send(response, model, [`${held} begins`, ' w1', ' w2'], false);
    await gate(held).promise;
    if (!response.destroyed) send(response, model, [' w3', ' w4', ` ${held} ends`], true);
  });
  return {
    fake,
    release: (name) => gate(name).open(),
    requestsFor: (name) => fake.requests.filter((request) => request.body.includes(`"held-${name}"`)),
    close: () => {
      for (const { open } of gates.values()) open();
      return fake.close();
    },
  };
}
