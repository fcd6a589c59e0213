import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { describeError } from '../../errors/describe';
import type { GromptError } from '../../errors/kinds';
import { resolveLanguage } from '../../i18n/translate';
import type { GenerateRequest, Job, Surface } from '../../domain/job';
import { jobItems, readJob, readSettings } from '../../storage/items';
import { LiveJob } from './live-job';
import { runJob } from './run-job';

type Port = Browser.runtime.Port;

/** Jobs running in this wake. A cache of storage.session, never the only copy. */
const live = new Map<Surface, LiveJob>();

async function language() {
  return resolveLanguage((await readSettings()).language, globalThis.navigator?.language ?? 'en');
}

export async function startJob(request: GenerateRequest, port?: Port): Promise<void> {
  live.get(request.surface)?.controller.abort();
  const job: Job = { id: crypto.randomUUID(), request, status: 'running', text: '', startedAt: Date.now() };
  const liveJob = new LiveJob(job);
  live.set(request.surface, liveJob);
  if (port) liveJob.attach(port);
  try {
    await runJob(liveJob, await language());
  } finally {
    if (live.get(request.surface) === liveJob) live.delete(request.surface);
    if (liveJob.listenerCount === 0 && request.surface === 'popup') await markAnswerWaiting();
  }
}

/** The popup closed before its answer came: the toolbar icon says one is waiting. */
async function markAnswerWaiting(): Promise<void> {
  await browser.action?.setBadgeText({ text: '1' }).catch(() => undefined);
}

export async function attachToJob(surface: Surface, port: Port): Promise<boolean> {
  if (surface === 'popup') await browser.action?.setBadgeText({ text: '' }).catch(() => undefined);
  const running = live.get(surface);
  if (running) {
    running.attach(port);
    return true;
  }
  const job = await currentJob(surface);
  if (!job) return false;
  port.postMessage({ type: 'job', job });
  return true;
}

export function cancelJob(surface: Surface): void {
  live.get(surface)?.controller.abort();
}

function interruptedError(lang: Awaited<ReturnType<typeof language>>): GromptError {
  return describeError({ kind: 'interrupted' }, lang);
}

/** The surface's last job; one left "running" by an earlier wake is marked interrupted. */
export async function currentJob(surface: Surface): Promise<Job | null> {
  const running = live.get(surface);
  if (running) return running.job;
  const job = await readJob(surface);
  if (job?.status !== 'running') return job;
  const interrupted: Job = { ...job, status: 'interrupted', error: interruptedError(await language()), finishedAt: Date.now() };
  await jobItems[surface].setValue(interrupted);
  return interrupted;
}
