import type { Surface } from '@/lib/messaging/job';
import { activeTabId, type PageResult } from '@/lib/page/page-access';
import { readSelection } from '@/lib/page/selection';
import type { Settings } from '@/lib/settings/schema';
import { draftItems, type FormDrafts, readSettings } from '@/lib/storage/items';

/**
 * What a page needs for its first useful frame (settings, drafts, the tab and its selection),
 * started by main.tsx before React loads and mounts, so the reads run while it does. The
 * hooks take these promises instead of starting the same reads after the first render.
 */
interface EarlyReads {
  surface: Surface;
  settings: Promise<Settings>;
  drafts: Promise<FormDrafts>;
  tab: Promise<number | undefined>;
  selection?: Promise<PageResult<string>>;
}

let early: EarlyReads | undefined;

export function startEarlyReads(surface: Surface, options: { selection: boolean }): void {
  const tab = activeTabId();
  early = {
    surface,
    settings: readSettings(),
    drafts: draftItems[surface].getValue(),
    tab,
    ...(options.selection ? { selection: tab.then(readSelection) } : {}),
  };
}

/** Each early read is handed out once; later reads are fresh. */
export function takeEarly<K extends 'settings' | 'drafts' | 'tab' | 'selection'>(key: K, surface?: Surface): EarlyReads[K] | undefined {
  if (!early || (surface && early.surface !== surface)) return undefined;
  const value = early[key];
  delete early[key];
  return value;
}
