import { PROVIDER_HOST_PERMISSIONS } from '../network/hosts';
import { isSecureTransport, parseEndpoint } from '../network/endpoint-policy';

export type UrlCheck = { ok: true; origin: string; needsPermission: boolean } | { ok: false; problem: 'invalid' | 'insecure' };

const GRANTED = new Set(PROVIDER_HOST_PERMISSIONS.map((pattern) => pattern.replace(/\/\*$/, '')));

/**
 * Checks a server or base URL the user typed: a full URL, HTTPS (or HTTP to this machine),
 * and whether the browser must first grant the extension access to its origin.
 */
export function checkUserUrl(raw: string): UrlCheck {
  const url = parseEndpoint(raw);
  if (!url || !/^https?:$/.test(url.protocol)) return { ok: false, problem: 'invalid' };
  if (!isSecureTransport(url)) return { ok: false, problem: 'insecure' };
  const origin = url.origin;
  const hostOnly = `${url.protocol}//${url.hostname}`;
  return { ok: true, origin, needsPermission: !GRANTED.has(origin) && !GRANTED.has(hostOnly) };
}

/** The match pattern to request for an origin (ports are not part of match patterns). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
