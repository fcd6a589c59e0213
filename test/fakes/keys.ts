import type { RecordedRequest } from './http';

/** Where an API reads its key: a named header, `Authorization: Bearer`, or either. */
export interface KeyPlacement {
  header?: string;
  bearer?: boolean;
}

/**
 * The key a request carries, read where the API reads it: `Authorization: Bearer` (OpenAI
 * and the compatible APIs), `x-api-key` or Bearer (Anthropic: its SDK 1.x sends Bearer),
 * `x-goog-api-key` only (Gemini). Never the URL or the body.
 */
export function keyOf(request: RecordedRequest, where: KeyPlacement): string | undefined {
  const named = where.header ? request.headers[where.header] : undefined;
  if (named) return named;
  return where.bearer ? /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] : undefined;
}

/** One rule for every fake: with no keys configured anything goes (Ollama); else the key must be one of them. */
export function keyAccepted(request: RecordedRequest, where: KeyPlacement, keys: readonly string[] | undefined): boolean {
  if (!keys?.length) return true;
  const key = keyOf(request, where);
  return key !== undefined && keys.includes(key);
}

export const OPENAI_KEY: KeyPlacement = { bearer: true };
export const ANTHROPIC_KEY: KeyPlacement = { header: 'x-api-key', bearer: true };
export const GEMINI_KEY: KeyPlacement = { header: 'x-goog-api-key' };
