import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CustomProvider } from '@/lib/settings/custom-providers';
import { listModels } from '@/lib/worker/background/models';
import { forgetKeysOf, removedProviders } from '@/lib/worker/secrets/custom-keys';
import { readKey, saveKey } from '@/lib/worker/secrets/key-store';
import { startGromptFake } from '../../fakes/grompt-fake';
import type { FakeServer } from '../../fakes/http';
import { mountOpenAIFake } from '../../fakes/mounted-fake';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { testKey } from '../helpers';
import { runRequest, useSettings } from './harness';

const KEY = testKey('sk-or-v1-');
const summarize = { feature: 'summarizer' as const, input: { text: 'Tidal turbines produced power. Salmon counts did not change.' } };

let keyedBackend: FakeServer;
let keyed: FakeServer;
let local: FakeServer;
let grompt: FakeServer;

const router = (): CustomProvider => ({
  id: 'custom:router',
  name: 'My Router',
  baseUrl: `${keyed.url}/api/v1`,
  needsKey: true,
  defaultModel: 'meta/llama-3-70b',
  tokenParameter: 'max_tokens',
});
const studio = (): CustomProvider => ({
  id: 'custom:studio',
  name: 'LM Studio',
  baseUrl: `${local.url}/v1`,
  needsKey: false,
  tokenParameter: 'max_completion_tokens',
});

beforeAll(async () => {
  keyedBackend = await startOpenAIFake({ keys: [KEY] });
  keyed = await mountOpenAIFake(keyedBackend, { prefix: '/api/v1' });
  local = await startOpenAIFake();
  grompt = await startGromptFake({ prefix: '/api/v1', serverKeys: ['openai'], validKeys: [] });
});
afterAll(() => Promise.all([keyed, keyedBackend, local, grompt].map((fake) => fake.close())));
beforeEach(() => {
  fakeBrowser.reset();
  for (const fake of [keyed, keyedBackend, local, grompt]) fake.requests.length = 0;
});

describe('a custom provider with a key, at a non-/v1 prefix (as OpenRouter’s /api/v1)', () => {
  it('streams through the OpenAI-compatible adapter, BYOK, with the key only in its Authorization header', async () => {
    await useSettings({ customProviders: [router(), studio()] });
    await saveKey('custom:router', KEY);
    const job = await runRequest({ ...summarize, provider: 'custom:router' });
    expect(job).toMatchObject({ status: 'done', mode: 'byok', model: 'meta/llama-3-70b', text: 'Answer w1 w2 w3 w4 w5 w6 w7' });
    const sent = keyed.requests.at(-1);
    expect(sent?.path).toBe('/api/v1/chat/completions');
    expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
    const elsewhere = { ...sent?.headers, authorization: '' };
    expect(JSON.stringify(elsewhere)).not.toContain(KEY);
    expect(sent?.url).not.toContain(KEY);
    expect(sent?.body).not.toContain(KEY);
    expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({ model: 'meta/llama-3-70b', stream: true, max_tokens: expect.any(Number) });
    expect(local.requests).toHaveLength(0);
  });

  it('never goes through the Grompt server, even when the user routes keys through it', async () => {
    await useSettings({ customProviders: [router()], server: { url: grompt.url, prefix: '/api/v1', routing: 'server' } });
    await saveKey('custom:router', KEY);
    const job = await runRequest({ ...summarize, provider: 'custom:router' });
    expect(job).toMatchObject({ status: 'done', mode: 'byok' });
    expect(grompt.requests).toHaveLength(0);
    expect(keyed.requests).toHaveLength(1);
  });

  it('without its key: a demo answer, and neither the endpoint nor the server is contacted', async () => {
    await useSettings({ customProviders: [router()], server: { url: grompt.url, prefix: '/api/v1', routing: 'direct' } });
    const job = await runRequest({ ...summarize, provider: 'custom:router' });
    expect(job).toMatchObject({ status: 'done', mode: 'demo' });
    expect(grompt.requests).toHaveLength(0);
    expect(keyed.requests).toHaveLength(0);
  });

  it('a rejected key is an auth error that names the provider by the user’s name, redacted', async () => {
    await useSettings({ customProviders: [router()] });
    const wrong = testKey('sk-or-v1-');
    await saveKey('custom:router', wrong);
    const job = await runRequest({ ...summarize, provider: 'custom:router' });
    expect(job.status).toBe('error');
    expect(job.error?.kind).toBe('auth');
    expect(job.error?.message).toContain('My Router rejected the API key');
    expect(JSON.stringify(job.error)).not.toContain(wrong.slice(-4));
  });

  it('a 404 for its model is model-not-found; a 500 is retried before the first token like any provider', async () => {
    await useSettings({ customProviders: [router()] });
    await saveKey('custom:router', KEY);
    const missing = await runRequest({ ...summarize, provider: 'custom:router', model: 'fault-404' });
    expect(missing.error?.kind).toBe('model-not-found');
    expect(missing.error?.message).toContain('My Router does not know the model “fault-404”');
    keyed.requests.length = 0;
    const failing = await runRequest({ ...summarize, provider: 'custom:router', model: 'fault-500' });
    expect(failing.error?.kind).toBe('server');
    expect(keyed.requests.length).toBe(3);
  });

  it('lists models from GET {base}/models with its key', async () => {
    await useSettings({ customProviders: [router()] });
    await saveKey('custom:router', KEY);
    expect(await listModels('custom:router')).toEqual({ source: 'provider', models: expect.arrayContaining(['gpt-4o-mini']) });
    expect(keyed.requests.at(-1)).toMatchObject({ method: 'GET', path: '/api/v1/models' });
  });
});

describe('a keyless local custom provider', () => {
  it('runs as Local, with no Authorization header, and the token parameter the user chose', async () => {
    await useSettings({ customProviders: [router(), studio()] });
    await saveKey('custom:router', KEY);
    const job = await runRequest({ ...summarize, provider: 'custom:studio', model: 'qwen2.5-7b' });
    expect(job).toMatchObject({ status: 'done', mode: 'local' });
    const sent = local.requests.at(-1);
    expect(sent?.headers.authorization).toBeUndefined();
    expect(JSON.stringify(sent)).not.toContain(KEY);
    const body = JSON.parse(sent?.body ?? '{}');
    expect(body.max_completion_tokens).toEqual(expect.any(Number));
    expect(body.max_tokens).toBeUndefined();
  });

  it('asks for a model when it has no default and none was typed, and contacts nobody', async () => {
    await useSettings({ customProviders: [studio()] });
    const job = await runRequest({ ...summarize, provider: 'custom:studio' });
    expect(job.error?.kind).toBe('invalid-input');
    expect(job.error?.message).toContain('Enter a model for LM Studio');
    expect(local.requests).toHaveLength(0);
  });

  it('without a model list, the picker falls back to free text (no suggestions)', async () => {
    await useSettings({ customProviders: [{ ...studio(), baseUrl: `${local.url}/nowhere` }] });
    expect(await listModels('custom:studio')).toEqual({ source: 'defaults', models: [] });
  });
});

describe('custom ids are checked against the settings', () => {
  it('refuses a request for a custom provider that does not exist, contacting nobody', async () => {
    await useSettings({ customProviders: [router()] });
    const job = await runRequest({ ...summarize, provider: 'custom:made-up' });
    expect(job.status).toBe('error');
    expect(job.error?.kind).toBe('invalid-input');
    expect(job.error?.message).toContain('This provider no longer exists');
    expect(keyed.requests).toHaveLength(0);
  });

  it('forgets the key of a provider once it is deleted from the settings, and only that key', async () => {
    await saveKey('custom:router', KEY);
    await saveKey('custom:studio', testKey('sk-'));
    await saveKey('openai', testKey('sk-proj-'));
    const removed = removedProviders({ customProviders: [router(), studio()] }, { customProviders: [studio()] });
    expect(removed).toEqual(['custom:router']);
    await forgetKeysOf(removed);
    expect(await readKey('custom:router', 60)).toBeUndefined();
    expect(await readKey('custom:studio', 60)).toBeDefined();
    expect(await readKey('openai', 60)).toBeDefined();
  });

  it('a settings change that keeps every provider forgets nothing (an edit, a first save)', () => {
    expect(removedProviders({ customProviders: [router()] }, { customProviders: [{ ...router(), name: 'Renamed' }, studio()] })).toEqual(
      [],
    );
    expect(removedProviders(undefined, { customProviders: [router()] })).toEqual([]);
  });
});
