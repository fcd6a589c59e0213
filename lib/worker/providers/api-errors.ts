import type { ErrorFacts } from '../../errors/describe';
import type { ErrorKind } from '../../errors/kinds';
import { cleanDetail } from '../../errors/clean-detail';
import { findRefusal } from '../../network/endpoint-policy';

export { cleanDetail };

/** The shape shared by the openai and @anthropic-ai/sdk error classes (and our own checks). */
export interface HttpFailure {
  status?: number;
  headers?: Headers;
  /** The parsed error body, when the provider sent JSON. */
  body?: unknown;
  message?: string;
}

export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Finds the provider's own error type/code/message in the usual body shapes. */
export function bodyFields(body: unknown): { type?: string; code?: string; message?: string } {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? { message: body } : {};
  const record = body as Record<string, unknown>;
  const inner = (record.error && typeof record.error === 'object' ? record.error : record) as Record<string, unknown>;
  const pick = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    type: pick(inner.type) ?? pick(inner.status),
    code: pick(inner.code),
    message: pick(inner.message) ?? pick(record.error) ?? pick(record.message),
  };
}

/** "No such model" said with a 400 (DeepSeek's "Model Not Exist") or in a 404's words. */
const MODEL_MISSING = /model[ _]not[ _](exist|found)|model\b.*\b(does not exist|not found|is not found)/i;

function kindForStatus(status: number, type = '', code = '', message = ''): ErrorKind {
  const marker = `${type} ${code}`.toLowerCase();
  if (marker.includes('insufficient_quota') || marker.includes('billing')) return 'quota';
  if ((status === 400 || status === 404) && MODEL_MISSING.test(`${code} ${message}`)) return 'model-not-found';
  if (status === 401) return 'auth';
  if (status === 402) return 'quota';
  if (status === 403) return 'permission';
  if (status === 404) return 'model-not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limit';
  if (status === 529 || marker.includes('overloaded')) return 'overloaded';
  if (status >= 500) return 'server';
  return 'bad-request';
}

/** Maps any SDK or network failure to the facts of an error kind; never includes the key. */
export function failureFacts(provider: string, failure: HttpFailure & { name?: string; cause?: unknown }): ErrorFacts {
  const refusal = findRefusal(failure);
  if (refusal) return { kind: refusal.reason, provider, url: refusal.host, ...(refusal.origin ? { origin: refusal.origin } : {}) };
  const fields = bodyFields(failure.body);
  const detail = cleanDetail(fields.message ?? failure.message);
  if (failure.status === undefined) {
    const name = failure.name ?? '';
    if (/abort/i.test(name)) return { kind: 'aborted', provider };
    if (/timeout/i.test(name)) return { kind: 'timeout', provider };
    if (fields.type?.includes('overloaded')) return { kind: 'overloaded', provider, detail };
    if (fields.type) return { kind: 'server', provider, detail };
    if (name === 'SyntaxError') return { kind: 'bad-response', provider, detail };
    return { kind: 'network', provider, detail };
  }
  const kind = kindForStatus(failure.status, fields.type, fields.code, fields.message);
  return {
    kind,
    provider,
    status: failure.status,
    ...(detail ? { detail } : {}),
    ...(kind === 'rate-limit' ? { retryAfterSeconds: retryAfterSeconds(failure.headers) } : {}),
  };
}

/**
 * A connection that drops after text has arrived is not "unreachable": the answer was cut
 * short. Said so, the user knows the partial text is real and that Retry will start over.
 */
export function midStream(facts: ErrorFacts, textArrived: boolean): ErrorFacts {
  return textArrived && facts.kind === 'network' ? { ...facts, kind: 'incomplete' } : facts;
}
