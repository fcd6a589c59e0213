import type { Page } from '@playwright/test';
import type { FakeServer } from '../test/fakes/http';
import { startOpenAIFake } from '../test/fakes/openai-fake';
import type { StreamTiming } from '../test/fakes/stream-timing';
import { BENCH_KEY, type BenchBrowser } from './extension';
import { type AnswerWatch, type BenchWindow, type PortWatch, pageScript, watchAnswer } from './probes';
import { progress, ratio, type Summary, sleep, summarise } from './stats';
import { type TaskTime, traceTasks } from './task-cpu';

/** One answer in the popup, from Run to its Copy action, with the fake's own times. */
export interface AnswerRun {
  model: string;
  fake: StreamTiming;
  page: AnswerWatch & { firstDeltaAt: number };
  /** When the worker saw the first text (the job's firstTokenAt, Date.now() in the worker). */
  workerFirstTokenAt: number;
  /** Fake first SSE byte → first text in the popup's DOM. */
  firstTokenMs: number;
  /** Fake first SSE byte → the answer done on screen (Copy shown). */
  totalMs: number;
  /** Fake first SSE byte → its last byte. */
  sendMs: number;
  /** Run click → first text on screen, less the fake's own latency (request read → first byte). */
  clickToFirstTokenMs: number;
  longestTaskMs: number;
  longTasksOver100: number;
}

export interface Fakes {
  /** As fast as it can send, each event leaving when written. */
  flood: FakeServer;
  /** 1,000 events a second: a fast real provider. */
  paced: FakeServer;
  timings: StreamTiming[];
  close(): Promise<void>;
}

export const PACED_EVENTS_PER_SECOND = 1000;

/** From the popup being interactive to the click on Run. */
export const SETTLE_MS = 300;

export async function startFakes(): Promise<Fakes> {
  const timings: StreamTiming[] = [];
  const onStreamTiming = (timing: StreamTiming) => void timings.push(timing);
  const flood = await startOpenAIFake({ keys: [BENCH_KEY], onStreamTiming });
  const paced = await startOpenAIFake({ keys: [BENCH_KEY], onStreamTiming, eventsPerSecond: PACED_EVENTS_PER_SECOND });
  return {
    flood,
    paced,
    timings,
    close: async () => {
      await flood.close();
      await paced.close();
    },
  };
}

/** When the page's port got the first text of the newest job of a feature (the port probe, probes.ts). */
export function firstDeltaOf(port: PortWatch | undefined, feature: string): number {
  const jobs = Object.values(port?.jobs ?? {}).filter((job) => job.feature === feature);
  return jobs.sort((a, b) => b.at - a.at)[0]?.firstDeltaAt ?? 0;
}

export interface AnswerOptions {
  fakes: Fakes;
  fake: FakeServer;
  model: string;
  timeoutMs?: number;
  /** Runs between the popup being ready and the click (the cold-start bench stops the worker here). */
  beforeRun?: (popup: Page) => Promise<void>;
  /** Runs once the answer is done, before the popup closes (to collect a profile, say). */
  afterRun?: (popup: Page) => Promise<void>;
  /** Selects the text the popup pre-fills (default: the article's lead paragraph). */
  select?: () => Promise<unknown>;
  /** Waits until the popup is ready for Run (default: the readiness probe of the pre-filled field). */
  ready?: (popup: Page) => Promise<unknown>;
}

/**
 * Opens the popup over the article (pre-filled with the selection), clicks Run and waits
 * until the answer is done. The popup's last job is forgotten first, so that the page
 * shows no answer when the watch starts.
 */
export async function runAnswer(browser: BenchBrowser, options: AnswerOptions): Promise<AnswerRun> {
  const { fakes, fake, model } = options;
  await browser.routeToFakeOpenAI(fake, model);
  await browser.settings({ lastFeature: 'summarizer' });
  await browser.forget('drafts.popup');
  await browser.forgetJobs();
  await (options.select ?? (() => browser.selectLead()))();
  const popup = await browser.openWindow('popup.html');
  try {
    await (options.ready ? options.ready(popup) : browser.ready(popup));
    // A person clicks Run a moment after the popup opened, not within its first frames (the
    // popup loads the Markdown renderer when idle): the answer is timed, not the opening.
    await popup.waitForTimeout(SETTLE_MS);
    await options.beforeRun?.(popup);
    const before = fakes.timings.length;
    await popup.evaluate(pageScript(watchAnswer));
    await popup.getByRole('button', { name: 'Run', exact: true }).click();
    const handle = await popup.waitForFunction(
      () => {
        const state = (window as BenchWindow).__benchAnswer;
        return Boolean(state?.doneAt);
      },
      null,
      { timeout: options.timeoutMs ?? 60_000, polling: 250 },
    );
    await handle.dispose();
    await options.afterRun?.(popup);
    const watched = (await popup.evaluate(() => ({
      answer: (window as BenchWindow).__benchAnswer,
      port: (window as BenchWindow).__benchPort,
    }))) as {
      answer: AnswerWatch;
      port: PortWatch;
    };
    const page = { ...watched.answer, firstDeltaAt: firstDeltaOf(watched.port, 'summarizer') };
    // The fake reports once it has written its last byte, which may trail the page by a moment.
    for (let wait = 0; fakes.timings.length === before && wait < 50; wait++) await sleep(20);
    const timing = fakes.timings.at(-1);
    if (!timing || fakes.timings.length === before) throw new Error(`no streamed answer from the fake for ${model}`);
    const job = await browser.storedJob('popup/summarizer');
    if (job?.status !== 'done') throw new Error(`the ${model} answer ended as ${job?.status}`);
    const streaming = page.longTasks.filter((task) => task.start + task.duration >= timing.firstByteAt && task.start <= page.doneAt);
    return {
      model,
      fake: timing,
      page,
      workerFirstTokenAt: job.firstTokenAt ?? 0,
      firstTokenMs: page.firstTextAt - timing.firstByteAt,
      totalMs: page.doneAt - timing.firstByteAt,
      sendMs: timing.endAt - timing.firstByteAt,
      clickToFirstTokenMs: page.firstTextAt - page.clickAt - (timing.firstByteAt - timing.receivedAt),
      longestTaskMs: Math.round(Math.max(0, ...streaming.map((task) => task.duration))),
      longTasksOver100: streaming.filter((task) => task.duration > 100).length,
    };
  } finally {
    await popup.close();
  }
}

export interface StreamingResult {
  eventsPerSecond: number;
  /** Fake first SSE byte → first text in the popup (paced, 2,000 tokens). */
  firstToken: Summary;
  /** Where the first token's time goes (medians): fake → worker → popup port → DOM. */
  firstTokenHops: { fakeToWorker: number; workerToPort: number; portToDom: number };
  total: Summary;
  send: Summary;
  /** Total ÷ send, per run. */
  ratio: Summary;
  /** The same 2,000 tokens as fast as the fake sends them: what the popup needs to catch up. */
  flood: { total: Summary; send: Summary; firstToken: Summary };
}

/** Benchmark 3: first-token overhead, and a 2,000-token answer against the fake's own send time. */
export async function measureStreaming(browser: BenchBrowser, fakes: Fakes, runs: number, floodRuns: number): Promise<StreamingResult> {
  // Warm-up: the first answer also loads the Markdown renderer and the SDK paths.
  await runAnswer(browser, { fakes, fake: fakes.paced, model: 'long-2000' });
  const paced: AnswerRun[] = [];
  for (let run = 0; run < runs; run++) paced.push(await runAnswer(browser, { fakes, fake: fakes.paced, model: 'long-2000' }));
  progress(`2,000 tokens paced: first token ${summarise(paced.map((r) => r.firstTokenMs)).median} ms`);
  if (process.env.BENCH_VERBOSE === '1') {
    for (const r of paced) {
      const port = r.page.firstDeltaAt;
      progress(
        `  first token ${r.firstTokenMs} ms: fake→worker ${r.workerFirstTokenAt - r.fake.firstTokenAt}, worker→port ${port ? port - r.workerFirstTokenAt : '?'}, port→DOM ${port ? r.page.firstTextAt - port : '?'} (first event→first text at the fake ${r.fake.firstTokenAt - r.fake.firstByteAt})`,
      );
    }
  }
  const flood: AnswerRun[] = [];
  for (let run = 0; run < floodRuns; run++) flood.push(await runAnswer(browser, { fakes, fake: fakes.flood, model: 'long-2000' }));
  const median = (values: number[]) => summarise(values).median;
  const withPort = paced.filter((r) => r.page.firstDeltaAt > 0);
  return {
    eventsPerSecond: PACED_EVENTS_PER_SECOND,
    firstToken: summarise(paced.map((r) => r.firstTokenMs)),
    firstTokenHops: {
      fakeToWorker: median(paced.map((r) => r.workerFirstTokenAt - r.fake.firstTokenAt)),
      // The port probe is an init script, which a popup opened by the worker sometimes misses: those runs have no hop.
      workerToPort: median(withPort.map((r) => r.page.firstDeltaAt - r.workerFirstTokenAt)),
      portToDom: median(withPort.map((r) => r.page.firstTextAt - r.page.firstDeltaAt)),
    },
    total: summarise(paced.map((r) => r.totalMs)),
    send: summarise(paced.map((r) => r.sendMs)),
    ratio: summarise(paced.map((r) => ratio(r.totalMs, r.sendMs))),
    flood: {
      total: summarise(flood.map((r) => r.totalMs)),
      send: summarise(flood.map((r) => r.sendMs)),
      firstToken: summarise(flood.map((r) => r.firstTokenMs)),
    },
  };
}

export interface LongResult {
  pairs: number;
  total25k: Summary;
  total50k: Summary;
  /** Median 50k ÷ median 25k (linear ≈ 2.0). */
  ratio: number;
  longestTask25k: Summary;
  longestTask50k: Summary;
  longTasksOver100: number;
  firstToken50k: Summary;
  /** Runs that did not finish within the time limit (counted at the limit). */
  timedOut: number;
  /**
   * Each run is traced: its longest popup task by the popup thread's CPU time, which the budget
   * reads. The Long Tasks API's wall time (longestTask25k/50k) also counts the time the thread
   * waited for a core: on this 2-core VM, while the fake floods, most of it (see the README).
   */
  longestTaskCpu25k: Summary;
  longestTaskCpu50k: Summary;
  /** The longest task by wall time in all runs, and how much of it was on the CPU. */
  cpuOfLongestWall?: { wallMs: number; cpuMs: number };
}

interface TracedRun extends AnswerRun {
  tasks: { longestWallMs: number; longestCpuMs: number; cpuOfLongestWallMs: number };
}

/** runAnswer with the popup's main-thread tasks traced from just before Run to the answer done. */
async function tracedAnswer(browser: BenchBrowser, options: AnswerOptions): Promise<TracedRun> {
  let stop: (() => Promise<TaskTime[]>) | undefined;
  let tasks: TaskTime[] = [];
  const run = await runAnswer(browser, {
    ...options,
    beforeRun: async (popup) => {
      stop = await traceTasks(popup);
    },
    afterRun: async () => {
      tasks = (await stop?.()) ?? [];
    },
  });
  if (!tasks.length) throw new Error(`no popup tasks in the trace of ${options.model}`);
  const longest = tasks.reduce((a, b) => (b.wallMs > a.wallMs ? b : a));
  return {
    ...run,
    tasks: {
      longestWallMs: Math.round(longest.wallMs),
      longestCpuMs: Math.round(Math.max(...tasks.map((task) => task.cpuMs))),
      cpuOfLongestWallMs: Math.round(longest.cpuMs),
    },
  };
}

/**
 * Benchmark 4: 25,000- and 50,000-token answers as fast as the fake sends them, in pairs,
 * as many pairs (1 to maxPairs) as fit before `deadline` (epoch ms).
 */
export async function measureLong(browser: BenchBrowser, fakes: Fakes, maxPairs: number, deadline: number): Promise<LongResult> {
  const runs: Record<'25k' | '50k', TracedRun[]> = { '25k': [], '50k': [] };
  let timedOut = 0;
  let lastPair = 0;
  for (let pair = 0; pair < maxPairs; pair++) {
    if (pair > 0 && Date.now() + lastPair * 1.1 > deadline) break;
    const started = Date.now();
    for (const [size, model] of [
      ['25k', 'long-25000'],
      ['50k', 'long-50000'],
    ] as const) {
      try {
        runs[size].push(await tracedAnswer(browser, { fakes, fake: fakes.flood, model, timeoutMs: 150_000 }));
      } catch (error) {
        timedOut += 1;
        progress(`${model}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    lastPair = Date.now() - started;
    progress(`long answers, pair ${pair + 1}: ${Math.round(lastPair / 1000)} s`);
  }
  const longestWall = [...runs['25k'], ...runs['50k']].sort((a, b) => b.tasks.longestWallMs - a.tasks.longestWallMs)[0];
  const total25k = summarise(runs['25k'].map((r) => r.totalMs));
  const total50k = summarise(runs['50k'].map((r) => r.totalMs));
  return {
    pairs: Math.max(runs['25k'].length, runs['50k'].length),
    total25k,
    total50k,
    ratio: ratio(total50k.median, total25k.median),
    longestTask25k: summarise(runs['25k'].map((r) => r.longestTaskMs)),
    longestTask50k: summarise(runs['50k'].map((r) => r.longestTaskMs)),
    longestTaskCpu25k: summarise(runs['25k'].map((r) => r.tasks.longestCpuMs)),
    longestTaskCpu50k: summarise(runs['50k'].map((r) => r.tasks.longestCpuMs)),
    cpuOfLongestWall: longestWall ? { wallMs: longestWall.tasks.longestWallMs, cpuMs: longestWall.tasks.cpuOfLongestWallMs } : undefined,
    longTasksOver100: [...runs['25k'], ...runs['50k']].reduce((sum, r) => sum + r.longTasksOver100, 0),
    firstToken50k: summarise(runs['50k'].map((r) => r.firstTokenMs)),
    timedOut,
  };
}

export interface ColdStartResult {
  /** Run click → first token, less the fake's own latency, with the worker stopped first. */
  cold: Summary;
  /** The same with the worker running. */
  warm: Summary;
  /** Median cold − median warm: what waking the worker costs. */
  wakeCost: number;
  /** The fake's own latency (request read → first byte), median. */
  fakeLatency: number;
}

/** Benchmark 5: the worker stopped (as after 30 s idle), then Run in a freshly opened popup. */
export async function measureColdStart(browser: BenchBrowser, fakes: Fakes, runs: number): Promise<ColdStartResult> {
  const cold: AnswerRun[] = [];
  const warm: AnswerRun[] = [];
  for (let run = 0; run < runs; run++) {
    warm.push(await runAnswer(browser, { fakes, fake: fakes.flood, model: 'gpt-bench' }));
    cold.push(await runAnswer(browser, { fakes, fake: fakes.flood, model: 'gpt-bench', beforeRun: (popup) => browser.stopWorker(popup) }));
  }
  const coldSummary = summarise(cold.map((r) => r.clickToFirstTokenMs));
  const warmSummary = summarise(warm.map((r) => r.clickToFirstTokenMs));
  return {
    cold: coldSummary,
    warm: warmSummary,
    wakeCost: Math.round((coldSummary.median - warmSummary.median) * 10) / 10,
    fakeLatency: summarise(cold.map((r) => r.fake.firstByteAt - r.fake.receivedAt)).median,
  };
}
