import { browser, type Browser } from 'wxt/browser';
import { isFinishedAnswer, type Job, type JobKind, type Slot, type Surface, slotOf } from '../../domain/job';
import { changeStoredJob, readQueuedRuns, slotJobs } from '../session/job-store';
import { readJob, readRecord } from '../session/records';
import { interruptedError, language, liveJob, liveJobs } from './live-jobs';
import type { LiveJob } from './live-job';
import { isViewed, jobsChangedCount, setViewing, subscribe, tell } from './subscribers';

type Port = Browser.runtime.Port;

const onSurface = (surface: Surface, slot: string) => slot.startsWith(`${surface}/`);

/** The surface's stored jobs; one left "running" by an earlier wake is marked interrupted. */
async function storedJobs(surface: Surface): Promise<Job[]> {
  const index = await slotJobs();
  const ids = (Object.entries(index) as [Slot, string][]).filter(([slot, id]) => onSurface(surface, slot) && !liveJob(id));
  const jobs = await Promise.all(ids.map(([, id]) => readJob(id)));
  const lang = await language();
  return Promise.all(
    jobs
      .flatMap((job) => (job ? [job] : []))
      .map(async (job) => {
        if (job.status !== 'running') return job;
        const change = { status: 'interrupted' as const, error: interruptedError(lang), finishedAt: Date.now() };
        await changeStoredJob(job.id, change);
        return { ...job, ...change };
      }),
  );
}

/** Reads of the stored jobs tried before a snapshot goes out as read (each retry means a job started or ended meanwhile). */
const SNAPSHOT_TRIES = 5;

/**
 * A page of the surface opened (or reopened): it gets every job and waiting run of the
 * surface as they stand, then follows them, and any job started later. The page's copy is
 * replaced by the snapshot, so the snapshot must not miss a job that started or ended while
 * storage was read (a short answer can do both): then it is read again.
 */
export async function attachPage(surface: Surface, port: Port): Promise<void> {
  subscribe(surface, port);
  for (let tries = 1; ; tries++) {
    const before = jobsChangedCount();
    const [stored, queued] = await Promise.all([storedJobs(surface), readQueuedRuns()]);
    if (jobsChangedCount() !== before && tries < SNAPSHOT_TRIES) continue;
    // From here to the end, one task: the snapshot and the live jobs' next deltas line up.
    const running = liveJobs().filter((job) => job.job.request.surface === surface && !job.superseded);
    // storedJobs() leaves out the jobs live when it read, so none is listed twice.
    port.postMessage({
      type: 'jobs',
      jobs: [...stored, ...running.map((job) => job.snapshot())],
      queued: Object.entries(queued).flatMap(([slot, request]) => (request && onSurface(surface, slot) ? [request] : [])),
    });
    for (const job of running) job.attach(port, { announce: false });
    return;
  }
}

/** A job that appeared in a surface without starting there (moved in): its pages get it in full. */
export function announce(job: Job): void {
  tell(job.request.surface, { type: 'job', job });
}

/** The page shows this feature now: its finished answer has been seen. */
export async function viewFeature(surface: Surface, port: Port, feature: JobKind | null): Promise<void> {
  setViewing(surface, port, feature);
  if (feature) await markSeen(slotOf({ surface, feature }));
}

async function markSeen(slot: Slot): Promise<void> {
  const id = (await slotJobs())[slot];
  if (!id) return;
  const running = liveJob(id);
  const job = running?.job ?? (await readRecord(id));
  if (!job || job.seen || job.status === 'running') return;
  if (running) await running.update({ seen: true });
  else {
    await changeStoredJob(id, { seen: true });
    tell(job.request.surface, { type: 'update', jobId: id, change: { seen: true } });
  }
  await refreshBadge();
}

/** A job ended: if a page shows its feature right now, its answer is seen already. */
export async function settle(job: LiveJob): Promise<void> {
  const { surface, feature } = job.job.request;
  if (isViewed(surface, feature) && !job.job.seen) await job.update({ seen: true });
}

/** The toolbar badge: how many finished answers no page has shown yet ('' when none). */
export async function refreshBadge(): Promise<void> {
  const index = await slotJobs();
  const records = await Promise.all(Object.values(index).map((id) => liveJob(id)?.job ?? readRecord(id)));
  const unseen = records.filter((job) => job && isFinishedAnswer(job) && !job.seen).length;
  await browser.action?.setBadgeText({ text: unseen ? String(unseen) : '' }).catch(() => undefined);
}
