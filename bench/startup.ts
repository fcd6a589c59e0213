import type { Page } from '@playwright/test';
import type { BenchBrowser } from './extension';
import { progress, ratio, type Summary, summarise } from './stats';

export interface StartupResult {
  /** Popup: navigation start → "Text to summarize" focusable and pre-filled with the page selection. */
  popup: Summary;
  /** Popup: navigation start → the field first rendered (still empty: the selection is being read). */
  popupFirstRender: Summary;
  /** The bare React page, opened the same way (an unfocused popup window over the article). */
  popupBaseline: Summary;
  popupRatio: number;
  /** Side panel (as a tab): navigation start → the chat composer ("Message") focusable. */
  sidepanel: Summary;
  /** The bare React page, opened the same way (a tab). */
  sidepanelBaseline: Summary;
  sidepanelRatio: number;
  /** Navigation timing medians of each page, to tell loading from running. */
  phases: Record<string, { responseEnd: number; domInteractive: number; domContentLoaded: number }>;
  popupFocused: boolean;
}

interface Sample {
  ready: number;
  firstRender: number;
  responseEnd: number;
  domInteractive: number;
  domContentLoaded: number;
}

async function sample(browser: BenchBrowser, page: Page): Promise<Sample & { value: string; focused: boolean }> {
  const probe = await browser.ready(page);
  const navigation = await page.evaluate(() => {
    const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      responseEnd: entry?.responseEnd ?? 0,
      domInteractive: entry?.domInteractive ?? 0,
      domContentLoaded: entry?.domContentLoadedEventStart ?? 0,
    };
  });
  return { ...navigation, ready: probe.ready, firstRender: probe.firstRender, value: probe.value, focused: probe.focused };
}

const median = (values: number[]) => summarise(values).median;

function phases(samples: Sample[]) {
  return {
    responseEnd: median(samples.map((s) => s.responseEnd)),
    domInteractive: median(samples.map((s) => s.domInteractive)),
    domContentLoaded: median(samples.map((s) => s.domContentLoaded)),
  };
}

/**
 * Benchmarks 1 and 2. Each opening is a new document; the pages alternate (popup, baseline,
 * baseline, popup, …) so that drift on a busy machine hits both alike. Warm-up rounds are
 * dropped: they pay for the first compile of the scripts, which a user pays once.
 */
export async function measureStartup(browser: BenchBrowser, runs: number, warmups: number): Promise<StartupResult> {
  const selection = await browser.selectLead();
  await browser.settings({ lastFeature: 'summarizer' });
  const popup: Sample[] = [];
  const popupBaseline: Sample[] = [];
  let popupFocused = true;
  for (let round = 0; round < warmups + runs; round++) {
    const order = round % 2 ? (['bench-baseline.html', 'popup.html'] as const) : (['popup.html', 'bench-baseline.html'] as const);
    for (const name of order) {
      // Each opening as the first one: no draft, no earlier answer to show.
      if (name === 'popup.html') {
        await browser.forget('drafts.popup');
        await browser.forgetJobs();
      }
      const page = await browser.openWindow(name);
      const result = await sample(browser, page);
      await page.close();
      if (name === 'popup.html' && result.value.trim() !== selection) {
        throw new Error(`the popup pre-filled ${JSON.stringify(result.value.slice(0, 60))}, not the selection`);
      }
      if (round < warmups) continue;
      if (name === 'popup.html') {
        popup.push(result);
        popupFocused &&= result.focused;
      } else popupBaseline.push(result);
    }
  }
  progress(`popup ${summarise(popup.map((s) => s.ready)).median} ms, baseline ${summarise(popupBaseline.map((s) => s.ready)).median} ms`);

  const sidepanel: Sample[] = [];
  const sidepanelBaseline: Sample[] = [];
  for (let round = 0; round < warmups + runs; round++) {
    const order = round % 2 ? (['bench-baseline.html', 'sidepanel.html'] as const) : (['sidepanel.html', 'bench-baseline.html'] as const);
    for (const name of order) {
      const page = await browser.openTab(name);
      const result = await sample(browser, page);
      await page.close();
      if (round >= warmups) (name === 'sidepanel.html' ? sidepanel : sidepanelBaseline).push(result);
    }
  }
  progress(
    `side panel ${summarise(sidepanel.map((s) => s.ready)).median} ms, baseline ${summarise(sidepanelBaseline.map((s) => s.ready)).median} ms`,
  );

  const ready = (samples: Sample[]) => summarise(samples.map((s) => s.ready));
  return {
    popup: ready(popup),
    popupFirstRender: summarise(popup.map((s) => s.firstRender)),
    popupBaseline: ready(popupBaseline),
    popupRatio: ratio(ready(popup).median, ready(popupBaseline).median),
    sidepanel: ready(sidepanel),
    sidepanelBaseline: ready(sidepanelBaseline),
    sidepanelRatio: ratio(ready(sidepanel).median, ready(sidepanelBaseline).median),
    phases: {
      popup: phases(popup),
      popupBaseline: phases(popupBaseline),
      sidepanel: phases(sidepanel),
      sidepanelBaseline: phases(sidepanelBaseline),
    },
    popupFocused,
  };
}
