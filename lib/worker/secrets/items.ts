import { defineItem } from '../../storage/item';
import type { ProviderRef } from '../../catalogue/provider-ref';

/**
 * The only place a key is ever stored: session memory (never written to disk, cleared
 * when the browser closes or the extension reloads). Only the background imports this;
 * lint forbids it anywhere else. Custom providers' keys sit here too, under their `custom:<uuid>` id.
 */
export type StoredKeys = Partial<Record<ProviderRef, string>>;

export const keysItem = defineItem<StoredKeys>('session', 'byok-keys', {});

/** Time of the last use or change of any key, for forgetting keys after the idle time. */
export const keysLastActivityItem = defineItem<number>('session', 'byok-last-activity', 0);
