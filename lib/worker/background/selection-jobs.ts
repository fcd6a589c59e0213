import { browser } from 'wxt/browser';
import { setDraft } from '../chat/conversation';
import { startJob } from '../engine/jobs';
import type { FeatureId } from '../../features/ids';
import { FEATURES } from '../../features/registry';
import { readSelection } from '../../page/selection';
import { panelViewItem, readSettings } from '../../storage/items';

/** The selection as the page has it (with line breaks), or the menu's copy of it. */
export async function selectionText(tabId: number | undefined, fallback: string, frameId?: number): Promise<string> {
  const read = await readSelection(tabId, frameId);
  return read.ok && read.value ? read.value : fallback;
}

/**
 * Hands a selection to the side panel: the job starts here, at once, and is kept in session
 * storage; the panel attaches to it when it mounts (or at once, if it is already open).
 * Chat gets the selection quoted in its composer instead, for the user to ask about.
 * `frameId`: the frame the context menu was opened in, whose selection it is.
 */
export async function runOnSelection(feature: FeatureId, tabId: number | undefined, fallbackText: string, frameId?: number): Promise<void> {
  const text = await selectionText(tabId, fallbackText, frameId);
  await panelViewItem.setValue({ feature, at: Date.now() });
  if (feature === 'chat') {
    await setDraft(
      text
        ? `${text
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n')}\n\n`
        : '',
    );
    return;
  }
  const settings = await readSettings();
  const defaults = settings.featureDefaults[feature];
  const provider = defaults?.provider ?? settings.provider;
  await startJob({
    surface: 'sidepanel',
    feature,
    provider,
    ...(defaults?.model ? { model: defaults.model } : {}),
    input: { [FEATURES[feature].mainField]: text },
  });
}

export async function activeTab(): Promise<{ id?: number; windowId?: number } | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}
