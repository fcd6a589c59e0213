import { browser } from 'wxt/browser';
import type { ProviderRef } from '../../catalogue/provider-ref';
import { forgetAllSecretsForRedaction, forgetSecretForRedaction, log, rememberSecretForRedaction } from '../../log/logger';
import { withRoom } from '../session/room';
import { keysItem, keysLastActivityItem } from './items';
import { maskKey } from './mask';

export interface KeyStatus {
  hasKey: boolean;
  masked: string;
}

/**
 * storage.session must exist, and only our own pages and the worker may read it. Without
 * it BYOK is unavailable: we fail closed rather than fall back to a store on disk.
 */
export async function prepareSessionStorage(): Promise<boolean> {
  const session = browser.storage?.session;
  if (!session) return false;
  // Firefox has no setAccessLevel: there content scripts can never read storage.session.
  const setAccessLevel = (session as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> }).setAccessLevel;
  if (setAccessLevel) await setAccessLevel.call(session, { accessLevel: 'TRUSTED_CONTEXTS' });
  return true;
}

export function isSessionStorageAvailable(): boolean {
  return Boolean(browser.storage?.session);
}

/** Keys come first in session memory: their writes may use the room held in reserve for them. */
async function touch(): Promise<void> {
  await withRoom(() => keysLastActivityItem.setValue(Date.now()), 'key');
}

/** One read-modify-write at a time: two keys saved at once are both kept. */
export async function saveKey(provider: ProviderRef, key: string): Promise<KeyStatus> {
  let replaced: string | undefined;
  await withRoom(
    () =>
      keysItem.update((keys) => {
        replaced = keys[provider];
        return { ...keys, [provider]: key };
      }),
    'key',
  );
  if (replaced && replaced !== key) forgetSecretForRedaction(replaced);
  await touch();
  rememberSecretForRedaction(key);
  return { hasKey: true, masked: maskKey(key) };
}

/** The key for a call about to be made; using it counts as activity. */
export async function readKey(provider: ProviderRef, idleMinutes: number): Promise<string | undefined> {
  if (!isSessionStorageAvailable()) return undefined;
  if (await forgetKeysIfIdle(idleMinutes)) return undefined;
  const key = (await keysItem.getValue())[provider];
  if (!key) return undefined;
  rememberSecretForRedaction(key);
  // Using a key is activity; if even the reserve is gone, the key still works (its idle clock is not moved).
  await touch().catch((error: unknown) => log.warn('could not record key activity', { error }));
  return key;
}

export async function hasKey(provider: ProviderRef): Promise<boolean> {
  if (!isSessionStorageAvailable()) return false;
  return Boolean((await keysItem.getValue())[provider]);
}

/** Forgets a key: from session storage and from the worker's redaction memory. */
export async function forgetKey(provider: ProviderRef): Promise<void> {
  let forgotten: string | undefined;
  await keysItem.update(({ [provider]: gone, ...rest }) => {
    forgotten = gone;
    return rest;
  });
  if (forgotten) forgetSecretForRedaction(forgotten);
}

/** Forgets every key (by hand, or after the idle time): storage and redaction memory alike. */
export async function forgetAllKeys(): Promise<void> {
  await keysItem.removeValue();
  await keysLastActivityItem.removeValue();
  forgetAllSecretsForRedaction();
}

/** Forgets every key once none has been used for the idle time. Returns whether it did. */
export async function forgetKeysIfIdle(idleMinutes: number, now = Date.now()): Promise<boolean> {
  const keys = await keysItem.getValue();
  if (Object.keys(keys).length === 0) return false;
  const lastActivity = await keysLastActivityItem.getValue();
  if (now - lastActivity < idleMinutes * 60_000) return false;
  await forgetAllKeys();
  return true;
}

export async function keyStatuses(): Promise<Partial<Record<ProviderRef, KeyStatus>>> {
  if (!isSessionStorageAvailable()) return {};
  const keys = await keysItem.getValue();
  const statuses: Partial<Record<ProviderRef, KeyStatus>> = {};
  for (const [provider, key] of Object.entries(keys) as [ProviderRef, string][]) {
    if (key) statuses[provider] = { hasKey: true, masked: maskKey(key) };
  }
  return statuses;
}
