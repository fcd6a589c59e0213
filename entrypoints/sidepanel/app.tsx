import { useCallback, useEffect, useState } from 'react';
import { InsertButton } from '@/components/answer/page-actions';
import { ChatView } from '@/components/chat/chat-view';
import { FeatureRunner } from '@/components/feature-runner';
import { FeatureTabs } from '@/components/feature-tabs';
import { useDrafts } from '@/components/hooks/use-drafts';
import { useGeneration } from '@/components/hooks/use-generation';
import { useKeys } from '@/components/hooks/use-keys';
import { usePageText } from '@/components/hooks/use-page-text';
import { useTargetTab } from '@/components/hooks/use-target-tab';
import { preloadMarkdown } from '@/components/markdown/preload';
import { PageHeader } from '@/components/page-header';
import { useSettings } from '@/components/settings-context';
import { SourceBar } from '@/components/source-bar';
import { describeError } from '@/lib/errors/describe';
import type { JobKind } from '@/lib/domain/job';
import { mainFieldOf } from '@/lib/features/defaults';
import { CUSTOM_ACTION } from '@/lib/actions/run-input';
import { ActionRunner } from '@/components/actions/action-runner';
import { jobItems, panelViewItem } from '@/lib/storage/items';

export function App() {
  const { language } = useSettings();
  const [feature, setFeature] = useState<JobKind>('chat');
  const drafts = useDrafts('sidepanel');
  const targetTab = useTargetTab(false);
  const page = usePageText(false, targetTab);
  const keys = useKeys();
  const interrupted = useCallback(() => describeError({ kind: 'interrupted' }, language), [language]);
  const generation = useGeneration('sidepanel', interrupted);
  useEffect(preloadMarkdown, []);
  const { attach, job } = generation;

  // The context menu and the shortcuts say which feature to show.
  useEffect(() => {
    void panelViewItem.getValue().then((view) => view && setFeature(view.feature));
    return panelViewItem.watch((view) => view && setFeature(view.feature));
  }, []);

  // A job started elsewhere (context menu, shortcut, "continue in side panel"): attach to it.
  useEffect(
    () =>
      jobItems.sidepanel.watch((stored) => {
        if (stored && stored.id !== job?.id) attach();
      }),
    [attach, job?.id],
  );

  // Its input becomes the form's, so Retry and edits start from what was sent.
  const { setValues, valuesFor } = drafts;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when a new job arrives, not on every keystroke.
  useEffect(() => {
    if (!job || job.request.feature === 'chat') return;
    setValues(job.request.feature, { ...valuesFor(job.request.feature), ...job.request.input });
  }, [job?.id]);

  const selectFeature = (next: JobKind) => {
    setFeature(next);
    void panelViewItem.setValue({ feature: next, at: Date.now() });
  };
  const mainField = mainFieldOf(feature);
  const setMain = (text: string) => drafts.setValues(feature, { ...drafts.valuesFor(feature), [mainField]: text });

  const sourceBar = (
    <SourceBar
      selection={page.selection}
      problem={page.problem}
      onUseSelection={() => void page.readSelectionNow().then((next) => next.selection && setMain(next.selection))}
      onUseWholePage={() => void page.readPage().then((text) => text && setMain(text))}
    />
  );
  const answerExtra = <InsertButton text={job?.text ?? ''} targetTab={targetTab} />;

  return (
    <main className="sidepanel">
      <PageHeader />
      <FeatureTabs value={feature} onChange={selectFeature} panelId="feature-panel" />
      <div id="feature-panel" role="tabpanel" aria-labelledby={`tab-${feature}`}>
        {feature === 'chat' ? (
          <ChatView generation={generation} keys={keys} />
        ) : feature === CUSTOM_ACTION ? (
          <ActionRunner
            surface="sidepanel"
            values={drafts.valuesFor(feature)}
            onValuesChange={(next) => drafts.setValues(feature, next)}
            generation={generation}
            targetTab={targetTab}
            sourceBar={sourceBar}
            answerExtra={answerExtra}
          />
        ) : (
          <FeatureRunner
            surface="sidepanel"
            feature={feature}
            values={drafts.valuesFor(feature)}
            onValuesChange={(next) => drafts.setValues(feature, next)}
            generation={generation}
            keys={keys}
            sourceBar={sourceBar}
            answerExtra={answerExtra}
          />
        )}
      </div>
    </main>
  );
}
