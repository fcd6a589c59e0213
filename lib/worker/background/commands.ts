import type { Browser } from 'wxt/browser';
import { log } from '../../log/logger';
import { activeTab, runOnSelection } from './selection-jobs';
import { openSidePanel } from '../../browser/side-panel';

/** Keyboard shortcuts (manifest `commands`); users can change them in the browser's settings. */
export function onCommand(command: string, tab?: Browser.tabs.Tab): void {
  if (command !== 'open-side-panel' && command !== 'summarize-selection') return;
  openSidePanel(tab?.windowId);
  if (command !== 'summarize-selection') return;
  const run = async () => runOnSelection('summarizer', (tab ?? (await activeTab()))?.id, '');
  run().catch((error: unknown) => log.error('shortcut action failed', { command, error }));
}
