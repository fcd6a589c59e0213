import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/worker/providers/registry';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { collect, lastPart, MESSAGES, testKey, textOf } from '../helpers';

const KEY = testKey('sk-test-');

describe.each(['openai', 'chatgpt', 'deepseek'] as const)('%s through the openai SDK', (provider) => {
  let fake: FakeServer;
  // OpenAI's base URL includes /v1; DeepSeek's does not (its SDK path is /chat/completions at the root).
  const baseUrl = () => (provider === 'deepseek' ? fake.url : `${fake.url}/v1`);
  const call = (model: string, signal = new AbortController().signal) =>
    collect(ADAPTERS[provider].stream({ baseUrl: baseUrl(), apiKey: KEY }, { model, messages: MESSAGES, maxTokens: 64, signal }));

  beforeAll(async () => {
    fake = await startOpenAIFake({ keys: [KEY] });
  });
  afterAll(() => fake.close());

  it('streams the text in order and finishes with usage', async () => {
    const parts = await call('gpt-test');
    expect(textOf(parts)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
    expect(lastPart(parts)).toEqual({ type: 'finish', reason: 'stop', usage: { inputTokens: 21, outputTokens: 8 } });
  });

  it('sends the key only as a Bearer header, never in the URL or body', async () => {
    await call('gpt-test');
    const request = fake.requests.at(-1);
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.url).not.toContain(KEY);
    expect(request?.body).not.toContain(KEY);
    expect(request?.path).toBe(provider === 'deepseek' ? '/chat/completions' : '/v1/chat/completions');
    const body = JSON.parse(request?.body ?? '{}');
    expect(body).toMatchObject({ model: 'gpt-test', max_tokens: 64, stream: true, messages: MESSAGES });
  });

  it('reports a rejected key as auth, with the echoed key redacted', async () => {
    const parts = await collect(
      ADAPTERS[provider].stream(
        { baseUrl: baseUrl(), apiKey: 'sk-wrong-0123456789abcdef' },
        { model: 'x', messages: MESSAGES, maxTokens: 8, signal: new AbortController().signal },
      ),
    );
    const last = lastPart(parts);
    expect(last?.type).toBe('error');
    if (last?.type !== 'error') return;
    expect(last.error).toMatchObject({ kind: 'auth', status: 401, provider });
    expect(last.error.detail).toContain('Incorrect API key provided');
    expect(last.error.detail).not.toMatch(/sk-wro|cdef/);
  });

  it.each([
    ['fault-404', 'model-not-found', 404],
    ['fault-429', 'rate-limit', 429],
    ['fault-quota', 'quota', 429],
    ['fault-500', 'server', 500],
    ['fault-403', 'permission', 403],
    ['fault-400', 'bad-request', 400],
    ['fault-html', 'server', 502],
  ])('maps %s to %s', async (model, kind, status) => {
    const last = lastPart(await call(model));
    expect(last).toMatchObject({ type: 'error', error: { kind, status } });
    if (last?.type === 'error' && model === 'fault-429') expect(last.error.retryAfterSeconds).toBe(30);
    if (last?.type === 'error' && model === 'fault-html') expect(last.error.detail).not.toMatch(/<|script|alert/);
  });

  it('reports malformed stream JSON as a bad response', async () => {
    const parts = await call('fault-malformed');
    expect(lastPart(parts)).toMatchObject({ type: 'error', error: { kind: 'bad-response' } });
  });

  it('reports a stream cut in the middle as incomplete, keeping the text so far', async () => {
    const parts = await call('fault-cut');
    expect(textOf(parts)).toBe('Partial w1 w2');
    expect(lastPart(parts)).toMatchObject({ type: 'error', error: { kind: 'incomplete' } });
  });

  it('closes the connection when cancelled', async () => {
    const controller = new AbortController();
    const parts: string[] = [];
    const closed = fake.waitForClose();
    for await (const part of ADAPTERS[provider].stream(
      { baseUrl: baseUrl(), apiKey: KEY },
      { model: 'slow', messages: MESSAGES, maxTokens: 8, signal: controller.signal },
    )) {
      parts.push(part.type);
      if (parts.length === 3) controller.abort();
    }
    const request = await closed;
    expect(request.closedEarly).toBe(true);
    expect(parts.at(-1)).toBe('error');
  });

  it('lists chat models only', async () => {
    const models = await ADAPTERS[provider].listModels({ baseUrl: baseUrl(), apiKey: KEY }, new AbortController().signal);
    if (provider === 'deepseek') expect(models).toContain('gpt-4o');
    else expect(models).toEqual(['gpt-4o', 'gpt-4o-mini']);
  });

  it('refuses to send the key to another origin than the configured one', async () => {
    const parts = await collect(
      ADAPTERS[provider].stream(
        { baseUrl: 'http://api.openai.com.evil.test/v1', apiKey: KEY },
        { model: 'x', messages: MESSAGES, maxTokens: 8, signal: new AbortController().signal },
      ),
    );
    expect(lastPart(parts)).toMatchObject({ type: 'error', error: { kind: 'host-refused' } });
  });
});
