import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/worker/providers/registry';
import { startGeminiFake } from '../../fakes/gemini-fake';
import type { FakeServer } from '../../fakes/http';
import { collect, lastPart, MESSAGES, testKey, textOf } from '../helpers';

const KEY = `AIza${testKey('').slice(0, 35)}`;

describe('gemini through @google/generative-ai', () => {
  let fake: FakeServer;
  const call = (model: string, apiKey = KEY, signal = new AbortController().signal) =>
    collect(ADAPTERS.gemini.stream({ baseUrl: fake.url, apiKey }, { model, messages: MESSAGES, maxTokens: 64, signal }));

  beforeAll(async () => {
    fake = await startGeminiFake({ keys: [KEY] });
  });
  afterAll(() => fake.close());

  it('streams candidates in order and finishes with usage', async () => {
    const parts = await call('gemini-test');
    expect(textOf(parts)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
    expect(lastPart(parts)).toMatchObject({ type: 'finish', reason: 'stop', usage: { inputTokens: 18 } });
  });

  it('sends the key in x-goog-api-key, never in the URL', async () => {
    await call('gemini-test');
    const request = fake.requests.at(-1);
    expect(request?.headers['x-goog-api-key']).toBe(KEY);
    expect(request?.url).not.toContain(KEY);
    expect(request?.url).toBe('/v1beta/models/gemini-test:streamGenerateContent?alt=sse');
    expect(request?.body).not.toContain(KEY);
    const body = JSON.parse(request?.body ?? '{}');
    expect(body.systemInstruction).toBeTruthy();
    expect(body.generationConfig).toMatchObject({ maxOutputTokens: 64 });
    expect(body.contents).toEqual([{ role: 'user', parts: [{ text: 'Say the words.' }] }]);
  });

  it('reads Gemini’s 400 "API key not valid" as an invalid key', async () => {
    const last = lastPart(await call('gemini-test', 'AIzaWRONGWRONGWRONGWRONGWRONGWRONGWRONG'));
    expect(last).toMatchObject({ type: 'error', error: { kind: 'auth', status: 400 } });
  });

  it.each([
    ['fault-429', 'rate-limit', 429],
    ['fault-404', 'model-not-found', 404],
    ['fault-500', 'server', 500],
    ['fault-403', 'permission', 403],
  ])('maps %s to %s', async (model, kind, status) => {
    expect(lastPart(await call(model))).toMatchObject({ type: 'error', error: { kind, status } });
  });

  it('reports an answer blocked by the safety filter', async () => {
    expect(lastPart(await call('fault-blocked'))).toMatchObject({ type: 'error', error: { kind: 'blocked' } });
  });

  it('reports a cut stream, keeping the text before the cut', async () => {
    const parts = await call('fault-cut');
    expect(textOf(parts)).toBe('Partial w1 w2');
    expect(lastPart(parts)).toMatchObject({ type: 'error', error: { kind: 'incomplete' } });
  });

  it('closes the connection when cancelled', async () => {
    const controller = new AbortController();
    const closed = fake.waitForClose();
    let count = 0;
    for await (const _part of ADAPTERS.gemini.stream(
      { baseUrl: fake.url, apiKey: KEY },
      { model: 'slow', messages: MESSAGES, maxTokens: 8, signal: controller.signal },
    )) {
      if (++count === 3) controller.abort();
    }
    expect((await closed).closedEarly).toBe(true);
  });

  it('lists only models that generate content', async () => {
    expect(await ADAPTERS.gemini.listModels({ baseUrl: fake.url, apiKey: KEY }, new AbortController().signal)).toEqual([
      'gemini-2.5-flash',
    ]);
  });
});
