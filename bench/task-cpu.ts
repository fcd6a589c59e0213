import type { CDPSession, Page } from '@playwright/test';

/** One task of a page's main thread: its wall time and the part of it the thread was on a CPU. */
export interface TaskTime {
  wallMs: number;
  cpuMs: number;
}

interface TraceEvent {
  name?: string;
  pid?: number;
  tid?: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { frames?: { processId: number; url: string }[] } };
}

/**
 * Traces a page's main-thread tasks (Chromium's tracing, the "toplevel" category), to tell a
 * task's wall time, which the Long Tasks API reports, from its thread CPU time. On a 2-core
 * machine a task can wait for a core longer than it runs: the flood fake, the worker and the
 * browser's network process all want one while an answer streams.
 */
export async function traceTasks(page: Page): Promise<() => Promise<TaskTime[]>> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'toplevel,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const path = new URL(page.url()).pathname;
  return async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const frames = events.find((event) => event.name === 'TracingStartedInBrowser')?.args?.data?.frames ?? [];
    const pid = frames.find((frame) => new URL(frame.url).pathname === path)?.processId;
    // A renderer's main thread has the process's id as its thread id.
    return events
      .filter((event) => event.name === 'ThreadControllerImpl::RunTask' && event.pid === pid && event.tid === pid)
      .map((event) => ({ wallMs: (event.dur ?? 0) / 1000, cpuMs: (event.tdur ?? 0) / 1000 }));
  };
}
