import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { InsertButton } from '@/components/answer/page-actions';
import { FeatureRunner } from '@/components/feature-runner';
import { FeatureTabs } from '@/components/feature-tabs';
import { useDrafts } from '@/components/hooks/use-drafts';
import { useGeneration } from '@/components/hooks/use-generation';
import { useKeys } from '@/components/hooks/use-keys';
import { usePageText } from '@/components/hooks/use-page-text';
import { useTargetTab } from '@/components/hooks/use-target-tab';
import { preloadMarkdown } from '@/components/markdown/preload';
import { PageHeader } from '@/components/page-header';
import { useSettings, useT } from '@/components/settings-context';
import { SourceBar } from '@/components/source-bar';
import { openSidePanel } from '@/lib/browser/side-panel';
import { describeError } from '@/lib/errors/describe';
import type { JobKind } from '@/lib/domain/job';
import { mainFieldOf } from '@/lib/features/defaults';
import { CUSTOM_ACTION } from '@/lib/actions/run-input';
import { ActionRunner } from '@/components/actions/action-runner';
import { request } from '@/lib/messaging/client';

export function App() {
  const t = useT();
  const { settings, loaded, language, update } = useSettings();
  const feature = settings.lastFeature;
  const drafts = useDrafts('popup');
  const targetTab = useTargetTab(true);
  const page = usePageText(true, targetTab);
  const keys = useKeys();
  const interrupted = useCallback(() => describeError({ kind: 'interrupted' }, language), [language]);
  const generation = useGeneration('popup', interrupted);
  useEffect(preloadMarkdown, []);
  const mainInput = useRef<HTMLElement | null>(null);
  const windowId = useRef<number | undefined>(undefined);
  const [prefilled, setPrefilled] = useState(false);
  const values = drafts.valuesFor(feature);
  const mainField = mainFieldOf(feature);

  const setMain = useCallback(
    (text: string) => drafts.setValues(feature, { ...drafts.valuesFor(feature), [mainField]: text }),
    [drafts, feature, mainField],
  );

  useEffect(() => {
    void browser.windows.getCurrent().then((current) => {
      windowId.current = current.id;
    });
  }, []);

  // The selection on the page pre-fills the main field, once, when the popup opens; before
  // the first paint when the reads are already in.
  useLayoutEffect(() => {
    if (prefilled || !loaded || !drafts.loaded || page.loading) return;
    setPrefilled(true);
    if (page.selection) setMain(page.selection);
    mainInput.current?.focus();
  }, [prefilled, loaded, drafts.loaded, page.loading, page.selection, setMain]);

  const selectFeature = (next: JobKind) => {
    void update((current) => ({ ...current, lastFeature: next }));
    // A tab opened later starts from the page's selection too, unless it already has text.
    const field = mainFieldOf(next);
    const values = drafts.valuesFor(next);
    if (page.selection && !values[field]) drafts.setValues(next, { ...values, [field]: page.selection });
  };

  const continueInPanel = () => {
    // Opened synchronously in the click: the browser requires the user gesture.
    openSidePanel(windowId.current);
    void request('job.continue-in-panel', {}).then(() => window.close());
  };

  const answerText = generation.job?.text ?? '';
  const mainRef = (element: HTMLElement | null) => {
    mainInput.current = element;
  };
  const sourceBar = (
    <SourceBar
      selection={page.selection}
      problem={page.problem}
      onUseSelection={() => void page.readSelectionNow().then((next) => next.selection && setMain(next.selection))}
      onUseWholePage={() => void page.readPage().then((text) => text && setMain(text))}
    />
  );
  const answerExtra = (
    <>
      <InsertButton text={answerText} targetTab={targetTab} />
      <button type="button" onClick={continueInPanel}>
        {t('action.continueInPanel')}
      </button>
    </>
  );
  return (
    <main className="popup">
      <PageHeader />
      <FeatureTabs value={feature} onChange={selectFeature} panelId="feature-panel" />
      <div id="feature-panel" role="tabpanel" aria-labelledby={`tab-${feature}`}>
        {feature === CUSTOM_ACTION ? (
          <ActionRunner
            surface="popup"
            values={values}
            onValuesChange={(next) => drafts.setValues(feature, next)}
            generation={generation}
            targetTab={targetTab}
            mainRef={mainRef}
            sourceBar={sourceBar}
            answerExtra={answerExtra}
          />
        ) : (
          <FeatureRunner
            surface="popup"
            feature={feature}
            values={values}
            onValuesChange={(next) => drafts.setValues(feature, next)}
            generation={generation}
            keys={keys}
            compact
            mainRef={mainRef}
            sourceBar={sourceBar}
            answerExtra={answerExtra}
          />
        )}
      </div>
    </main>
  );
}
