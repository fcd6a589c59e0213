import { browser } from 'wxt/browser';
import { withLock } from './lock';

export interface StorageItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /**
   * Read-modify-write, one at a time per item in this context: `change` gets the value as it
   * is after every earlier update, so concurrent updates are applied in turn, none lost.
   * Resolves with the value written.
   */
  update(change: (current: T) => T): Promise<T>;
  /** Calls back with the new value (the fallback once removed); returns the unsubscribe. */
  watch(callback: (value: T) => void): () => void;
}

type Area = 'local' | 'session';

/**
 * A typed storage item that touches storage only when used. (WXT's `storage.defineItem`
 * reads every item as soon as it is declared: nine reads, the whole chat among them, on
 * every popup open, before the popup needs any of them.)
 */
export function defineItem<T>(area: Area, key: string, fallback: T): StorageItem<T> {
  const store = () => {
    const found = browser.storage[area];
    if (!found) throw new Error(`storage.${area} is unavailable`);
    return found;
  };
  const getValue = async () => {
    const stored = (await store().get(key))[key];
    return stored === undefined || stored === null ? fallback : (stored as T);
  };
  const lockName = `${area}:${key}`;
  return {
    getValue,
    // Plain writes queue behind updates too, so an update never writes over a newer value.
    setValue: (value) => withLock(lockName, () => store().set({ [key]: value })),
    removeValue: () => withLock(lockName, () => store().remove(key)),
    update: (change) =>
      withLock(lockName, async () => {
        const next = change(await getValue());
        await store().set({ [key]: next });
        return next;
      }),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
        if (changedArea !== area || !(key in changes)) return;
        const value = changes[key]?.newValue;
        callback(value === undefined || value === null ? fallback : (value as T));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
