/**
 * Texts are checked and written, and swept, one operation at a time (TEXTS_LOCK). A text
 * stored for a record about to be written is pinned until that record is written, so a sweep
 * in between cannot take it away.
 */
export const TEXTS_LOCK = 'session:text.*';

const pins = new Map<string, number>();

export function pin(hashes: readonly string[]): void {
  for (const hash of hashes) pins.set(hash, (pins.get(hash) ?? 0) + 1);
}

export function unpin(hashes: readonly string[]): void {
  for (const hash of hashes) {
    const count = (pins.get(hash) ?? 0) - 1;
    if (count > 0) pins.set(hash, count);
    else pins.delete(hash);
  }
}

export function isPinned(hash: string): boolean {
  return pins.has(hash);
}
