import type { BrowserContext, Page } from '@playwright/test';
import type { BenchBrowser } from './extension';
import { progress } from './stats';
import type { Fakes } from './streaming';

export interface MemoryResult {
  turns: number;
  /** JS heap of the side panel after a forced GC (Runtime.getHeapUsage), MB. */
  heapBeforeMB: number;
  heapAfterMB: number;
  /** DOM elements in the side panel after the chat. */
  domNodes: number;
  /** The conversation as kept in storage.session, kB of JSON. */
  conversationKB: number;
  /** Send → the assistant turn shown, per turn: first and last ten, median (ms). */
  turnMsFirst10: number;
  turnMsLast10: number;
  totalSeconds: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 100) / 100;

async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? Number.NaN;
};

/** Benchmark 7: the side panel's JS heap after a 50-turn chat through the composer (BYOK, fake OpenAI). */
export async function measureMemory(browser: BenchBrowser, fakes: Fakes, turns: number): Promise<MemoryResult> {
  await browser.routeToFakeOpenAI(fakes.flood, 'gpt-bench');
  await browser.forget('chat', 'drafts.sidepanel', 'panel-view');
  await browser.forgetJobs();
  const started = Date.now();
  const panel = await browser.openTab('sidepanel.html');
  try {
    await browser.ready(panel);
    await panel.getByRole('tab', { name: 'Chat', exact: true }).waitFor();
    const heapBefore = await heapAfterGc(browser.context, panel);
    const composer = panel.getByLabel('Message', { exact: true });
    const times: number[] = [];
    for (let turn = 1; turn <= turns; turn++) {
      const sent = Date.now();
      await composer.fill(`Question number ${turn}: what changed in the harbours?`);
      await composer.press('Enter');
      await panel.waitForFunction((count) => document.querySelectorAll('.turn-assistant').length >= count, turn, {
        timeout: 30_000,
        polling: 'raf',
      });
      times.push(Date.now() - sent);
    }
    const heapAfter = await heapAfterGc(browser.context, panel);
    const domNodes = await panel.evaluate(() => document.getElementsByTagName('*').length);
    const worker = await browser.worker();
    const conversation = await worker.evaluate(async () => JSON.stringify((await chrome.storage.session.get('chat')).chat ?? {}).length);
    progress(`side panel heap ${mb(heapBefore)} → ${mb(heapAfter)} MB after ${turns} turns`);
    return {
      turns,
      heapBeforeMB: mb(heapBefore),
      heapAfterMB: mb(heapAfter),
      domNodes,
      conversationKB: Math.round(conversation / 102.4) / 10,
      turnMsFirst10: median(times.slice(0, 10)),
      turnMsLast10: median(times.slice(-10)),
      totalSeconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await panel.close();
  }
}
