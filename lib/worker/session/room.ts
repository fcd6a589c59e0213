import { browser } from 'wxt/browser';
import { log } from '../../log/logger';
import { SESSION_RESERVE_CHARS, SESSION_RESERVE_KEY } from '../../storage/items';
import { evictOldestFinished } from './evict';

/** storage.session is full (10 MB in Chrome, keys included), even after making room. */
export class SessionFullError extends Error {
  constructor() {
    super('storage.session is full');
  }
}

/** Chrome: "Session storage quota bytes exceeded. Values were not stored."; Firefox: "QuotaExceededError". */
export function isQuotaError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(message);
}

/**
 * Who is writing: a key may use the room held in reserve for keys; everything else must
 * leave it, and gets room only by evicting finished answers, oldest first.
 */
export type Priority = 'key' | 'content';

/**
 * Runs a session write; when it hits the quota, makes room and runs it again (writes must be
 * safe to repeat: a set, or an `update(fn)`). Keys first take the reserve, then answers are
 * evicted oldest first; when nothing is left to evict, SessionFullError.
 */
export async function withRoom<T>(write: () => Promise<T>, priority: Priority = 'content'): Promise<T> {
  for (;;) {
    try {
      return await write();
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      if (priority === 'key' && (await releaseReserve())) continue;
      if (await evictOldestFinished()) continue;
      log.warn('session memory is full', { priority });
      throw new SessionFullError();
    }
  }
}

/**
 * For what is only a convenience (a cache, which panel tab to show): made room for like any
 * write, but when session memory is full it is skipped, and the flow goes on without it.
 */
export async function bestEffort(write: () => Promise<unknown>): Promise<void> {
  try {
    await withRoom(write);
  } catch (error) {
    if (!(error instanceof SessionFullError)) throw error;
  }
}

async function releaseReserve(): Promise<boolean> {
  const session = browser.storage.session;
  if (!session || (await session.get(SESSION_RESERVE_KEY))[SESSION_RESERVE_KEY] === undefined) return false;
  await session.remove(SESSION_RESERVE_KEY);
  return true;
}

/**
 * Holds room for keys: a placeholder of SESSION_RESERVE_CHARS that only a key's write may
 * release. Written at start and whenever room was made; a full store simply goes without it
 * until then.
 */
export async function ensureReserve(): Promise<void> {
  const session = browser.storage.session;
  if (!session) return;
  try {
    if ((await session.get(SESSION_RESERVE_KEY))[SESSION_RESERVE_KEY] !== undefined) return;
    await session.set({ [SESSION_RESERVE_KEY]: ' '.repeat(SESSION_RESERVE_CHARS) });
  } catch (error) {
    if (!isQuotaError(error)) throw error;
  }
}
