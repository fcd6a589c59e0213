import { isBuiltInOrigin } from '../network/hosts';
import { isSecureTransport } from '../network/endpoint-policy';
import { isKeyShaped } from './key-shaped';

export type UrlProblem = 'invalid' | 'insecure' | 'credentials' | 'query' | 'key-shaped';

export type UrlCheck = { ok: true; origin: string; needsPermission: boolean } | { ok: false; problem: UrlProblem };

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw.trim());
  } catch {
    return undefined;
  }
}

/**
 * Checks a server or base URL the user typed: a full URL, HTTPS (or HTTP to this machine),
 * with no credentials, no query string and nothing key-shaped anywhere in it (keys go in
 * the key field, and travel in headers), and whether the browser must first grant the
 * extension access to its origin.
 */
export function checkUserUrl(raw: string): UrlCheck {
  if (isKeyShaped(raw) || isKeyShaped(safeDecode(raw))) return { ok: false, problem: 'key-shaped' };
  const url = parse(raw);
  if (!url || !/^https?:$/.test(url.protocol) || !url.hostname) return { ok: false, problem: 'invalid' };
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  if (url.search || url.hash || raw.includes('?')) return { ok: false, problem: 'query' };
  if (!isSecureTransport(url)) return { ok: false, problem: 'insecure' };
  return { ok: true, origin: url.origin, needsPermission: !isBuiltInOrigin(url) };
}

/** Percent-encoded keys (`sk%2Dproj…`) are keys too. */
function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Problems that may put a key on disk or in a URL; other problems are refused at call time, with a message. */
const NEVER_STORED: ReadonlySet<UrlProblem> = new Set(['key-shaped', 'credentials', 'query']);

/** Whether a URL may be written to storage.local at all. */
export function mayStoreUrl(raw: string): boolean {
  if (raw.trim() === '') return true;
  const check = checkUserUrl(raw);
  return check.ok || !NEVER_STORED.has(check.problem);
}

/** The match pattern to request for an origin (ports are not part of match patterns). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
