import { jobIndexItem } from '../../storage/items';
import { readSlotRecords, removeJobData } from './records';
import { liveJobIds } from './live-ids';
import { sweepSession } from './sweep';

/**
 * Makes room by removing the answer that ended first (done, failed, stopped or interrupted;
 * never one running in this wake), its input texts included. Returns whether
 * there was one.
 */
export async function evictOldestFinished(): Promise<boolean> {
  const candidates = (await readSlotRecords())
    // A record still "running" but not live died with an earlier wake: it is finished too.
    .filter(({ record }) => !liveJobIds.has(record.id))
    .sort((a, b) => (a.record.finishedAt ?? a.record.startedAt) - (b.record.finishedAt ?? b.record.startedAt));
  const oldest = candidates[0];
  if (!oldest) return false;
  await jobIndexItem.update((index) => {
    if (index[oldest.slot] !== oldest.record.id) return index;
    const { [oldest.slot]: _evicted, ...rest } = index;
    return rest;
  });
  await removeJobData(oldest.record.id);
  await sweepSession();
  return true;
}

/** "Clear finished answers": every answer not running, at once. Returns how many went. */
export async function clearFinished(): Promise<number> {
  let cleared = 0;
  while (await evictOldestFinished()) cleared += 1;
  return cleared;
}
