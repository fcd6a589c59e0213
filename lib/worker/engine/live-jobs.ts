import { describeError } from '../../errors/describe';
import type { GromptError } from '../../errors/kinds';
import { type Language, resolveLanguage } from '../../i18n/translate';
import type { Slot } from '../../domain/job';
import { readSettings } from '../../storage/items';
import { liveJobIds } from '../session/live-ids';
import type { LiveJob } from './live-job';
import { noteJobsChanged } from './subscribers';

/** Jobs running in this wake, by id. A cache of storage.session, never the only copy. */
const live = new Map<string, LiveJob>();

export function addLive(job: LiveJob): void {
  live.set(job.job.id, job);
  liveJobIds.add(job.job.id);
  noteJobsChanged();
}

export function removeLive(job: LiveJob): void {
  live.delete(job.job.id);
  liveJobIds.delete(job.job.id);
  noteJobsChanged();
}

export function liveJob(id: string): LiveJob | undefined {
  return live.get(id);
}

export function liveJobs(): LiveJob[] {
  return [...live.values()];
}

/** The job running in a slot in this wake (a superseded one no longer counts). */
export function runningIn(slot: Slot): LiveJob | undefined {
  return liveJobs().find((job) => job.slot === slot && !job.superseded && job.job.status === 'running');
}

export async function language(): Promise<Language> {
  return resolveLanguage((await readSettings()).language, globalThis.navigator?.language ?? 'en');
}

export function interruptedError(lang: Language): GromptError {
  return describeError({ kind: 'interrupted' }, lang);
}
