import type { Page } from '@playwright/test';
import type { BenchBrowser } from './extension';
import { type AnswerWatch, type BenchWindow, type LongTaskLog, pageScript, watchAnswer } from './probes';
import { progress, ratio, type Summary, sleep, summarise } from './stats';
import { type AnswerRun, type Fakes, runAnswer, SETTLE_MS } from './streaming';

/** Bytes written to storage.session, as Chrome counts them (each key's length plus its value as JSON). */
interface SessionWrites {
  bytes: number;
  writes: number;
}

/**
 * Runs in the worker: wraps its StorageArea's set once (in this wake) to count what is written
 * to storage.session, and resets the count.
 */
function installWriteCounter(): void {
  const scope = globalThis as unknown as { __benchWrites?: SessionWrites; browser?: typeof chrome };
  if (!scope.__benchWrites) {
    const areas = new Set([chrome.storage.session, scope.browser?.storage?.session].filter(Boolean));
    for (const area of areas) {
      if (!area) continue;
      const set = area.set.bind(area);
      const counted = (items: Record<string, unknown>) => {
        const count = scope.__benchWrites;
        if (count) {
          count.writes += 1;
          for (const [key, value] of Object.entries(items)) count.bytes += key.length + JSON.stringify(value).length;
        }
        return set(items);
      };
      Object.defineProperty(area, 'set', { value: counted, configurable: true, writable: true });
      if (area.set !== counted) throw new Error('storage.session.set could not be wrapped');
    }
  }
  scope.__benchWrites = { bytes: 0, writes: 0 };
}

/** Counts what the worker writes to storage.session from now on. */
async function countSessionWrites(browser: BenchBrowser): Promise<void> {
  const worker = await browser.worker();
  await worker.evaluate(pageScript(installWriteCounter));
}

async function sessionWrites(browser: BenchBrowser): Promise<SessionWrites> {
  const worker = await browser.worker();
  return worker.evaluate(() => (globalThis as unknown as { __benchWrites?: SessionWrites }).__benchWrites ?? { bytes: 0, writes: 0 });
}

async function longTasksUntilNow(popup: Page): Promise<LongTaskLog> {
  return popup.evaluate(() => [...((window as BenchWindow).__benchLongTasks ?? [])]);
}

export interface BigInputResult {
  chars: number;
  total: Summary;
  send: Summary;
  ratio: Summary;
  /** Longest main-thread task in the popup from its start to the answer done, per run. */
  longestTask: Summary;
  tasksOver100: number;
  /** storage.session bytes written from opening the popup to the answer done, per run (median). */
  written: Summary;
  answerChars: number;
  /** Written ÷ (input + 3 × answer), median: the budget is 1. */
  writtenRatio: number;
}

/**
 * A 2 MB selection: opened in the popup (shown as a preview), run through the paced fake
 * (2,000 tokens), the answer timed against the fake's send time; every long task of the popup
 * from its start, and every byte written to session memory from opening to done.
 */
export async function measureBigInput(browser: BenchBrowser, fakes: Fakes, runs: number): Promise<BigInputResult> {
  const results: { run: AnswerRun; tasks: LongTaskLog; writes: SessionWrites; answerChars: number }[] = [];
  let chars = 0;
  for (let run = 0; run < runs + 1; run++) {
    let tasks: LongTaskLog = [];
    let answerChars = 0;
    const answer = await runAnswer(browser, {
      fakes,
      fake: fakes.paced,
      model: 'long-2000',
      select: async () => {
        chars = await browser.selectBig();
        await countSessionWrites(browser);
      },
      ready: async (popup) => {
        await popup.locator('.large-text-preview').waitFor({ timeout: 30_000 });
        // The readiness probe watches for a visible, pre-filled "Text to summarize" field; a long
        // text is a preview instead, so the probe is told to stop (it would force a layout every frame).
        await popup.evaluate(() => {
          const probe = (window as BenchWindow).__benchProbe;
          if (probe) probe.ready ??= -1;
        });
      },
      afterRun: async (popup) => {
        tasks = await longTasksUntilNow(popup);
        answerChars = await popup.evaluate(() => document.querySelector('section.answer .markdown')?.textContent?.length ?? 0);
      },
    });
    const writes = await sessionWrites(browser);
    // The first run warms the worker's paths for 2 MB messages; it is not counted.
    if (run > 0) results.push({ run: answer, tasks, writes, answerChars });
  }
  const answerChars = results[0]?.answerChars ?? 0;
  const written = summarise(results.map((result) => result.writes.bytes));
  progress(`2 MB input: total ÷ send ${summarise(results.map((r) => ratio(r.run.totalMs, r.run.sendMs))).median}×`);
  return {
    chars,
    total: summarise(results.map((result) => result.run.totalMs)),
    send: summarise(results.map((result) => result.run.sendMs)),
    ratio: summarise(results.map((result) => ratio(result.run.totalMs, result.run.sendMs))),
    longestTask: summarise(results.map((result) => Math.round(Math.max(0, ...result.tasks.map((task) => task.duration))))),
    tasksOver100: results.reduce((sum, result) => sum + result.tasks.filter((task) => task.duration > 100).length, 0),
    written,
    answerChars,
    writtenRatio: ratio(written.median, chars + 3 * answerChars),
  };
}

export interface ThreeJobsResult {
  /** Fake first SSE byte → first text in the popup, for the third of three answers streaming at once. */
  firstToken: Summary;
  /** Runs in which all three answers were streaming as the third one's first words appeared. */
  overlapping: number;
}

/** Two features of the popup stream long answers; the third, started last, is timed to its first token. */
export async function measureThreeJobs(browser: BenchBrowser, fakes: Fakes, runs: number): Promise<ThreeJobsResult> {
  const firstTokens: number[] = [];
  let overlapping = 0;
  for (let run = 0; run < runs + 1; run++) {
    await browser.routeToFakeOpenAI(fakes.paced, 'long-2000');
    await browser.settings({
      lastFeature: 'prompt-crafter',
      featureDefaults: {
        'prompt-crafter': { provider: 'openai', model: 'long-20000' },
        'code-generator': { provider: 'openai', model: 'long-20000' },
        summarizer: { provider: 'openai', model: 'long-2000' },
      },
    });
    await browser.forget('drafts.popup');
    await browser.forgetJobs();
    await browser.selectLead();
    const popup = await browser.openWindow('popup.html');
    try {
      await popup.getByRole('tab', { name: 'Prompt Crafter', exact: true }).waitFor();
      for (const [tab, label, text] of [
        ['Prompt Crafter', 'Your ideas (one per line)', 'a landing page for a harbour museum'],
        ['Code Generator', 'What should the code do?', 'parse tide tables from CSV'],
      ] as const) {
        await popup.getByRole('tab', { name: tab, exact: true }).click();
        await popup.getByLabel(label, { exact: true }).fill(text);
        await popup.getByRole('button', { name: 'Run', exact: true }).click();
        await popup.locator('section.answer .markdown, section.answer .markdown-fallback').first().waitFor();
      }
      await popup.getByRole('tab', { name: 'Summarizer', exact: true }).click();
      await popup.getByLabel('Text to summarize', { exact: true }).fill('Tidal turbines turn twice a day; the harbour sells the power.');
      await popup.waitForTimeout(SETTLE_MS);
      await popup.evaluate(pageScript(watchAnswer));
      const clickAt = Date.now();
      await popup.getByRole('button', { name: 'Run', exact: true }).click();
      await popup.waitForFunction(() => Boolean((window as BenchWindow).__benchAnswer?.firstTextAt), null, { timeout: 60_000 });
      // All three tabs say "writing" as the third one's first words appear.
      const streamingTogether = await popup.evaluate(() => document.querySelectorAll('[data-activity="running"]').length);
      await popup.waitForFunction(() => Boolean((window as BenchWindow).__benchAnswer?.doneAt), null, { timeout: 60_000, polling: 250 });
      const watched = (await popup.evaluate(() => ({ answer: (window as BenchWindow).__benchAnswer }))) as { answer: AnswerWatch };
      // The summary's stream is the one the fake received after the click (the other two came before it).
      let timing = fakes.timings.find((candidate) => candidate.receivedAt >= clickAt);
      for (let wait = 0; !timing && wait < 50; wait++) {
        await sleep(20);
        timing = fakes.timings.find((candidate) => candidate.receivedAt >= clickAt);
      }
      if (!timing) throw new Error('no streamed answer from the fake for the third job');
      if (run > 0) {
        firstTokens.push(watched.answer.firstTextAt - timing.firstByteAt);
        if (streamingTogether === 3) overlapping += 1;
      }
      // Stop the two long answers, so the next run starts alone.
      for (const tab of ['Prompt Crafter', 'Code Generator']) {
        await popup.getByRole('tab', { name: tab, exact: true }).click();
        const stop = popup.locator('section.answer').getByRole('button', { name: 'Stop', exact: true });
        // It may have just finished: then there is nothing to stop.
        if (await stop.isVisible()) await stop.click({ timeout: 1_000 }).catch(() => undefined);
      }
      // Until no tab is writing: a stream left running (a missed click) would run on into the
      // next section and slow it (most likely why the long-answer section's first run once took 23 s).
      await popup.waitForFunction(() => !document.querySelector('[data-activity="running"]'), null, { timeout: 30_000, polling: 100 });
    } finally {
      await popup.close();
    }
    // Both stopped streams have ended (their timings are recorded only when complete: none), let the worker settle.
    await sleep(200);
  }
  return { firstToken: summarise(firstTokens), overlapping };
}
