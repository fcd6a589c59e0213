import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { activeTabId } from '@/lib/page/page-access';

/**
 * The active tab when it is not the one the chat's page came from (the user switched tabs, or
 * the page's tab went somewhere else): the chat offers to switch to it. Undefined otherwise, and
 * once the user has declined for that tab.
 */
export function useOtherTab(page: { tabId?: number; url?: string } | undefined): { tabId: number | undefined; decline(): void } {
  const [active, setActive] = useState<{ id: number; url?: string } | undefined>();
  const [declined, setDeclined] = useState<number | undefined>();
  useEffect(() => {
    const check = async () => {
      const id = await activeTabId();
      if (id === undefined) return setActive(undefined);
      const tab = await browser.tabs.get(id).catch(() => undefined);
      setActive({ id, ...(tab?.url ? { url: tab.url } : {}) });
    };
    void check();
    const onActivated = () => void check();
    const onUpdated = (_tabId: number, change: { status?: string; url?: string }) => {
      if (change.status === 'complete' || change.url) void check();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  // Same tab, other address: it navigated. (The address is known only where we have access.)
  const moved = active && page && (active.id !== page.tabId || (active.url && page.url && active.url !== page.url));
  const tabId = moved && declined !== active?.id ? active?.id : undefined;
  return { tabId, decline: () => setDeclined(active?.id) };
}
