/**
 * Where a request may go. Keys travel over HTTPS, or plain HTTP to this machine only
 * (Ollama, a local Grompt server). Origins are compared exactly, so a lookalike such as
 * api.openai.com.evil.test never matches api.openai.com.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

export function parseEndpoint(raw: string): URL | undefined {
  try {
    const url = new URL(raw.trim());
    if (url.username || url.password) return undefined;
    return url;
  } catch {
    return undefined;
  }
}

/** HTTPS anywhere; HTTP only to loopback. */
export function isSecureTransport(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
}

/** Thrown by our fetch wrapper; the provider adapters turn it into an error the user reads. */
export class RequestRefusedError extends Error {
  constructor(
    readonly reason: 'host-refused' | 'redirect-refused' | 'permission-revoked',
    readonly host: string,
    /** For permission-revoked: the origin the user may grant again. */
    readonly origin?: string,
  ) {
    super(`${reason}: ${host}`);
    this.name = 'RequestRefusedError';
  }
}

export function findRefusal(error: unknown): RequestRefusedError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof RequestRefusedError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
