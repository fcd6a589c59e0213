import { browser } from 'wxt/browser';
import { setDraft } from '../chat/conversation';
import { startJob } from '../engine/jobs';
import type { FeatureId } from '../../features/ids';
import { quoteSelection } from '../../features/quote';
import { FEATURES } from '../../features/registry';
import { readSelection } from '../../page/selection';
import { bestEffort } from '../session/room';
import { panelViewItem, readSettings } from '../../storage/items';

/** The selection as the page has it (with line breaks), or the menu's copy of it. */
export async function selectionText(tabId: number | undefined, fallback: string, frameId?: number): Promise<string> {
  const read = await readSelection(tabId, frameId);
  return read.ok && read.value ? read.value : fallback;
}

/**
 * Hands a selection to the side panel: the job starts here, at once, and is kept in session
 * storage; the panel follows it when it mounts (or at once, if it is already open). It never
 * stops another answer: if the panel's same feature is still writing one, this run waits for
 * it, and the panel offers to stop that one instead. Chat gets the selection quoted in its
 * composer, for the user to ask about. `frameId`: the frame the context menu was opened in,
 * whose selection it is.
 */
export async function runOnSelection(feature: FeatureId, tabId: number | undefined, fallbackText: string, frameId?: number): Promise<void> {
  const text = await selectionText(tabId, fallbackText, frameId);
  await bestEffort(() => panelViewItem.setValue({ feature, at: Date.now() }));
  if (feature === 'chat') {
    await setDraft(quoteSelection(text));
    return;
  }
  const settings = await readSettings();
  const defaults = settings.featureDefaults[feature];
  const provider = defaults?.provider ?? settings.provider;
  await startJob(
    {
      surface: 'sidepanel',
      feature,
      provider,
      ...(defaults?.model ? { model: defaults.model } : {}),
      input: { [FEATURES[feature].mainField]: text },
    },
    { ifBusy: 'queue' },
  );
}

export async function activeTab(): Promise<{ id?: number; windowId?: number } | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}
