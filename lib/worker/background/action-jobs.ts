import type { Browser } from 'wxt/browser';
import { actionChoice } from '../../actions/choice';
import { CUSTOM_ACTION } from '../../actions/run-input';
import { readCustomActions } from '../../actions/stored';
import { resolveLanguage } from '../../i18n/translate';
import { panelViewItem, readSettings } from '../../storage/items';
import { saveDraft } from '../session/drafts';
import { bestEffort } from '../session/room';
import { startJob } from '../engine/jobs';
import { selectionText } from './selection-jobs';

/**
 * Runs one of the user's actions on a selection from the context menu: the job starts here, at
 * once, in the side panel's actions view. Only the action's id and the text go into the job; the
 * template is read from storage when it is prepared.
 */
export async function runActionOnSelection(
  actionId: string,
  tab: Pick<Browser.tabs.Tab, 'id' | 'title' | 'url'> | undefined,
  fallbackText: string,
  /** The frame the menu was opened in: its selection is the user's. */
  frameId?: number,
) {
  const settings = await readSettings();
  const language = resolveLanguage(settings.language, globalThis.navigator?.language ?? 'en');
  const action = (await readCustomActions(language)).find((entry) => entry.id === actionId);
  if (!action) return;
  const text = await selectionText(tab?.id, fallbackText, frameId);
  const input = {
    actionId,
    selection: text,
    ...(tab?.title ? { pageTitle: tab.title } : {}),
    ...(tab?.url ? { pageUrl: tab.url } : {}),
  };
  await saveDraft('sidepanel', CUSTOM_ACTION, input);
  await bestEffort(() => panelViewItem.setValue({ feature: CUSTOM_ACTION, at: Date.now() }));
  // Like the built-in menu items: an action still answering is never stopped; this run waits for it.
  await startJob({ surface: 'sidepanel', feature: CUSTOM_ACTION, ...actionChoice(action, settings), input }, { ifBusy: 'queue' });
}
