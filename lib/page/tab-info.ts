import { browser } from 'wxt/browser';

/**
 * A tab's title and address, when the browser lets us see them (the page was opened on it, or
 * we have access to its site); empty otherwise. Used as {{page.title}} and {{page.url}}.
 */
export async function tabInfo(tabId: number | undefined): Promise<{ title?: string; url?: string }> {
  if (tabId === undefined) return {};
  try {
    const tab = await browser.tabs.get(tabId);
    return { ...(tab.title ? { title: tab.title } : {}), ...(tab.url ? { url: tab.url } : {}) };
  } catch {
    return {};
  }
}
