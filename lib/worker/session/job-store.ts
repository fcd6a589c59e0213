import { browser } from 'wxt/browser';
import type { GenerateRequest, Job, JobChange, Slot } from '../../domain/job';
import { jobChunkKey, jobIndexItem, jobInputKey, jobReasoningKey, jobRecordKey, queuedRunsItem } from '../../storage/items';
import { withLock } from '../../storage/lock';
import { resolveTexts } from '../../storage/texts';
import { readRecord, toRecord } from './records';
import { withRoom } from './room';
import { withPackedTexts } from './texts';

function session() {
  const area = browser.storage.session;
  if (!area) throw new Error('storage.session is unavailable');
  return area;
}

/** Writes to one job's record go one at a time (the running job's progress, "seen", a move). */
const recordLock = (id: string) => `session:${jobRecordKey(id)}`;

/**
 * Stores a new job: its input once (long texts by reference), its record, and the slot's
 * pointer to it, unless `current()` says a newer job has the slot by then. Returns the id of
 * the job the slot held before, if any.
 */
export async function storeNewJob(job: Job, slot: Slot, current: () => boolean = () => true): Promise<string | undefined> {
  await withPackedTexts(job.request.input, (input) =>
    withRoom(() => session().set({ [jobInputKey(job.id)]: input, [jobRecordKey(job.id)]: toRecord(job, 0) })),
  );
  let previous: string | undefined;
  await withRoom(() =>
    jobIndexItem.update((index) => {
      if (!current()) return index;
      previous = index[slot];
      return { ...index, [slot]: job.id };
    }),
  );
  return previous === job.id ? undefined : previous;
}

/** How much of a job's answer and reasoning is stored: chunks so far. */
export interface Saved {
  chunks: number;
  reasoningChunks: number;
}

/**
 * Saves a running job's progress: the text (and reasoning) that arrived since the last save
 * as one new chunk each, and its record, in one write. Only new text is written.
 */
export function storeProgress(job: Job, saved: Saved, newText: string, newReasoning = ''): Promise<void> {
  const chunks = newText ? saved.chunks + 1 : saved.chunks;
  const reasoningChunks = newReasoning ? saved.reasoningChunks + 1 : saved.reasoningChunks;
  const items: Record<string, unknown> = { [jobRecordKey(job.id)]: toRecord(job, chunks, reasoningChunks) };
  if (newText) items[jobChunkKey(job.id, saved.chunks)] = newText;
  if (newReasoning) items[jobReasoningKey(job.id, saved.reasoningChunks)] = newReasoning;
  return withLock(recordLock(job.id), () => withRoom(() => session().set(items)));
}

/** Changes a stored job that no longer runs in this wake ("seen", interrupted). */
export function changeStoredJob(id: string, change: JobChange): Promise<void> {
  return withLock(recordLock(id), async () => {
    const record = await readRecord(id);
    if (record) await withRoom(() => session().set({ [jobRecordKey(id)]: { ...record, ...change } }));
  });
}

/** Which job each slot holds now. */
export function slotJobs(): Promise<Partial<Record<Slot, string>>> {
  return jobIndexItem.getValue();
}

/** Moves a finished job to another slot ("Continue in side panel"): the same stored input and text, no copy. */
export async function moveJob(id: string, from: Slot, to: Slot, change: JobChange & { surface: Job['request']['surface'] }) {
  const { surface, ...rest } = change;
  await withLock(recordLock(id), async () => {
    const record = await readRecord(id);
    if (record) {
      await withRoom(() => session().set({ [jobRecordKey(id)]: { ...record, ...rest, request: { ...record.request, surface } } }));
    }
  });
  let previous: string | undefined;
  await withRoom(() =>
    jobIndexItem.update((index) => {
      previous = index[to];
      const next = { ...index, [to]: id };
      if (next[from] === id) delete next[from];
      return next;
    }),
  );
  return previous === id ? undefined : previous;
}

/** A run waiting behind the slot's running job: its input stored like a job's. */
export async function storeQueuedRun(slot: Slot, request: GenerateRequest | null): Promise<void> {
  if (!request) {
    await queuedRunsItem.update(({ [slot]: _dropped, ...rest }) => rest);
    return;
  }
  await withPackedTexts(request.input, (input) =>
    withRoom(() => queuedRunsItem.update((queued) => ({ ...queued, [slot]: { ...request, input } }))),
  );
}

/** The waiting runs, their long texts resolved. */
export async function readQueuedRuns(): Promise<Partial<Record<Slot, GenerateRequest>>> {
  const queued = await queuedRunsItem.getValue();
  const entries = await Promise.all(
    Object.entries(queued).map(
      async ([slot, request]) => [slot, request ? { ...request, input: await resolveTexts(request.input) } : request] as const,
    ),
  );
  return Object.fromEntries(entries);
}
