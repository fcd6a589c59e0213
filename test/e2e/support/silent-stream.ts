import { type FakeServer, sleep, startFake } from '../../fakes/http';

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-silent', object: 'chat.completion.chunk', created: 1, model: 'silent', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/** What the silent fake's answer says, whole: the test expects all of it, not a partial "interrupted" one. */
export const SILENT_ANSWER = 'Before the pause w1 w2 after the pause w3 done';

/**
 * An OpenAI chat-completions stream (SSE, the real wire format) that sends a few tokens, then
 * nothing at all for `silenceMs` (a reasoning model thinking mid-answer), then the rest.
 */
export function startSilentOpenAI(key: string, silenceMs: number): Promise<FakeServer> {
  return startFake(async (request, response) => {
    if (request.path !== '/v1/chat/completions' || request.headers.authorization !== `Bearer ${key}`) {
      response.writeHead(401, { 'content-type': 'application/json' });
      return void response.end('{"error":{"message":"bad key","type":"invalid_request_error","code":"invalid_api_key"}}');
    }
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    response.write(chunk({ role: 'assistant', content: '' }));
    for (const piece of ['Before the pause', ' w1', ' w2']) response.write(chunk({ content: piece }));
    response.socket?.uncork();
    await sleep(silenceMs);
    if (response.destroyed) return;
    for (const piece of [' after the pause', ' w3', ' done']) response.write(chunk({ content: piece }));
    response.write(chunk({}, 'stop'));
    response.end('data: [DONE]\n\n');
  });
}
