import type { Surface } from '@/lib/domain/job';
import { activeTabId, type PageResult } from '@/lib/page/page-access';
import { readSelection } from '@/lib/page/selection';
import { draftItems, type FormDrafts, rawSettingsItem } from '@/lib/storage/early-items';

/**
 * What a page needs for its first useful frame (settings, drafts, the tab and its selection),
 * started by `early.ts` before React and the page's other modules are evaluated, so the reads
 * run while they are. No schema code here: settings arrive raw and are validated by the
 * settings provider. Hooks start from a value already in, or wait on the read under way.
 */
interface EarlyValues {
  /** Stored settings, unvalidated (parseSettings runs in the provider). */
  settings: unknown;
  drafts: FormDrafts;
  tab: number | undefined;
  selection: PageResult<string>;
}
type Key = keyof EarlyValues;

let surface: Surface | undefined;
const pending: Partial<{ [K in Key]: Promise<EarlyValues[K]> }> = {};
const resolved: Partial<EarlyValues> = {};

function track<K extends Key>(key: K, promise: Promise<EarlyValues[K]>): void {
  pending[key] = promise as (typeof pending)[K];
  void promise.then(
    (value) => {
      resolved[key] = value;
    },
    () => undefined,
  );
}

export function startEarlyReads(page: Surface, options: { selection: boolean }): void {
  surface = page;
  const tab = activeTabId();
  track('tab', tab);
  track('settings', rawSettingsItem.getValue());
  track('drafts', draftItems[page].getValue());
  if (options.selection) track('selection', tab.then(readSelection));
}

/**
 * A value already read, for a hook's initial state. Not consumed (React may call an initial
 * state function twice in development); the hooks that use it mount once, at the page's root.
 */
export function takeResolved<K extends Key>(key: K, forSurface?: Surface): EarlyValues[K] | undefined {
  if (forSurface && forSurface !== surface) return undefined;
  return key in resolved ? (resolved[key] as EarlyValues[K]) : undefined;
}

/** A read still under way, for a hook that mounted before it finished. */
export function takeEarly<K extends Key>(key: K, forSurface?: Surface): Promise<EarlyValues[K]> | undefined {
  if (forSurface && forSurface !== surface) return undefined;
  return pending[key] as Promise<EarlyValues[K]> | undefined;
}
