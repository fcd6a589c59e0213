import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/worker/providers/registry';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { collect, lastPart, MESSAGES, textOf } from '../helpers';

describe('ollama through its OpenAI-compatible /v1 endpoint', () => {
  let fake: FakeServer;
  const call = (model: string, baseUrl = fake.url) =>
    collect(ADAPTERS.ollama.stream({ baseUrl }, { model, messages: MESSAGES, maxTokens: 64, signal: new AbortController().signal }));

  beforeAll(async () => {
    fake = await startOpenAIFake({ rejectExtensionOrigins: true, ollamaTags: ['llama3.2:latest', 'qwen2.5:7b'] });
  });
  afterAll(() => fake.close());

  it('streams with no key: no Authorization header at all', async () => {
    const parts = await call('llama3.2');
    expect(textOf(parts)).toBe('Answer w1 w2 w3 w4 w5 w6 w7');
    const request = fake.requests.at(-1);
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('lists the pulled models from /api/tags', async () => {
    expect(await ADAPTERS.ollama.listModels({ baseUrl: fake.url }, new AbortController().signal)).toEqual([
      'llama3.2:latest',
      'qwen2.5:7b',
    ]);
  });

  it('tells the user the exact OLLAMA_ORIGINS line on an origin 403', async () => {
    const original = globalThis.fetch;
    // What a browser does: it adds our Origin. Ollama answers 403 with an empty body.
    globalThis.fetch = (input, init) =>
      original(input, {
        ...init,
        headers: { ...Object.fromEntries(new Headers(init?.headers)), origin: 'chrome-extension://abcdefghijklmnop' },
      });
    try {
      const last = lastPart(await call('llama3.2'));
      expect(last).toMatchObject({ type: 'error', error: { kind: 'ollama-origin', status: 403 } });
      if (last?.type === 'error') expect(last.error.setting).toMatch(/^OLLAMA_ORIGINS=/);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('reports Ollama not running as unreachable, naming its URL', async () => {
    const last = lastPart(await call('llama3.2', 'http://127.0.0.1:9'));
    expect(last).toMatchObject({ type: 'error', error: { kind: 'network', url: 'http://127.0.0.1:9' } });
  });
});
