import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { InsertButton } from '@/components/answer/page-actions';
import { useSurface } from '@/components/hooks/use-surface';
import { SurfacePage } from '@/components/surface-page';
import { useSettings, useT } from '@/components/settings-context';
import { openSidePanel } from '@/lib/browser/side-panel';
import type { Job, JobKind } from '@/lib/domain/job';
import { mainFieldOf } from '@/lib/features/defaults';
import { request } from '@/lib/messaging/client';

export function App() {
  const t = useT();
  const { settings, loaded, update } = useSettings();
  const feature = settings.lastFeature;
  const surface = useSurface('popup');
  const { drafts, page, jobs, setMain } = surface;
  const mainInput = useRef<HTMLElement | null>(null);
  const windowId = useRef<number | undefined>(undefined);
  const [prefilled, setPrefilled] = useState(false);
  const [moveError, setMoveError] = useState<string | undefined>();

  useEffect(() => {
    void browser.windows.getCurrent().then((current) => {
      windowId.current = current.id;
    });
  }, []);

  // The feature shown is the one whose finished answer counts as seen (once the settings say which it is).
  const { view } = jobs;
  useEffect(() => {
    if (loaded) view(feature);
  }, [loaded, view, feature]);

  // The selection on the page pre-fills the main field, once, when the popup opens; before
  // the first paint when the reads are already in.
  useLayoutEffect(() => {
    if (prefilled || !loaded || !drafts.loaded || page.loading) return;
    setPrefilled(true);
    if (page.selection) setMain(feature, page.selection);
    mainInput.current?.focus();
  }, [prefilled, loaded, drafts.loaded, page.loading, page.selection, setMain, feature]);

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
    void request('job.continue-in-panel', { feature }).then((reply) => (reply.ok ? window.close() : setMoveError(reply.error.message)));
  };

  const mainRef = (element: HTMLElement | null) => {
    mainInput.current = element;
  };
  const answerExtra = (job: Job) => (
    <>
      <InsertButton text={job.text} targetTab={surface.targetTab} />
      <button type="button" onClick={continueInPanel}>
        {t('action.continueInPanel')}
      </button>
      {moveError ? (
        <p className="field-error" role="alert">
          {moveError}
        </p>
      ) : null}
    </>
  );
  return (
    <SurfacePage
      name="popup"
      surface={surface}
      feature={feature}
      onSelectFeature={selectFeature}
      answerExtra={answerExtra}
      compact
      mainRef={mainRef}
    />
  );
}
