import { browser } from 'wxt/browser';
import { isCustomProviderId } from '../../catalogue/provider-ref';
import { SETTINGS_KEY } from '../../storage/early-items';
import { keysItem } from './items';

function customIds(settings: unknown): Set<string> {
  const list = (settings as { customProviders?: unknown } | undefined)?.customProviders;
  if (!Array.isArray(list)) return new Set();
  return new Set(list.flatMap((entry) => (isCustomProviderId((entry as { id?: unknown })?.id) ? [(entry as { id: string }).id] : [])));
}

/** The custom providers a settings change removed: in the old value, not in the new one. */
export function removedProviders(oldSettings: unknown, newSettings: unknown): string[] {
  const kept = customIds(newSettings);
  return [...customIds(oldSettings)].filter((id) => !kept.has(id));
}

export async function forgetKeysOf(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  // One writer at a time on the keys: a key saved meanwhile is not lost.
  await keysItem.update((keys) =>
    ids.some((id) => id in keys) ? Object.fromEntries(Object.entries(keys).filter(([id]) => !ids.includes(id))) : keys,
  );
}

/**
 * Deleting a custom provider forgets its key, even if the options page closed before it could
 * ask: the worker compares each settings change's old and new value (an event, so a stale read
 * of the settings can never forget the key of a provider that still exists).
 */
export function forgetKeysOfRemovedProviders(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || !change) return;
    void forgetKeysOf(removedProviders(change.oldValue, change.newValue));
  });
}
