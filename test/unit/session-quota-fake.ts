import { vi } from 'vitest';
import { browser } from 'wxt/browser';

/** How Chrome counts storage bytes: each key's length plus its value as JSON. */
export function sizeOf(items: Record<string, unknown>): number {
  return Object.entries(items).reduce((sum, [key, value]) => sum + key.length + JSON.stringify(value).length, 0);
}

export interface QuotaFake {
  /** Every write that went through, in order: its keys and its size. */
  writes: { keys: string[]; bytes: number }[];
  /** Bytes now stored. */
  used(): Promise<number>;
  /** Called before each write (e.g. to log its place among other events). */
  onWrite?: (keys: string[]) => void;
}

/**
 * storage.session with Chrome's quota behaviour, around WXT's in-memory fake: a set that would
 * take the area over `limit` bytes throws Chrome's own message and stores nothing.
 */
export function enforceSessionQuota(limit: number): QuotaFake {
  const session = browser.storage.session;
  const set = session.set.bind(session);
  const fake: QuotaFake = {
    writes: [],
    used: async () => sizeOf(await session.get(null)),
  };
  // A spy, so the test runner puts the real set back after each test (restoreMocks).
  vi.spyOn(session, 'set').mockImplementation(async (items: Record<string, unknown>) => {
    fake.onWrite?.(Object.keys(items));
    const after = sizeOf({ ...(await session.get(null)), ...items });
    if (after > limit) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
    fake.writes.push({ keys: Object.keys(items), bytes: sizeOf(items) });
    return set(items);
  });
  return fake;
}
