import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '@/lib/worker/providers/registry';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { collect, lastPart, MESSAGES, testKey } from '../helpers';

const call = (provider: keyof typeof ADAPTERS, baseUrl: string, apiKey?: string, model = 'gpt-5.6-luna') =>
  collect(
    ADAPTERS[provider].stream(
      { baseUrl, ...(apiKey ? { apiKey } : {}) },
      { model, messages: MESSAGES, maxTokens: 8, signal: new AbortController().signal },
    ),
  );

describe('keys never leak through errors or to other hosts', () => {
  const KEY = testKey('sk-proj-');
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startOpenAIFake({ keys: [KEY] });
  });
  afterAll(() => fake.close());

  it('redacts the key the provider echoes in its 401', async () => {
    const last = lastPart(await call('openai', `${fake.url}/v1`, 'sk-wrong-0123456789abcdef'));
    expect(last).toMatchObject({ type: 'error', error: { kind: 'auth', status: 401 } });
    if (last?.type !== 'error') return;
    expect(last.error.detail).toContain('Incorrect API key provided');
    expect(last.error.detail).not.toMatch(/sk-wro|cdef/);
  });

  it('refuses to send the key to another origin than the configured one', async () => {
    expect(lastPart(await call('openai', 'http://api.openai.com.evil.test/v1', KEY))).toMatchObject({
      type: 'error',
      error: { kind: 'host-refused' },
    });
  });
});

describe('Ollama', () => {
  let fake: FakeServer;
  beforeAll(async () => {
    fake = await startOpenAIFake({ api: 'ollama', rejectExtensionOrigins: true });
  });
  afterAll(() => fake.close());

  it('tells the user the exact OLLAMA_ORIGINS line on an origin 403', async () => {
    const original = globalThis.fetch;
    // What a browser does: it adds our Origin. Ollama answers 403 with an empty body.
    globalThis.fetch = (input, init) =>
      original(input, {
        ...init,
        headers: { ...Object.fromEntries(new Headers(init?.headers)), origin: 'chrome-extension://abcdefghijklmnop' },
      });
    try {
      const last = lastPart(await call('ollama', fake.url, undefined, 'llama3.2'));
      expect(last).toMatchObject({ type: 'error', error: { kind: 'ollama-origin', status: 403 } });
      if (last?.type === 'error') expect(last.error.setting).toMatch(/^OLLAMA_ORIGINS=/);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('reports Ollama not running as unreachable, naming its URL', async () => {
    const last = lastPart(await call('ollama', 'http://127.0.0.1:9', undefined, 'llama3.2'));
    expect(last).toMatchObject({ type: 'error', error: { kind: 'network', url: 'http://127.0.0.1:9' } });
  });
});
