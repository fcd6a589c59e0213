import type { BrowserContext, Page, Worker } from '@playwright/test';

/**
 * Opens the popup page the way a click would leave things: the web page stays the active
 * tab of the last focused window, so the popup reads its selection. (Playwright cannot
 * click the toolbar; an unfocused popup window is the closest real equivalent.)
 */
export async function openPopupOver(context: BrowserContext, worker: Worker, extensionId: string): Promise<Page> {
  const opened = context.waitForEvent('page', (page) => page.url().includes('/popup.html'));
  await worker.evaluate(async (url) => {
    await chrome.windows.create({ url, type: 'popup', focused: false, width: 460, height: 600 });
  }, `chrome-extension://${extensionId}/popup.html`);
  const popup = await opened;
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}

/** Selects the text of an element on a page, as a user dragging over it would. */
export async function selectText(page: Page, selector: string): Promise<string> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) throw new Error(`no ${css}`);
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return selection?.toString() ?? '';
  }, selector);
}

/** Settings as the options page would save them (storage.local, no secrets). */
export async function saveSettings(worker: Worker, settings: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (value) => {
    const { settings: current } = (await chrome.storage.local.get('settings')) as { settings?: Record<string, unknown> };
    await chrome.storage.local.set({ settings: { ...(current ?? {}), ...value } });
  }, settings);
}
