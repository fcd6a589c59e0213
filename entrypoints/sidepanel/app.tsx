import { useEffect, useRef, useState } from 'react';
import { InsertButton } from '@/components/answer/page-actions';
import { ChatView } from '@/components/chat/chat-view';
import { useSurface } from '@/components/hooks/use-surface';
import { SurfacePage } from '@/components/surface-page';
import type { Job, JobKind } from '@/lib/domain/job';
import { panelViewItem } from '@/lib/storage/items';

export function App() {
  const [feature, setFeature] = useState<JobKind>('chat');
  const [featureKnown, setFeatureKnown] = useState(false);
  const surface = useSurface('sidepanel');
  const { drafts, jobs } = surface;

  // The context menu and the shortcuts say which feature to show.
  useEffect(() => {
    void panelViewItem.getValue().then((view) => {
      if (view) setFeature(view.feature);
      setFeatureKnown(true);
    });
    return panelViewItem.watch((view) => view && setFeature(view.feature));
  }, []);

  // The feature shown is the one whose finished answer counts as seen (once it is known which).
  const { view } = jobs;
  useEffect(() => {
    if (featureKnown) view(feature);
  }, [featureKnown, view, feature]);

  // A job that arrives from elsewhere (context menu, shortcut, "continue in side panel") brings
  // its input into the feature's form, so Retry and edits start from what was sent.
  const { setValues, valuesFor } = drafts;
  const formOf = useRef(new Map<JobKind, string>());
  useEffect(() => {
    for (const [id, job] of Object.entries(jobs.jobs) as [JobKind, NonNullable<(typeof jobs.jobs)[JobKind]>][]) {
      if (id === 'chat' || formOf.current.get(id) === job.id) continue;
      formOf.current.set(id, job.id);
      setValues(id, { ...valuesFor(id), ...job.request.input });
    }
  }, [jobs.jobs, setValues, valuesFor]);

  const answerExtra = (job: Job) => <InsertButton text={job.text} targetTab={surface.targetTab} />;

  const selectFeature = (next: JobKind) => {
    setFeature(next);
    // Only which tab to show next time: if session memory is full, it is simply not remembered.
    panelViewItem.setValue({ feature: next, at: Date.now() }).catch(() => undefined);
  };

  return (
    <SurfacePage
      name="sidepanel"
      surface={surface}
      feature={feature}
      onSelectFeature={selectFeature}
      answerExtra={answerExtra}
      chat={<ChatView jobs={jobs} keys={surface.keys} />}
    />
  );
}
