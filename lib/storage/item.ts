import { browser } from 'wxt/browser';

export interface StorageItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
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
  return {
    async getValue() {
      const stored = (await store().get(key))[key];
      return stored === undefined || stored === null ? fallback : (stored as T);
    },
    async setValue(value) {
      await store().set({ [key]: value });
    },
    async removeValue() {
      await store().remove(key);
    },
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
