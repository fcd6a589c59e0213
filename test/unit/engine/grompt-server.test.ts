import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectPrefix } from '@/lib/worker/grompt/detect';
import { saveKey } from '@/lib/worker/secrets/key-store';
import { startGromptFake } from '../../fakes/grompt-fake';
import { type FakeServer, startFake } from '../../fakes/http';
import { testKey } from '../helpers';
import { runRequest, useSettings } from './harness';

const request = { feature: 'prompt-crafter' as const, provider: 'openai' as const, input: { ideas: 'a bakery site\nwarm tone' } };
let fakes: FakeServer[] = [];
const track = (fake: FakeServer) => {
  fakes.push(fake);
  return fake;
};

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  await Promise.all(fakes.map((fake) => fake.close()));
  fakes = [];
});

describe('Grompt server client', () => {
  it('detects /api/v1, and falls back to /api on older servers', async () => {
    const current = track(await startGromptFake({ prefix: '/api/v1' }));
    const old = track(await startGromptFake({ prefix: '/api', preByok: true }));
    expect(await detectPrefix(current.url, AbortSignal.timeout(5000))).toMatchObject({ prefix: '/api/v1', version: '1.1.0' });
    expect(await detectPrefix(old.url, AbortSignal.timeout(5000))).toMatchObject({ prefix: '/api', version: '1.0.9' });
    expect(old.requests.map((entry) => entry.path)).toEqual(['/api/v1/health', '/api/health']);
  });

  it('names the fault of builds whose every API path is 404', async () => {
    const broken = track(await startGromptFake({ prefix: 'none' }));
    await useSettings({ server: { url: broken.url, prefix: 'auto', routing: 'direct' } });
    const job = await runRequest(request);
    expect(job.status).toBe('error');
    expect(job.error?.kind).toBe('server-unsupported');
    expect(job.error?.message).toContain('does not serve the unified API (tried /api/v1 and /api)');
  });

  it('treats a pre-BYOK server (no mode in the answer) as mode unknown', async () => {
    const old = track(await startGromptFake({ prefix: '/api', preByok: true, serverKeys: ['openai'] }));
    await useSettings({ server: { url: old.url, prefix: 'auto', routing: 'direct' } });
    const job = await runRequest(request);
    expect(job).toMatchObject({ status: 'done', mode: 'unknown' });
    expect(old.requests.at(-1)?.path).toBe('/api/unified');
  });

  it('shows the server’s plain-text upstream error, naming the provider', async () => {
    const server = track(await startGromptFake({ prefix: '/api/v1', serverKeys: ['openai'] }));
    await useSettings({ server: { url: server.url, prefix: 'auto', routing: 'direct' } });
    const job = await runRequest({ ...request, model: 'fault-500' });
    expect(job.error).toMatchObject({ kind: 'server', status: 500, provider: 'openai' });
    expect(job.error?.detail).toContain('Error in openai API: upstream returned 503');
  });

  it('never follows a redirect with the key: the redirect target receives nothing', async () => {
    const target = track(await startGromptFake({ prefix: '/api/v1', validKeys: [] }));
    const redirecting = track(await startGromptFake({ prefix: '/api/v1', redirectTo: target.url }));
    const key = testKey('sk-proj-');
    await useSettings({ server: { url: redirecting.url, prefix: '/api/v1', routing: 'server' } });
    await saveKey('openai', key);
    const job = await runRequest(request);
    expect(job.error?.kind).toBe('redirect-refused');
    expect(target.requests).toHaveLength(0);
    expect(redirecting.requests.at(-1)?.headers['x-api-key']).toBe(key);
  });

  it('gives up on a server that never answers, with a timeout', async () => {
    const silent = track(await startFake(() => undefined));
    const { callUnified } = await import('@/lib/worker/grompt/client');
    const error = await callUnified({
      serverUrl: silent.url,
      prefix: '/api/v1',
      provider: 'openai',
      prompt: 'x',
      maxTokens: 10,
      signal: new AbortController().signal,
      timeoutMs: 300,
    }).catch((caught) => caught);
    expect(error.facts).toMatchObject({ kind: 'timeout' });
  });

  it('refuses a remote server over plain http before sending anything', async () => {
    await useSettings({ server: { url: 'http://grompt.example.com', prefix: '/api/v1', routing: 'direct' } });
    const job = await runRequest(request);
    expect(job.error?.kind).toBe('host-refused');
  });

  it('sends a positive integer max_tokens and the composed prompt', async () => {
    const server = track(await startGromptFake({ prefix: '/api/v1', serverKeys: ['openai'] }));
    await useSettings({ server: { url: server.url, prefix: '/api/v1', routing: 'direct' } });
    await runRequest(request);
    const body = JSON.parse(server.requests.at(-1)?.body ?? '{}');
    expect(Number.isInteger(body.max_tokens) && body.max_tokens > 0).toBe(true);
    expect(body.prompt).toContain('a bakery site');
  });
});
