import type { ErrorFacts } from '../../errors/describe';
import type { Mode } from '../../domain/job';
import { cleanDetail } from '../../errors/clean-detail';
import { findRefusal } from '../../network/endpoint-policy';
import { createGuardedFetch } from '../network/guarded-fetch';

/** The server's own upstream timeout is 60 s; by default we wait a little longer (settings.timeoutSeconds). */
export const SERVER_TIMEOUT_MS = 90_000;
export const PREFIXES = ['/api/v1', '/api'] as const;

/** A failure with the facts the user will read. */
export class ServerCallError extends Error {
  constructor(readonly facts: ErrorFacts) {
    super(facts.kind);
    this.name = 'ServerCallError';
  }
}

export interface UnifiedCall {
  serverUrl: string;
  prefix: string;
  provider: string;
  prompt: string;
  maxTokens: number;
  model?: string;
  /** A BYOK key, forwarded in X-API-Key only when routing through the server. */
  apiKey?: string;
  signal: AbortSignal;
  timeoutMs?: number;
}

export interface UnifiedAnswer {
  text: string;
  provider: string;
  model: string;
  mode: Mode;
}

export function normaliseServerUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** Runs fetch with our redirect and host rules, a timeout, and errors turned into facts. */
export async function serverFetch(
  url: string,
  init: RequestInit,
  signal: AbortSignal,
  timeoutMs: number,
  provider: string,
): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await createGuardedFetch([new URL(url).origin])(url, { ...init, signal: AbortSignal.any([signal, timeout]) });
  } catch (error) {
    const refusal = findRefusal(error);
    if (refusal) {
      throw new ServerCallError({
        kind: refusal.reason,
        provider: 'grompt',
        url: refusal.host,
        ...(refusal.origin ? { origin: refusal.origin } : {}),
      });
    }
    if (signal.aborted) throw new ServerCallError({ kind: 'aborted', provider });
    if (timeout.aborted) throw new ServerCallError({ kind: 'timeout', provider: 'grompt' });
    throw new ServerCallError({ kind: 'network', provider: 'grompt', detail: cleanDetail(String(error)) });
  }
}

const MODES = new Set<Mode>(['byok', 'server', 'demo']);

function failure(status: number, text: string, call: UnifiedCall): ErrorFacts {
  const detail = cleanDetail(text);
  const base = { provider: call.provider, status, viaServer: true, ...(detail ? { detail } : {}) };
  if (status === 404) return { kind: 'server-unsupported', provider: 'grompt', status };
  if (status === 400 || status === 405) return { ...base, kind: 'bad-request' };
  // Every upstream failure is a 500 "Error in <provider> API: <detail>"; an invalid key among them.
  if (call.apiKey && /\b401\b|invalid[ _-]?(x-)?api[ _-]?key|incorrect api key|api key not valid|authentication/i.test(text)) {
    return { ...base, kind: 'auth' };
  }
  if (/\b429\b|rate limit/i.test(text)) return { ...base, kind: 'rate-limit' };
  return { ...base, kind: 'server' };
}

/** POST {server}{prefix}/unified: one JSON answer, no streaming. */
export async function callUnified(call: UnifiedCall): Promise<UnifiedAnswer> {
  const url = `${normaliseServerUrl(call.serverUrl)}${call.prefix}/unified`;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (call.apiKey) headers['X-API-Key'] = call.apiKey;
  const body = JSON.stringify({
    provider: call.provider,
    prompt: call.prompt,
    max_tokens: Math.max(1, Math.round(call.maxTokens)),
    ...(call.model ? { model: call.model } : {}),
  });
  const response = await serverFetch(
    url,
    { method: 'POST', headers, body },
    call.signal,
    call.timeoutMs ?? SERVER_TIMEOUT_MS,
    call.provider,
  );
  const text = await response.text();
  if (!response.ok) throw new ServerCallError(failure(response.status, text, call));
  let parsed: { response?: unknown; provider?: unknown; model?: unknown; mode?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ServerCallError({ kind: 'bad-response', provider: 'grompt', detail: cleanDetail(text) });
  }
  if (typeof parsed.response !== 'string') throw new ServerCallError({ kind: 'bad-response', provider: 'grompt' });
  const mode = typeof parsed.mode === 'string' && MODES.has(parsed.mode as Mode) ? (parsed.mode as Mode) : 'unknown';
  return {
    text: parsed.response,
    provider: typeof parsed.provider === 'string' ? parsed.provider : call.provider,
    model: typeof parsed.model === 'string' ? parsed.model : (call.model ?? ''),
    mode,
  };
}
