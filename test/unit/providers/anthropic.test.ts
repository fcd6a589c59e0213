import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/worker/providers/registry';
import { anthropicKeyOf, startAnthropicFake } from '../../fakes/anthropic-fake';
import type { FakeServer } from '../../fakes/http';
import { collect, lastPart, MESSAGES, testKey, textOf } from '../helpers';

const KEY = testKey('sk-ant-test-');

describe('claude through @anthropic-ai/sdk', () => {
  let fake: FakeServer;
  const call = (model: string, apiKey = KEY, signal = new AbortController().signal) =>
    collect(ADAPTERS.claude.stream({ baseUrl: fake.url, apiKey }, { model, messages: MESSAGES, maxTokens: 64, signal }));

  beforeAll(async () => {
    fake = await startAnthropicFake({ keys: [KEY] });
  });
  afterAll(() => fake.close());

  it('streams text_delta events in order and reports stop reason and usage', async () => {
    const parts = await call('claude-test');
    expect(textOf(parts)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
    expect(lastPart(parts)).toEqual({ type: 'finish', reason: 'stop', usage: { inputTokens: 25, outputTokens: 8 } });
  });

  it('sends the key in a header only, the API version, and the system prompt apart', async () => {
    await call('claude-test');
    const request = fake.requests.at(-1);
    // SDK 1.x sends Authorization: Bearer; the API also accepts x-api-key. Assert what was actually sent.
    expect(anthropicKeyOf(request ?? ({ headers: {} } as never))).toBe(KEY);
    expect(request?.headers['anthropic-version']).toBeTruthy();
    expect(request?.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    expect(request?.url).not.toContain(KEY);
    expect(request?.body).not.toContain(KEY);
    const body = JSON.parse(request?.body ?? '{}');
    expect(body).toMatchObject({
      model: 'claude-test',
      max_tokens: 64,
      stream: true,
      system: 'You are a test.',
      messages: [{ role: 'user', content: 'Say the words.' }],
    });
  });

  it('reports an invalid key as auth', async () => {
    expect(lastPart(await call('claude-test', 'sk-ant-wrong-0000000000000000'))).toMatchObject({
      type: 'error',
      error: { kind: 'auth', status: 401, provider: 'claude' },
    });
  });

  it.each([
    ['fault-529', 'overloaded', 529],
    ['fault-429', 'rate-limit', 429],
    ['fault-404', 'model-not-found', 404],
    ['fault-500', 'server', 500],
    ['fault-403', 'permission', 403],
    ['fault-html', 'server', 502],
  ])('maps %s to %s', async (model, kind, status) => {
    expect(lastPart(await call(model))).toMatchObject({ type: 'error', error: { kind, status } });
  });

  it('surfaces an error event in the middle of the stream, keeping the text before it', async () => {
    const parts = await call('fault-blocked');
    expect(textOf(parts)).toBe('Partial w1');
    expect(lastPart(parts)).toMatchObject({ type: 'error', error: { kind: 'overloaded' } });
  });

  it('reports a stream cut before message_stop as incomplete', async () => {
    const parts = await call('fault-cut');
    expect(textOf(parts)).toBe('Partial w1');
    expect(lastPart(parts)).toMatchObject({ type: 'error', error: { kind: 'incomplete' } });
  });

  it('closes the connection when cancelled', async () => {
    const controller = new AbortController();
    const closed = fake.waitForClose();
    let count = 0;
    for await (const _part of ADAPTERS.claude.stream(
      { baseUrl: fake.url, apiKey: KEY },
      { model: 'slow', messages: MESSAGES, maxTokens: 8, signal: controller.signal },
    )) {
      if (++count === 3) controller.abort();
    }
    expect((await closed).closedEarly).toBe(true);
  });

  it('lists models from /v1/models', async () => {
    expect(await ADAPTERS.claude.listModels({ baseUrl: fake.url, apiKey: KEY }, new AbortController().signal)).toEqual([
      'claude-sonnet-4-5',
    ]);
  });
});
