import type { ReactNode } from 'react';
import { CUSTOM_ACTION } from '@/lib/actions/run-input';
import type { Job, JobKind, Surface } from '@/lib/domain/job';
import { ActionRunner } from './actions/action-runner';
import { FeatureRunner } from './feature-runner';
import { FeatureTabs } from './feature-tabs';
import type { useSurface } from './hooks/use-surface';
import { SessionFullNote } from './jobs/session-full-note';
import { PageHeader } from './page-header';
import { SourceBar } from './source-bar';

interface SurfacePageProps {
  name: Surface;
  surface: ReturnType<typeof useSurface>;
  feature: JobKind;
  onSelectFeature(next: JobKind): void;
  /** The surface's own actions under each answer (insert, continue in side panel). */
  answerExtra(job: Job): ReactNode;
  /** What the chat tab shows instead of a form (the side panel's conversation). */
  chat?: ReactNode;
  /** The popup folds secondary options away and focuses its main field. */
  compact?: boolean;
  mainRef?: (element: HTMLElement | null) => void;
}

/** The page both surfaces show: header, feature tabs, and the chosen feature's form and answer. */
export function SurfacePage(props: SurfacePageProps) {
  const { surface, feature } = props;
  const { drafts, page, jobs } = surface;
  const sourceBar = (
    <SourceBar
      selection={page.selection}
      problem={page.problem}
      onUseSelection={surface.selectionInto(feature)}
      onUseWholePage={surface.wholePageInto(feature)}
    />
  );
  const form = {
    surface: props.name,
    values: drafts.valuesFor(feature),
    onValuesChange: (next: Record<string, unknown>) => drafts.setValues(feature, next),
    jobs,
    sourceBar,
    answerExtra: props.answerExtra,
    ...(props.mainRef ? { mainRef: props.mainRef } : {}),
  };
  let body: ReactNode;
  if (feature === 'chat' && props.chat) body = props.chat;
  else if (feature === CUSTOM_ACTION) body = <ActionRunner {...form} targetTab={surface.targetTab} />;
  else body = <FeatureRunner {...form} feature={feature} keys={surface.keys} {...(props.compact ? { compact: true } : {})} />;
  return (
    <main className={props.name}>
      <PageHeader />
      <FeatureTabs value={feature} onChange={props.onSelectFeature} panelId="feature-panel" activity={surface.activity} />
      {drafts.error ? <SessionFullNote message={drafts.error.message} /> : null}
      <div id="feature-panel" role="tabpanel" aria-labelledby={`tab-${feature}`}>
        {body}
      </div>
    </main>
  );
}
