import type { Worker } from '@playwright/test';

/** Clicks a context-menu item the way Chromium does: the same onClicked listeners fire with (info, tab). */
export async function clickMenuItem(worker: Worker, menuItemId: string, selectionText: string): Promise<void> {
  await worker.evaluate(
    async ({ menuItemId, selectionText }) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      // Undocumented but real: dispatch() runs the registered listeners as a click would.
      (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
        { menuItemId, selectionText, pageUrl: tab?.url, frameId: 0, editable: false },
        tab,
      );
    },
    { menuItemId, selectionText },
  );
}

/** Whether a menu item exists (Chromium has no getAll(); update() fails for an id never created). */
export function menuItemExists(worker: Worker, id: string): Promise<boolean> {
  return worker.evaluate(
    (menuId) =>
      new Promise<boolean>((resolve) => {
        chrome.contextMenus.update(menuId, {}, () => resolve(!chrome.runtime.lastError));
      }),
    id,
  );
}

/**
 * Clicks a context-menu item the way Chromium does: the same onClicked listeners fire with
 * (info, tab). Returns when the click was made (Date.now() in the worker).
 */
export async function clickMenu(worker: Worker, menuItemId: string, selectionText: string, pageUrl: string): Promise<number> {
  return worker.evaluate(
    async ({ menuItemId, selectionText, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const clickedAt = Date.now();
      // Undocumented but real: dispatch() runs the registered listeners as a click would.
      (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
        { menuItemId, selectionText, pageUrl, frameId: 0, editable: false },
        tab,
      );
      return clickedAt;
    },
    { menuItemId, selectionText, pageUrl },
  );
}

/** A key as the key field leaves it: in session memory, used just now (set from the worker, as the tests of the menu do). */
export async function storeKey(worker: Worker, provider: string, key: string): Promise<void> {
  await worker.evaluate(
    ({ provider, key }) => chrome.storage.session.set({ 'byok-keys': { [provider]: key }, 'byok-last-activity': Date.now() }),
    { provider, key },
  );
}
