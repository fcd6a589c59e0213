import { browser } from 'wxt/browser';
import { withLock } from '../../storage/lock';
import { TEXT_REF_MIN_CHARS, textKey } from '../../storage/texts';
import { evictOldestFinished } from './evict';
import { isQuotaError, SessionFullError } from './room';
import { pin, TEXTS_LOCK, unpin } from './text-pins';

async function hashOf(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Writes the texts not stored yet and pins them all; 'full' when they do not fit. */
async function storeAndPin(texts: readonly (readonly [hash: string, text: string])[]): Promise<'stored' | 'full'> {
  return withLock(TEXTS_LOCK, async () => {
    const session = browser.storage.session;
    if (!session) throw new Error('storage.session is unavailable');
    const present = await session.get(texts.map(([hash]) => textKey(hash)));
    const missing = texts.filter(([hash]) => present[textKey(hash)] === undefined);
    try {
      if (missing.length) await session.set(Object.fromEntries(missing.map(([hash, text]) => [textKey(hash), text])));
    } catch (error) {
      if (isQuotaError(error)) return 'full';
      throw error;
    }
    pin(texts.map(([hash]) => hash));
    return 'stored';
  });
}

/**
 * Stores a record's long strings once each, by content, and runs `write` with the record
 * holding references in their place. A text already stored is not written again: a draft,
 * the job run from it and its copy in the side panel share one.
 */
export async function withPackedTexts<T>(
  values: Record<string, unknown>,
  write: (packed: Record<string, unknown>) => Promise<T>,
): Promise<T> {
  const entries = await Promise.all(
    Object.entries(values).map(async ([name, value]) =>
      typeof value === 'string' && value.length >= TEXT_REF_MIN_CHARS
        ? ([name, value, await hashOf(value)] as const)
        : ([name, value, undefined] as const),
    ),
  );
  const texts = entries.flatMap(([, value, hash]) => (hash && typeof value === 'string' ? [[hash, value] as const] : []));
  if (texts.length === 0) return write(values);
  // Room is made outside the lock: evicting sweeps, and the sweep takes the same lock.
  while ((await storeAndPin(texts)) === 'full') {
    if (!(await evictOldestFinished())) throw new SessionFullError();
  }
  const hashes = texts.map(([hash]) => hash);
  try {
    return await write(Object.fromEntries(entries.map(([name, value, hash]) => [name, hash ? { $text: hash } : value])));
  } finally {
    unpin(hashes);
  }
}
