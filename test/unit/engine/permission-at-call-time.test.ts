import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { RequestRefusedError } from '@/lib/network/endpoint-policy';
import { createGuardedFetch } from '@/lib/worker/network/guarded-fetch';
import { saveKey } from '@/lib/worker/secrets/key-store';
import type { FakeServer } from '../../fakes/http';
import { startOpenAIFake } from '../../fakes/openai-fake';
import { testKey } from '../helpers';
import { runRequest, useSettings } from './harness';

const GATEWAY = 'https://gateway.example.test';

/** The browser's answer to permissions.contains (the fake browser has no permissions API). */
function accessIs(granted: boolean | Error) {
  return vi
    .spyOn(fakeBrowser.permissions, 'contains')
    .mockImplementation(async () => (granted instanceof Error ? Promise.reject(granted) : granted));
}

function platformFetch() {
  const calls: string[] = [];
  const fetchStub: typeof fetch = async (input) => {
    calls.push(String(input));
    return new Response('ok');
  };
  return { calls, fetch: fetchStub };
}

beforeEach(() => fakeBrowser.reset());

describe('guarded fetch asks for access right before each request to a non-built-in origin', () => {
  it('sends nothing once access is withdrawn, and says which origin to grant again', async () => {
    const contains = accessIs(false);
    const platform = platformFetch();
    const error = await createGuardedFetch([GATEWAY], platform.fetch)(`${GATEWAY}/v1/chat/completions`, {
      headers: { authorization: 'Bearer x' },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestRefusedError);
    expect(error).toMatchObject({ reason: 'permission-revoked', host: 'gateway.example.test', origin: GATEWAY });
    expect(platform.calls).toEqual([]);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://gateway.example.test/*'] });
  });

  it('sends the request while access is granted, asking every time (not once)', async () => {
    const contains = accessIs(true);
    const platform = platformFetch();
    const guarded = createGuardedFetch([`${GATEWAY}:8443`], platform.fetch);
    await guarded(`${GATEWAY}:8443/v1/models`);
    await guarded(`${GATEWAY}:8443/v1/models`);
    expect(platform.calls).toHaveLength(2);
    expect(contains).toHaveBeenCalledTimes(2);
  });

  it('fails closed when the permissions API itself fails', async () => {
    accessIs(new Error('permissions unavailable'));
    const platform = platformFetch();
    const error = await createGuardedFetch([GATEWAY], platform.fetch)(`${GATEWAY}/v1`).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'permission-revoked' });
    expect(platform.calls).toEqual([]);
  });

  it('does not ask about the manifest’s own origins (providers, loopback by name, IPv4 and IPv6)', async () => {
    const contains = accessIs(false);
    const origins = ['https://api.openai.com', 'http://localhost:11434', 'http://127.0.0.1:8080', 'http://[::1]:11434'];
    const platform = platformFetch();
    const guarded = createGuardedFetch(origins, platform.fetch);
    for (const origin of origins) await guarded(`${origin}/v1/models`);
    expect(platform.calls).toHaveLength(4);
    expect(contains).not.toHaveBeenCalled();
  });
});

describe('the engine refuses before any request leaves', () => {
  let fake: FakeServer | undefined;
  afterEach(async () => fake?.close());
  const request = { feature: 'summarizer' as const, input: { text: 'Tides are predictable.' } };

  it('a base URL whose access was withdrawn: permission-revoked, naming the host, with the origin to grant', async () => {
    accessIs(false);
    await useSettings({ baseUrls: { openai: `${GATEWAY}/v1` } });
    await saveKey('openai', testKey('sk-proj-'));
    const job = await runRequest({ ...request, provider: 'openai' });
    expect(job.status).toBe('error');
    expect(job.error).toMatchObject({ kind: 'permission-revoked', origin: GATEWAY, retryable: false });
    expect(job.error?.message).toContain('Access to gateway.example.test was withdrawn');
  });

  it('a Grompt server whose access was withdrawn: the same, for the server', async () => {
    accessIs(false);
    await useSettings({ server: { url: 'https://grompt.example.test', prefix: '/api/v1', routing: 'direct' } });
    const job = await runRequest({ ...request, provider: 'openai' });
    expect(job.error).toMatchObject({ kind: 'permission-revoked', origin: 'https://grompt.example.test', provider: 'grompt' });
  });

  it('a key-shaped model name: key-shaped, and the provider receives nothing', async () => {
    fake = await startOpenAIFake({});
    await useSettings({ baseUrls: { openai: fake.url } });
    await saveKey('openai', testKey('sk-proj-'));
    const job = await runRequest({ ...request, provider: 'openai', model: `AIza${testKey('').slice(0, 35)}` });
    expect(job.error?.kind).toBe('key-shaped');
    expect(job.error?.message).toContain('Keys go in the key field');
    expect(fake.requests).toEqual([]);
  });
});
