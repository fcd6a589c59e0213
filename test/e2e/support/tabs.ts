import { expect, type Page, type Worker } from '@playwright/test';

/**
 * Brings a page's tab to the front and waits until the extension sees it as the active tab:
 * `bringToFront()` returns before `tabs.query({ active: true })` says so, and a click in the
 * side panel or a menu click made in between acts on the tab that was in front before.
 */
export async function activate(worker: Worker, page: Page): Promise<void> {
  await page.bringToFront();
  const url = page.url();
  await expect
    .poll(() => worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url ?? ''), {
      timeout: 10_000,
    })
    .toBe(url);
}
