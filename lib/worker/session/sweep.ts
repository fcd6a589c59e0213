import { browser } from 'wxt/browser';
import { draftItems, JOB_PREFIX, jobIndexItem, jobInputItem, queuedRunsItem } from '../../storage/items';
import { withLock } from '../../storage/lock';
import { TEXT_PREFIX, textRefsIn } from '../../storage/texts';
import { liveJobIds } from './live-ids';
import { isPinned, TEXTS_LOCK } from './text-pins';

async function allKeys(): Promise<string[]> {
  const session = browser.storage.session;
  if (!session) return [];
  // getKeys (Chrome 130+) lists names without reading values; older browsers read everything.
  const getKeys = (session as { getKeys?: () => Promise<string[]> }).getKeys;
  return getKeys ? getKeys.call(session) : Object.keys(await session.get(null));
}

/**
 * Removes what nothing refers to any more: long texts no draft, job input or waiting run
 * names, and the records, inputs and chunks of jobs no slot holds (superseded, or left by an
 * earlier wake of the worker).
 */
export async function sweepSession(): Promise<void> {
  await withLock(TEXTS_LOCK, async () => {
    const session = browser.storage.session;
    if (!session) return;
    const keys = await allKeys();
    const index = await jobIndexItem.getValue();
    const keptJobs = new Set([...Object.values(index), ...liveJobIds]);
    const [popupDrafts, panelDrafts, queued, ...inputs] = await Promise.all([
      draftItems.popup.getValue(),
      draftItems.sidepanel.getValue(),
      queuedRunsItem.getValue(),
      ...[...keptJobs].map((id) => jobInputItem(id).getValue()),
    ]);
    const records = [
      ...Object.values(popupDrafts),
      ...Object.values(panelDrafts),
      ...Object.values(queued).map((request) => request?.input),
      ...inputs,
    ];
    const referenced = new Set(records.flatMap((values) => textRefsIn(values)));
    const unused = keys.filter((key) => {
      if (key.startsWith(TEXT_PREFIX)) {
        const hash = key.slice(TEXT_PREFIX.length);
        return !referenced.has(hash) && !isPinned(hash);
      }
      if (!key.startsWith(JOB_PREFIX)) return false;
      return !keptJobs.has(key.slice(JOB_PREFIX.length).split('.')[0] ?? '');
    });
    if (unused.length) await session.remove(unused);
  });
}
