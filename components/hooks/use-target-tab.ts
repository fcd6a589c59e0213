import { useCallback, useRef } from 'react';
import { activeTabId } from '@/lib/page/page-access';
import { takeEarly, takeResolved } from '../early-reads';

/**
 * The tab a page acts on. The popup acts on the tab it was opened over, fixed when it opens
 * (later, its own clicks could make another window the "last focused" one); the side panel
 * follows whatever tab is active now.
 */
export function useTargetTab(pinned: boolean): () => Promise<number | undefined> {
  const pinnedTab = useRef<Promise<number | undefined> | undefined>(undefined);
  if (pinned && !pinnedTab.current) {
    const known = takeResolved('tab');
    pinnedTab.current = known !== undefined ? Promise.resolve(known) : (takeEarly('tab') ?? activeTabId());
  }
  return useCallback(() => pinnedTab.current ?? activeTabId(), []);
}
