import type { Browser } from 'wxt/browser';
import { type GenerateRequest, type Slot, slotOf } from '../../domain/job';
import type { IfBusy } from '../../messaging/port-protocol';
import { log } from '../../log/logger';
import { readQueuedRuns, storeQueuedRun } from '../session/job-store';
import { removeJobData } from '../session/records';
import { sweepSession } from '../session/sweep';
import { refreshBadge, settle } from './job-views';
import { holdWorker } from './keep-alive';
import { LiveJob } from './live-job';
import { addLive, language, liveJob, removeLive, runningIn } from './live-jobs';
import { runJob } from './run-job';
import { portsOf, tell } from './subscribers';

type Port = Browser.runtime.Port;

/**
 * Starts a run in its slot (surface + feature). Other slots' answers are never touched. If
 * the slot's own answer is still running, `ifBusy` says what the user chose: ask them first,
 * stop it, or run after it.
 */
export async function startJob(request: GenerateRequest, options: { ifBusy: IfBusy; port?: Port }): Promise<void> {
  const slot = slotOf(request);
  const running = runningIn(slot);
  if (running && options.ifBusy === 'ask') {
    options.port?.postMessage({ type: 'busy', request });
    return;
  }
  if (running && options.ifBusy === 'queue') {
    await storeQueuedRun(slot, request);
    tell(request.surface, { type: 'queued', feature: request.feature, request });
    return;
  }
  if (running) {
    running.superseded = true;
    running.controller.abort();
  }
  // Live before the first await: a second start for the slot in the meantime finds it running.
  const job = new LiveJob({ id: crypto.randomUUID(), request, status: 'running', text: '', startedAt: Date.now() });
  addLive(job);
  await dropQueued(request);
  await run(job);
}

async function run(job: LiveJob): Promise<void> {
  const release = holdWorker();
  for (const port of portsOf(job.job.request.surface)) job.attach(port);
  // Stored as soon as it starts; the job it replaces goes (unless still live: then when it ends).
  void job.persist().then(() => forget(job.previousInSlot));
  try {
    await runJob(job, await language());
  } catch (error) {
    log.error('job crashed', { error });
  } finally {
    removeLive(job);
    release();
  }
  if (job.superseded) await forget(job.job.id);
  else await settle(job);
  await refreshBadge();
  // The next run of the slot is its own job: this one's caller does not wait for it.
  startQueued(job.slot).catch((error: unknown) => log.error('queued run failed to start', { error }));
}

/** Removes a job no slot holds any more (it was replaced), once it is not live. */
async function forget(id: string | undefined): Promise<void> {
  if (!id || liveJob(id)) return;
  await removeJobData(id);
  await sweepSession();
}

async function dropQueued(request: GenerateRequest): Promise<void> {
  const slot = slotOf(request);
  if (!(await readQueuedRuns())[slot]) return;
  await storeQueuedRun(slot, null);
  tell(request.surface, { type: 'queued', feature: request.feature, request: null });
}

/** The run that waited for this slot's answer starts now. */
async function startQueued(slot: Slot): Promise<void> {
  if (runningIn(slot)) return;
  const next = (await readQueuedRuns())[slot];
  if (next) await startJob(next, { ifBusy: 'replace' });
}

export function cancelJob(id: string): void {
  liveJob(id)?.controller.abort();
}

export async function dequeue(request: Pick<GenerateRequest, 'surface' | 'feature'>): Promise<void> {
  await storeQueuedRun(slotOf(request), null);
  tell(request.surface, { type: 'queued', feature: request.feature, request: null });
}
