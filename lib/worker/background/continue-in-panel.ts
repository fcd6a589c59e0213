import { currentJob } from '../engine/jobs';
import { draftItems, jobItems, panelViewItem } from '../../storage/items';

/**
 * "Continue in side panel": the popup's answer and the form that produced it appear in the
 * side panel, where there is room to keep working. Only finished answers move; a running
 * one keeps streaming in the popup (and is kept if the popup closes).
 */
export async function continueInPanel(): Promise<void> {
  const job = await currentJob('popup');
  if (!job || job.status === 'running') return;
  const { feature } = job.request;
  const popupDrafts = await draftItems.popup.getValue();
  const panelDrafts = await draftItems.sidepanel.getValue();
  await draftItems.sidepanel.setValue({ ...panelDrafts, [feature]: popupDrafts[feature] ?? job.request.input });
  await jobItems.sidepanel.setValue({ ...job, request: { ...job.request, surface: 'sidepanel' } });
  await panelViewItem.setValue({ feature, at: Date.now() });
}
