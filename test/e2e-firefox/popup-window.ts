import type { Page } from 'puppeteer-core';
import { type Firefox, ORIGIN } from './driver';
import { waitFor } from './wait';

/** Selects the text of an element on a page, as a user dragging over it would. */
export function selectText(page: Page, selector: string): Promise<string> {
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

/**
 * Opens popup.html the way a toolbar click leaves things: the web page stays the active tab of
 * the last focused window, so the popup reads its selection. (BiDi cannot reach the toolbar
 * popup's panel; a popup window over the page is the closest real equivalent, as in Chromium.)
 * Firefox ignores windows.create's `focused: false`, so the window opens blank, the page's
 * window gets the focus back, and only then does the popup load.
 */
export async function openPopupOver(firefox: Firefox, viewport: { width: number; height: number }): Promise<Page> {
  const url = `${ORIGIN}/popup.html`;
  const before = new Set(await firefox.browser.pages());
  const { pageWindow, popupTab } = await firefox.ext(async (api, size) => {
    const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
    const created = await api.windows.create({ url: 'about:blank', type: 'popup', ...size });
    return { pageWindow: tab?.windowId ?? -1, popupTab: created?.tabs?.[0]?.id ?? -1 };
  }, viewport);
  await waitFor(
    () =>
      firefox.ext(async (api, id) => {
        await api.windows.update(id, { focused: true });
        return (await api.windows.getLastFocused()).id === id;
      }, pageWindow),
    'the page window to have the focus back',
  );
  await firefox.ext((api, target) => api.tabs.update(target.popupTab, { url: target.url }), { popupTab, url });
  const page = await waitFor(async () => {
    for (const candidate of await firefox.browser.pages()) {
      if (before.has(candidate)) continue;
      const ready = await candidate
        .evaluate((expected) => location.href === expected && (document.querySelector('#root')?.childElementCount ?? 0) > 0, url)
        .catch(() => false);
      if (ready) return candidate;
    }
    return undefined;
  }, 'the popup window');
  await page.setViewport(viewport);
  return page;
}
