import { storage } from 'wxt/utils/storage';
import type { ProviderId } from '../catalogue/providers';

/**
 * The only place a key is ever stored: session memory (never written to disk, cleared
 * when the browser closes or the extension reloads). Only the background imports this;
 * lint forbids it anywhere else.
 */
export type StoredKeys = Partial<Record<ProviderId, string>>;

export const keysItem = storage.defineItem<StoredKeys>('session:byok-keys', { fallback: {} });

/** Time of the last use or change of any key, for forgetting keys after the idle time. */
export const keysLastActivityItem = storage.defineItem<number>('session:byok-last-activity', {
  fallback: 0,
});
