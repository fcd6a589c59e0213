import { type JobKind, slotOf } from '../../domain/job';
import { draftItems, panelViewItem } from '../../storage/items';
import { moveJob, slotJobs } from '../session/job-store';
import { readJob, removeJobData } from '../session/records';
import { bestEffort, withRoom } from '../session/room';
import { sweepSession } from '../session/sweep';
import { runningIn } from '../engine/live-jobs';
import { announce } from '../engine/job-views';

/**
 * "Continue in side panel": the popup's finished answer and the form that produced it move
 * to the side panel, where there is room to keep working. Moved, not copied: the stored input
 * and text are the same, and the form's long texts are shared references. Returns false when
 * the panel's same feature is still writing an answer (which is never stopped for this).
 */
export async function continueInPanel(feature: JobKind): Promise<boolean> {
  const from = slotOf({ surface: 'popup', feature });
  const to = slotOf({ surface: 'sidepanel', feature });
  const id = (await slotJobs())[from];
  if (!id || runningIn(from)) return true;
  if (runningIn(to)) return false;
  const popupDraft = (await draftItems.popup.getValue())[feature];
  if (popupDraft) await withRoom(() => draftItems.sidepanel.update((drafts) => ({ ...drafts, [feature]: popupDraft })));
  const previous = await moveJob(id, from, to, { surface: 'sidepanel' });
  if (previous) await removeJobData(previous);
  await sweepSession();
  await bestEffort(() => panelViewItem.setValue({ feature, at: Date.now() }));
  const moved = await readJob(id);
  if (moved) announce(moved);
  return true;
}
