import { type ReactNode, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { actionChoice } from '@/lib/actions/choice';
import { CUSTOM_ACTION } from '@/lib/actions/run-input';
import { showsIn } from '@/lib/actions/schema';
import { usedPlaceholders } from '@/lib/actions/template';
import type { Surface } from '@/lib/domain/job';
import { tabInfo } from '@/lib/page/tab-info';
import { providerLabel } from '@/lib/settings/resolve-provider';
import { AnswerPanel } from '../answer/answer-panel';
import type { FormValues } from '../forms/feature-form';
import { useCustomActions } from '../hooks/use-custom-actions';
import type { useGeneration } from '../hooks/use-generation';
import { useSettings, useT } from '../settings-context';

interface ActionRunnerProps {
  surface: Surface;
  /** The form: which action, and the text it works on. */
  values: FormValues;
  onValuesChange(values: FormValues): void;
  generation: ReturnType<typeof useGeneration>;
  /** The tab the text came from: its title and address fill {{page.title}} and {{page.url}}. */
  targetTab: () => Promise<number | undefined>;
  sourceBar?: ReactNode;
  answerExtra?: ReactNode;
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
  const { job } = props.generation;
  const ownJob = job && job.request.feature === CUSTOM_ACTION ? job : null;
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
    props.generation.start({ surface: props.surface, feature: CUSTOM_ACTION, ...choice, input });
  };
  const retry = () => ownJob && props.generation.start({ ...ownJob.request, ...(choice ?? {}) });
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
        <button type="button" className="primary" onClick={() => void run()} disabled={ownJob?.status === 'running'}>
          {t('action.run')}
        </button>
        <span className="hint">{t('form.runShortcut')}</span>
      </div>
      {ownJob ? <AnswerPanel job={ownJob} actions={{ onStop: props.generation.stop, onRetry: retry, extra: props.answerExtra }} /> : null}
    </div>
  );
}
