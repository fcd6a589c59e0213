import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveKey } from '@/lib/worker/secrets/key-store';
import { startAnthropicFake } from '../../fakes/anthropic-fake';
import { startGeminiFake } from '../../fakes/gemini-fake';
import { startGromptFake } from '../../fakes/grompt-fake';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { testKey } from '../helpers';
import { runRequest, useSettings } from './harness';

const KEYS = {
  openai: testKey('sk-proj-'),
  chatgpt: testKey('sk-'),
  deepseek: testKey('sk-'),
  claude: testKey('sk-ant-api03-'),
  gemini: `AIza${testKey('').slice(0, 35)}`,
};
type KeyedProvider = keyof typeof KEYS;
const PROVIDERS = Object.keys(KEYS) as KeyedProvider[];
const summarize = { feature: 'summarizer' as const, input: { text: 'Tidal turbines produced power. Salmon counts did not change.' } };

let openai: FakeServer;
let deepseek: FakeServer;
let anthropic: FakeServer;
let gemini: FakeServer;
let grompt: FakeServer;
let ollama: FakeServer;
let all: FakeServer[];

function baseUrls() {
  return {
    openai: `${openai.url}/v1`,
    chatgpt: `${openai.url}/v1`,
    deepseek: deepseek.url,
    claude: anthropic.url,
    gemini: gemini.url,
    ollama: ollama.url,
  };
}

const fakeOf = (provider: KeyedProvider) =>
  provider === 'claude' ? anthropic : provider === 'gemini' ? gemini : provider === 'deepseek' ? deepseek : openai;
const requestCount = () => all.reduce((sum, fake) => sum + fake.requests.length, 0);

beforeAll(async () => {
  openai = await startOpenAIFake({ keys: [KEYS.openai, KEYS.chatgpt] });
  deepseek = await startOpenAIFake({ api: 'deepseek', keys: [KEYS.deepseek] });
  anthropic = await startAnthropicFake({ keys: [KEYS.claude] });
  gemini = await startGeminiFake({ keys: [KEYS.gemini] });
  grompt = await startGromptFake({ prefix: '/api/v1', serverKeys: ['openai'], validKeys: [KEYS.openai] });
  ollama = await startOpenAIFake({ api: 'ollama', ollamaTags: ['llama3.2'] });
  all = [openai, deepseek, anthropic, gemini, grompt, ollama];
});
afterAll(() => Promise.all(all.map((fake) => fake.close())));
beforeEach(() => {
  fakeBrowser.reset();
  for (const fake of all) fake.requests.length = 0;
});

describe('no key, no server: demo', () => {
  it('answers from the local demo template and contacts nobody', async () => {
    await useSettings({ baseUrls: baseUrls() });
    const job = await runRequest({ ...summarize, provider: 'openai' });
    expect(job).toMatchObject({ status: 'done', mode: 'demo' });
    expect(job.text).toContain('Tidal turbines produced power.');
    expect(requestCount()).toBe(0);
  });
});

describe.each(PROVIDERS)('BYOK with %s', (provider) => {
  it('calls the provider directly, with the key only in its header', async () => {
    await useSettings({ baseUrls: baseUrls(), server: { url: grompt.url, prefix: 'auto', routing: 'direct' } });
    await saveKey(provider, KEYS[provider]);
    const job = await runRequest({ ...summarize, provider, model: 'test-model' });
    expect(job).toMatchObject({ status: 'done', mode: 'byok', text: 'Answer w1 w2 w3 w4 w5 w6 w7' });
    expect(grompt.requests).toHaveLength(0);
    const sent = fakeOf(provider).requests.at(-1);
    const headers = JSON.stringify(sent?.headers);
    expect(headers).toContain(KEYS[provider]);
    expect(sent?.url).not.toContain(KEYS[provider]);
    expect(sent?.body).not.toContain(KEYS[provider]);
  });

  it('reports a rejected key as an error naming the provider, with no fallback to server or demo', async () => {
    await useSettings({ baseUrls: baseUrls(), server: { url: grompt.url, prefix: 'auto', routing: 'direct' } });
    await saveKey(provider, `${KEYS[provider]}-revoked`);
    const job = await runRequest({ ...summarize, provider, model: 'test-model' });
    expect(job.status).toBe('error');
    expect(job.error?.kind).toBe('auth');
    expect(job.error?.message).toMatch(/rejected the API key/);
    expect(job.mode).toBe('byok');
    expect(job.text).toBe('');
    expect(grompt.requests).toHaveLength(0);
    expect(JSON.stringify(job)).not.toContain(KEYS[provider]);
  });
});

describe('BYOK routed through the Grompt server', () => {
  it('sends the key in X-API-Key to the server only, and reports the server’s mode', async () => {
    await useSettings({ baseUrls: baseUrls(), server: { url: grompt.url, prefix: 'auto', routing: 'server' } });
    await saveKey('openai', KEYS.openai);
    const job = await runRequest({ ...summarize, provider: 'openai' });
    expect(job).toMatchObject({ status: 'done', mode: 'byok' });
    expect(openai.requests).toHaveLength(0);
    const unified = grompt.requests.find((request) => request.path === '/api/v1/unified');
    expect(unified?.headers['x-api-key']).toBe(KEYS.openai);
    expect(unified?.body).not.toContain(KEYS.openai);
    expect(JSON.parse(unified?.body ?? '{}')).toMatchObject({ provider: 'openai', max_tokens: expect.any(Number) });
    expect(grompt.requests.some((request) => request.path.endsWith('/config'))).toBe(false);
  });

  it('a key the server’s upstream rejects is an auth error, redacted, with no fallback', async () => {
    await useSettings({ baseUrls: baseUrls(), server: { url: grompt.url, prefix: 'auto', routing: 'server' } });
    const bad = testKey('sk-proj-');
    await saveKey('openai', bad);
    const job = await runRequest({ ...summarize, provider: 'openai' });
    expect(job.status).toBe('error');
    expect(job.error?.kind).toBe('auth');
    expect(job.error?.message).toContain('OpenAI');
    expect(job.error?.message).toContain('via the Grompt server');
    expect(JSON.stringify(job.error)).not.toContain(bad.slice(0, 8));
    expect(JSON.stringify(job.error)).not.toContain(bad.slice(-4));
    expect(job.text).toBe('');
  });

  it('uses claude (never anthropic) as the provider name', async () => {
    await useSettings({ baseUrls: baseUrls(), server: { url: grompt.url, prefix: 'auto', routing: 'server' } });
    await saveKey('claude', KEYS.claude);
    await runRequest({ ...summarize, provider: 'claude' });
    const unified = grompt.requests.find((request) => request.path === '/api/v1/unified');
    expect(JSON.parse(unified?.body ?? '{}').provider).toBe('claude');
  });
});

describe('no key, a Grompt server configured', () => {
  it('uses the server’s own configuration, without any key header, mode server', async () => {
    await useSettings({ baseUrls: baseUrls(), server: { url: grompt.url, prefix: 'auto', routing: 'direct' } });
    const job = await runRequest({ ...summarize, provider: 'openai' });
    expect(job).toMatchObject({ status: 'done', mode: 'server' });
    const unified = grompt.requests.find((request) => request.path === '/api/v1/unified');
    expect(Object.keys(unified?.headers ?? {}).filter((name) => name.includes('key'))).toEqual([]);
    expect(openai.requests).toHaveLength(0);
  });

  it('reports the server’s demo mode when it has no key for that provider', async () => {
    await useSettings({ baseUrls: baseUrls(), server: { url: grompt.url, prefix: 'auto', routing: 'direct' } });
    const job = await runRequest({ ...summarize, provider: 'gemini' });
    expect(job).toMatchObject({ status: 'done', mode: 'demo' });
    expect(job.text).toContain('Demo mode');
  });
});

describe('Ollama needs no key', () => {
  it('runs locally, mode local, without Authorization', async () => {
    await useSettings({ baseUrls: baseUrls() });
    const job = await runRequest({ ...summarize, provider: 'ollama', model: 'llama3.2' });
    expect(job).toMatchObject({ status: 'done', mode: 'local' });
    expect(ollama.requests.at(-1)?.headers.authorization).toBeUndefined();
    expect(openai.requests).toHaveLength(0);
  });
});
