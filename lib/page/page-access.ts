import { browser } from 'wxt/browser';
import { log } from '../log/logger';

export type PageProblem = 'restricted' | 'no-access' | 'no-tab';

export type PageResult<T> = { ok: true; value: T } | { ok: false; problem: PageProblem };

/** Browsers protect their own pages and the web store from every extension. */
export function pageProblemOf(error: unknown): PageProblem {
  const message = error instanceof Error ? error.message : String(error);
  log.info('page not readable', { reason: message });
  if (
    /chrome:\/\/|edge:\/\/|about:|chrome-extension:\/\/|moz-extension:\/\/|gallery cannot be scripted|webstore|addons\.mozilla|view-source|devtools:/i.test(
      message,
    )
  ) {
    return 'restricted';
  }
  return 'no-access';
}

export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

export interface FrameResult<T> {
  frameId: number;
  result: T;
}

/** Runs a self-contained function in some or all frames of a tab, turning failures into a problem. */
export async function inFrames<T>(
  tabId: number | undefined,
  func: (...args: never[]) => T,
  args: unknown[] = [],
  frameIds?: number[],
): Promise<PageResult<FrameResult<T>[]>> {
  if (tabId === undefined) return { ok: false, problem: 'no-tab' };
  try {
    const results = await browser.scripting.executeScript({
      target: frameIds ? { tabId, frameIds } : { tabId, allFrames: true },
      func: func as () => T,
      args: args as [],
    });
    return { ok: true, value: results.map((entry) => ({ frameId: entry.frameId, result: entry.result as T })) };
  } catch (error) {
    return { ok: false, problem: pageProblemOf(error) };
  }
}
