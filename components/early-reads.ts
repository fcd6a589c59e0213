import type { Surface } from '@/lib/domain/job';
import { activeTabId, type PageResult } from '@/lib/page/page-access';
import { readSelection } from '@/lib/page/selection';
import { type FormDrafts, rawSettingsItem, readDrafts } from '@/lib/storage/early-items';

/**
 * What a page needs for its first useful frame (settings, drafts, the tab and its selection).
 * Started by `entrypoints/early-reads.ts`, a classic script in the page's <head> that runs
 * before the page's module bundle is even fetched and compiled, so the reads (one round trip
 * to the tab for the selection) overlap that work instead of following it. No schema code
 * here: settings arrive raw and are validated by the settings provider. Hooks start from a
 * value already in, or wait on the read under way, or read for themselves when none started.
 */
interface EarlyValues {
  /** Stored settings, unvalidated (parseSettings runs in the provider). */
  settings: unknown;
  drafts: FormDrafts;
  tab: number | undefined;
  selection: PageResult<string>;
}
type Key = keyof EarlyValues;

interface EarlyReads {
  surface: Surface;
  pending: Partial<{ [K in Key]: Promise<EarlyValues[K]> }>;
  resolved: Partial<EarlyValues>;
}

// The early script and the page's bundle are separate bundles: they meet on the window.
type EarlyWindow = typeof globalThis & { __gromptEarlyReads?: EarlyReads };
const shared = globalThis as EarlyWindow;

function track<K extends Key>(reads: EarlyReads, key: K, promise: Promise<EarlyValues[K]>): void {
  reads.pending[key] = promise as EarlyReads['pending'][K];
  void promise.then(
    (value) => {
      reads.resolved[key] = value;
    },
    () => undefined,
  );
}

export function startEarlyReads(page: Surface, options: { selection: boolean }): void {
  const reads: EarlyReads = { surface: page, pending: {}, resolved: {} };
  shared.__gromptEarlyReads = reads;
  const tab = activeTabId();
  track(reads, 'tab', tab);
  track(reads, 'settings', rawSettingsItem.getValue());
  track(reads, 'drafts', readDrafts(page));
  if (options.selection) track(reads, 'selection', tab.then(readSelection));
}

function readsFor(surface: Surface | undefined): EarlyReads | undefined {
  const reads = shared.__gromptEarlyReads;
  return reads && (!surface || reads.surface === surface) ? reads : undefined;
}

/**
 * A value already read, for a hook's initial state. Not consumed (React may call an initial
 * state function twice in development); the hooks that use it mount once, at the page's root.
 */
export function takeResolved<K extends Key>(key: K, forSurface?: Surface): EarlyValues[K] | undefined {
  const resolved = readsFor(forSurface)?.resolved;
  return resolved && key in resolved ? (resolved[key] as EarlyValues[K]) : undefined;
}

/** A read still under way, for a hook that mounted before it finished. */
export function takeEarly<K extends Key>(key: K, forSurface?: Surface): Promise<EarlyValues[K]> | undefined {
  return readsFor(forSurface)?.pending[key] as Promise<EarlyValues[K]> | undefined;
}
