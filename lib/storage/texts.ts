import { browser } from 'wxt/browser';

/**
 * Long texts (a selection, a whole page) are kept once in session memory, under a name made
 * from their content (`text.<sha-256>`), and drafts and job inputs hold a reference to them:
 * the popup's draft, its job, and the side panel's copy after "Continue in side panel" share
 * one stored text instead of four. Only the service worker writes them (lib/worker/session/texts.ts).
 */
export const TEXT_PREFIX = 'text.';

/** Strings at least this long are stored apart and referenced; shorter ones stay inline. */
export const TEXT_REF_MIN_CHARS = 1024;

export interface TextRef {
  $text: string;
}

export function isTextRef(value: unknown): value is TextRef {
  return typeof value === 'object' && value !== null && typeof (value as { $text?: unknown }).$text === 'string';
}

export const textKey = (hash: string) => `${TEXT_PREFIX}${hash}`;

/** The texts a stored record refers to. */
export function textRefsIn(values: Record<string, unknown> | undefined): string[] {
  return Object.values(values ?? {}).flatMap((value) => (isTextRef(value) ? [value.$text] : []));
}

/** Reads the referenced texts (one storage read) and puts them back in place. A missing text reads as ''. */
export async function resolveTexts(values: Record<string, unknown>): Promise<Record<string, unknown>> {
  const hashes = textRefsIn(values);
  if (hashes.length === 0) return values;
  const session = browser.storage.session;
  const stored = session ? await session.get(hashes.map(textKey)) : {};
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, isTextRef(value) ? String(stored[textKey(value.$text)] ?? '') : value]),
  );
}
