import { isCustomProviderId } from '../../catalogue/provider-ref';
import type { Settings } from '../../settings/schema';
import { keysItem } from './items';

/**
 * Forgets the key of every custom provider that is no longer in the settings. Deleting a custom
 * provider forgets its key even if the options page closed before it could ask: the worker runs
 * this whenever the settings change.
 */
export async function forgetKeysOfRemovedProviders(settings: Pick<Settings, 'customProviders'>): Promise<string[]> {
  const keys = await keysItem.getValue();
  const known = new Set<string>(settings.customProviders.map((provider) => provider.id));
  const removed = Object.keys(keys).filter((id) => isCustomProviderId(id) && !known.has(id));
  if (removed.length === 0) return [];
  const kept = Object.fromEntries(Object.entries(keys).filter(([id]) => !removed.includes(id)));
  await keysItem.setValue(kept);
  return removed;
}
