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
