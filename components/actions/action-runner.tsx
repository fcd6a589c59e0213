import { type ReactNode, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { actionChoice } from '@/lib/actions/choice';
import { CUSTOM_ACTION } from '@/lib/actions/run-input';
import { showsIn } from '@/lib/actions/schema';
import { usedPlaceholders } from '@/lib/actions/template';
import type { Job, Surface } from '@/lib/domain/job';
import { tabInfo } from '@/lib/page/tab-info';
import { providerLabel } from '@/lib/settings/resolve-provider';
import { AnswerPanel } from '../answer/answer-panel';
import type { FormValues } from '../forms/feature-form';
import { useCustomActions } from '../hooks/use-custom-actions';
import type { SurfaceJobs } from '../hooks/use-jobs';
import { QueuedRun, RerunChoice } from '../jobs/run-choices';
import { useSettings, useT } from '../settings-context';

interface ActionRunnerProps {
  surface: Surface;
  /** The form: which action, and the text it works on. */
  values: FormValues;
  onValuesChange(values: FormValues): void;
  jobs: SurfaceJobs;
  /** The tab the text came from: its title and address fill {{page.title}} and {{page.url}}. */
  targetTab: () => Promise<number | undefined>;
  sourceBar?: ReactNode;
  answerExtra?: (job: Job) => ReactNode;
  mainRef?: (element: HTMLElement | null) => void;
}

/**
 * The user's own actions in the popup and the side panel: pick one, run it on the text. Only the
 * action's id and the text are sent; the worker reads the template from storage.
 */
export function ActionRunner(props: ActionRunnerProps) {
  const t = useT();
  const { settings } = useSettings();
  const id = useId();
  const { actions } = useCustomActions();
  const [error, setError] = useState<string | undefined>();
  // Actions meant for the popup and side panel, and the one the form holds (a menu-only action
  // the context menu just ran shows here with its answer).
  const offered = actions.filter((action) => showsIn(action, 'popup') || action.id === props.values.actionId);
  const chosen = offered.find((action) => action.id === props.values.actionId) ?? offered[0];
  const text = typeof props.values.selection === 'string' ? props.values.selection : '';
  const { jobs } = props;
  const ownJob = jobs.jobs[CUSTOM_ACTION] ?? null;
  const queued = jobs.queued[CUSTOM_ACTION];
  const busy = jobs.busy && jobs.busy.feature === CUSTOM_ACTION && jobs.busy.surface === props.surface ? jobs.busy : undefined;
  const choice = chosen ? actionChoice(chosen, settings) : undefined;

  const run = async () => {
    if (!chosen || !choice) return;
    if (usedPlaceholders(chosen.template).includes('selection') && !text.trim()) {
      setError(t('validation.selection-required'));
      return;
    }
    setError(undefined);
    const page = await tabInfo(await props.targetTab());
    const input = {
      actionId: chosen.id,
      selection: text,
      ...(page.title ? { pageTitle: page.title } : {}),
      ...(page.url ? { pageUrl: page.url } : {}),
    };
    jobs.start({ surface: props.surface, feature: CUSTOM_ACTION, ...choice, input });
  };
  const retry = () => ownJob && jobs.start({ ...ownJob.request, ...(choice ?? {}) });
  const manage = (
    <button type="button" className="small" onClick={() => void browser.runtime.openOptionsPage()}>
      {t('actions.manage')}
    </button>
  );
  if (offered.length === 0) {
    return (
      <div className="feature-runner">
        <p className="hint">{t('actions.none')}</p>
        {manage}
      </div>
    );
  }
  return (
    <div className="feature-runner action-runner">
      {props.sourceBar}
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('actions.pick')}</label>
        <select
          id={`${id}-action`}
          value={chosen?.id ?? ''}
          onChange={(event) => props.onValuesChange({ ...props.values, actionId: event.target.value })}
        >
          {offered.map((action) => (
            <option key={action.id} value={action.id}>
              {action.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-textarea">
        <label htmlFor={`${id}-text`}>{t('actions.text')}</label>
        <textarea
          id={`${id}-text`}
          ref={props.mainRef}
          rows={5}
          value={text}
          placeholder={t('field.text.placeholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => props.onValuesChange({ ...props.values, selection: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void run();
          }}
        />
        {error ? (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="row wrap">
        <span className="hint">
          {choice
            ? t('actions.runsWith', { provider: providerLabel(choice.provider, settings), model: choice.model || t('model.none') })
            : null}
        </span>
        <span className="spacer" />
        {manage}
      </div>
      <div className="run-row">
        <button type="button" className="primary" onClick={() => void run()}>
          {t('action.run')}
        </button>
        <span className="hint">{t('form.runShortcut')}</span>
      </div>
      {busy ? <RerunChoice request={busy} onChoose={(ifBusy) => jobs.start(busy, ifBusy)} onCancel={jobs.dismissBusy} /> : null}
      {queued ? <QueuedRun onRunNow={() => jobs.start(queued, 'replace')} onDrop={() => jobs.dequeue(CUSTOM_ACTION)} /> : null}
      {ownJob ? (
        <AnswerPanel
          job={ownJob}
          actions={{ onStop: () => jobs.stop(CUSTOM_ACTION), onRetry: retry, extra: props.answerExtra?.(ownJob) }}
        />
      ) : null}
    </div>
  );
}
