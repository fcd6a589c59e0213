import { useCallback, useEffect } from 'react';
import { describeError } from '@/lib/errors/describe';
import { mainFieldOf } from '@/lib/features/defaults';
import { isFinishedAnswer, type JobKind, type Surface } from '@/lib/domain/job';
import type { TabActivity } from '../feature-tabs';
import { preloadMarkdown } from '../markdown/preload';
import { useSettings } from '../settings-context';
import { useDrafts } from './use-drafts';
import { useJobs } from './use-jobs';
import { useKeys } from './use-keys';
import { usePageText } from './use-page-text';
import { useTargetTab } from './use-target-tab';

/**
 * What the popup and the side panel both wire up: the forms' drafts, the tab they act on and
 * its selection, keys, and the surface's jobs. The popup is pinned to the tab it opened over
 * and reads its selection at once; the side panel follows the active tab and reads on demand.
 */
export function useSurface(surface: Surface) {
  const { language } = useSettings();
  const popup = surface === 'popup';
  const drafts = useDrafts(surface);
  const targetTab = useTargetTab(popup);
  const page = usePageText(popup, targetTab);
  const keys = useKeys();
  const interrupted = useCallback(() => describeError({ kind: 'interrupted' }, language), [language]);
  const surfaceJobs = useJobs(surface, interrupted);
  // A run saves the forms first: what was typed a moment ago is kept even if the page closes at once.
  const { flush } = drafts;
  const { start: startJob } = surfaceJobs;
  const start = useCallback<typeof startJob>(
    (request, ifBusy) => {
      flush();
      startJob(request, ifBusy);
    },
    [flush, startJob],
  );
  const jobs = { ...surfaceJobs, start };
  useEffect(preloadMarkdown, []);

  const { setValues, valuesFor } = drafts;
  /** Puts text (the selection, the whole page) into a feature's main field. */
  const setMain = useCallback(
    (feature: JobKind, text: string) => setValues(feature, { ...valuesFor(feature), [mainFieldOf(feature)]: text }),
    [setValues, valuesFor],
  );
  const selectionInto = (feature: JobKind) => () =>
    void page.readSelectionNow().then((next) => next.selection && setMain(feature, next.selection));
  const wholePageInto = (feature: JobKind) => () => void page.readPage().then((text) => text && setMain(feature, text));

  const activity: Partial<Record<JobKind, TabActivity>> = {};
  for (const [feature, job] of Object.entries(jobs.jobs) as [JobKind, NonNullable<(typeof jobs.jobs)[JobKind]>][]) {
    if (job.status === 'running') activity[feature] = 'running';
    else if (isFinishedAnswer(job) && !job.seen) activity[feature] = 'unseen';
  }
  return { drafts, targetTab, page, keys, jobs, setMain, selectionInto, wholePageInto, activity };
}
