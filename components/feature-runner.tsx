import { type ReactNode, useState } from 'react';
import { FEATURES } from '@/lib/features/registry';
import { validateInput } from '@/lib/features/validate';
import type { GenerateRequest, Job, Surface } from '@/lib/domain/job';
import type { FeatureId } from '@/lib/features/ids';
import { AnswerPanel } from './answer/answer-panel';
import { FeatureForm, type FormValues } from './forms/feature-form';
import { withFeatureModel } from './forms/choose-model';
import { choiceFor, ProviderBar } from './forms/provider-bar';
import type { SurfaceJobs } from './hooks/use-jobs';
import type { useKeys } from './hooks/use-keys';
import { QueuedRun, RerunChoice } from './jobs/run-choices';
import { useSettings, useT } from './settings-context';

interface FeatureRunnerProps {
  surface: Surface;
  feature: FeatureId;
  values: FormValues;
  onValuesChange(values: FormValues): void;
  jobs: SurfaceJobs;
  keys: ReturnType<typeof useKeys>;
  /** Shown above the form: where the text came from, "use the whole page". */
  sourceBar?: ReactNode;
  /** Extra answer actions of the surface. */
  answerExtra?: (job: Job) => ReactNode;
  /** The popup folds the secondary options away to fit its size. */
  compact?: boolean;
  mainRef?: (element: HTMLElement | null) => void;
}

/**
 * Retry runs the same input again with the provider and model chosen now (after a "model not
 * found", the user picks another and retries); for chat, the last turn is answered again (or replaced).
 */
export function retryOf(job: Job, choice: { provider: GenerateRequest['provider']; model: string }): GenerateRequest {
  const request = { ...job.request, provider: choice.provider, model: choice.model };
  if (request.feature !== 'chat') return request;
  return { ...request, input: { message: '', action: job.status === 'done' ? 'regenerate' : 'retry' } };
}

/**
 * One feature: its form, the provider bar, Run, and the answer. Same in the popup and the side
 * panel. Its answer is its own: other features keep theirs running meanwhile; running this one
 * again while it writes asks first.
 */
export function FeatureRunner(props: FeatureRunnerProps) {
  const t = useT();
  const { settings, update } = useSettings();
  const feature = FEATURES[props.feature];
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { jobs } = props;
  const job = jobs.jobs[props.feature] ?? null;
  const queued = jobs.queued[props.feature];
  const busy = jobs.busy && jobs.busy.feature === props.feature && jobs.busy.surface === props.surface ? jobs.busy : undefined;
  const run = () => {
    const checked = validateInput(props.feature, props.values);
    if (!checked.ok) {
      setErrors({ [checked.field]: t(checked.message, checked.params) });
      return;
    }
    setErrors({});
    const { provider, model } = choiceFor(settings, props.feature);
    jobs.start({ surface: props.surface, feature: props.feature, input: props.values, provider, model });
  };
  const mainFields = feature.fields.filter((field) => field.name === feature.mainField);
  const otherFields = feature.fields.filter((field) => field.name !== feature.mainField);
  const form = (fields: typeof feature.fields) => (
    <FeatureForm
      fields={fields}
      values={props.values}
      onChange={props.onValuesChange}
      onSubmit={run}
      errors={errors}
      mainField={feature.mainField}
      mainRef={props.mainRef}
    />
  );
  return (
    <div className="feature-runner">
      {props.sourceBar}
      {form(mainFields)}
      {props.compact && otherFields.length ? (
        <details className="more-options">
          <summary>{t('form.moreOptions')}</summary>
          {form(otherFields)}
        </details>
      ) : (
        form(otherFields)
      )}
      <ProviderBar feature={props.feature} keys={props.keys} compact={props.compact} />
      <div className="run-row">
        <button type="button" className="primary" onClick={run}>
          {t('action.run')}
        </button>
        <span className="hint">{t('form.runShortcut')}</span>
      </div>
      {busy ? <RerunChoice request={busy} onChoose={(ifBusy) => jobs.start(busy, ifBusy)} onCancel={jobs.dismissBusy} /> : null}
      {queued ? <QueuedRun onRunNow={() => jobs.start(queued, 'replace')} onDrop={() => jobs.dequeue(props.feature)} /> : null}
      {job ? (
        <AnswerPanel
          job={job}
          actions={{
            onStop: () => jobs.stop(props.feature),
            onRetry: () => jobs.start(retryOf(job, choiceFor(settings, props.feature))),
            onUseModel: (model) => {
              const { provider } = job.request;
              void update((current) => withFeatureModel(current, props.feature, provider, model));
              jobs.start(retryOf(job, { provider, model }));
            },
            extra: props.answerExtra?.(job),
          }}
        />
      ) : null}
    </div>
  );
}
