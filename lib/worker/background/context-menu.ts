import { browser, type Browser } from 'wxt/browser';
import { type CustomAction, showsIn } from '../../actions/schema';
import type { FeatureId } from '../../features/ids';
import { type Language, type MessageKey, translate } from '../../i18n/translate';
import { log } from '../../log/logger';
import { openSidePanel } from '../../browser/side-panel';
import { runActionOnSelection } from './action-jobs';
import { runOnSelection } from './selection-jobs';

const PARENT_ID = 'grompt-more';
/** The user's own actions follow the built-ins in the submenu; the id names the action. */
export const ACTION_MENU_PREFIX = 'grompt-action:';

/** Menu items on a selection, and the feature each one runs. */
export const MENU_ITEMS: readonly { id: string; feature: FeatureId; title: MessageKey; parent?: string }[] = [
  { id: 'grompt-summarizer', feature: 'summarizer', title: 'menu.summarize' },
  { id: 'grompt-prompt-crafter', feature: 'prompt-crafter', title: 'menu.craft', parent: PARENT_ID },
  { id: 'grompt-code-generator', feature: 'code-generator', title: 'menu.code', parent: PARENT_ID },
  { id: 'grompt-image-prompt', feature: 'image-prompt', title: 'menu.image', parent: PARENT_ID },
  { id: 'grompt-chat', feature: 'chat', title: 'menu.chat', parent: PARENT_ID },
];

export async function createContextMenus(language: Language, actions: readonly CustomAction[] = []): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ITEMS[0]?.id ?? '', title: translate(language, 'menu.summarize'), contexts: ['selection'] });
  browser.contextMenus.create({ id: PARENT_ID, title: translate(language, 'menu.more'), contexts: ['selection'] });
  for (const item of MENU_ITEMS.slice(1)) {
    browser.contextMenus.create({ id: item.id, parentId: item.parent, title: translate(language, item.title), contexts: ['selection'] });
  }
  const inMenu = actions.filter((action) => showsIn(action, 'menu'));
  if (inMenu.length === 0) return;
  browser.contextMenus.create({ id: 'grompt-actions-separator', parentId: PARENT_ID, type: 'separator', contexts: ['selection'] });
  for (const action of inMenu) {
    // "&" marks an access key in menu titles; "&&" is a literal ampersand.
    const title = action.name.replaceAll('&', '&&');
    browser.contextMenus.create({ id: `${ACTION_MENU_PREFIX}${action.id}`, parentId: PARENT_ID, title, contexts: ['selection'] });
  }
}

/** The click handler. The side panel opens first, synchronously, while the gesture is live. */
export function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  const id = String(info.menuItemId);
  if (id.startsWith(ACTION_MENU_PREFIX)) {
    openSidePanel(tab?.windowId);
    const actionId = id.slice(ACTION_MENU_PREFIX.length);
    runActionOnSelection(actionId, tab, info.selectionText ?? '', info.frameId).catch((error: unknown) =>
      log.error('context menu action failed', { action: actionId, error }),
    );
    return;
  }
  const item = MENU_ITEMS.find((entry) => entry.id === id);
  if (!item) return;
  openSidePanel(tab?.windowId);
  runOnSelection(item.feature, tab?.id, info.selectionText ?? '', info.frameId).catch((error: unknown) =>
    log.error('context menu action failed', { feature: item.feature, error }),
  );
}
