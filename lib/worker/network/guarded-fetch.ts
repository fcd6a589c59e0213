import { isSecureTransport, RequestRefusedError } from '../../network/endpoint-policy';
import { assertOriginAccess } from './origin-access';

type Fetch = typeof fetch;

/**
 * The worker's fetch before installWorkerFetchGuard wrapped it. A guarded fetch goes straight
 * to it: guarding twice would ask for access twice and split every read twice.
 */
let unguardedFetch: Fetch | undefined;

function urlOf(input: Parameters<Fetch>[0]): URL {
  if (input instanceof URL) return input;
  return new URL(typeof input === 'string' ? input : input.url);
}

function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/**
 * A fetch that goes only to the given origins, over a secure transport, only while the user
 * still grants the extension access to the origin (asked right before the call), and never
 * follows a redirect. Browsers strip only `Authorization` on cross-origin redirects; `x-api-key`,
 * `X-API-Key` and `x-goog-api-key` would be forwarded, so we stop at the first 3xx.
 * ('manual' rather than 'error' so that a refused redirect is told apart from a network failure.)
 */
export function createGuardedFetch(allowedOrigins: readonly string[], baseFetch: Fetch = unguardedFetch ?? fetch): Fetch {
  const allowed = new Set(allowedOrigins);
  return async (input, init) => {
    const url = urlOf(input);
    if (!allowed.has(url.origin) || !isSecureTransport(url)) throw new RequestRefusedError('host-refused', url.host);
    await assertOriginAccess(url);
    const response = await baseFetch(input, { ...init, redirect: 'manual' });
    if (isRedirect(response)) {
      await response.body?.cancel().catch(() => undefined);
      throw new RequestRefusedError('redirect-refused', url.host);
    }
    return rechunked(response);
  };
}

const READ_SIZE = 16_384;

/**
 * Hands the body on in reads of at most 16 kB. When the worker falls behind a fast stream,
 * Chromium delivers reads of a megabyte and more, and the SDKs' SSE splitters copy the rest
 * of a read for every event in it: quadratic in the read size. Bounded reads keep it linear.
 */
function rechunked(response: Response): Response {
  if (!response.body) return response;
  const split = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      for (let start = 0; start < chunk.length; start += READ_SIZE) controller.enqueue(chunk.subarray(start, start + READ_SIZE));
    },
  });
  return new Response(response.body.pipeThrough(split), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** Header names that carry a key, lower-cased. */
const KEY_HEADERS = /^(authorization|x-api-key|x-goog-api-key|api-key|x-[a-z]+-key)$/;

function carriesKey(headers: HeadersInit | undefined): boolean {
  if (!headers) return false;
  const list = new Headers(headers);
  for (const [name] of list) if (KEY_HEADERS.test(name)) return true;
  return false;
}

/**
 * Defence in depth for SDKs that take no fetch option (@google/generative-ai): every
 * request of the worker that carries a key header gets the same transport and redirect rules.
 */
export function installWorkerFetchGuard(scope: { fetch: Fetch } = globalThis): void {
  const original = scope.fetch.bind(scope);
  if (scope === globalThis) unguardedFetch = original;
  scope.fetch = async (input, init) => {
    const headers = init?.headers ?? (input instanceof Request ? input.headers : undefined);
    if (!carriesKey(headers)) return original(input, init);
    const url = urlOf(input);
    return createGuardedFetch([url.origin], original)(input, init);
  };
}
