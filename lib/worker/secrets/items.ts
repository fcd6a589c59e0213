import { defineItem } from '../../storage/item';
import type { ProviderId } from '../../catalogue/providers';

/**
 * The only place a key is ever stored: session memory (never written to disk, cleared
 * when the browser closes or the extension reloads). Only the background imports this;
 * lint forbids it anywhere else.
 */
export type StoredKeys = Partial<Record<ProviderId, string>>;

export const keysItem = defineItem<StoredKeys>('session', 'byok-keys', {});

/** Time of the last use or change of any key, for forgetting keys after the idle time. */
export const keysLastActivityItem = defineItem<number>('session', 'byok-last-activity', 0);
