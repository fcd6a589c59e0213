import { type ReactNode, useState } from 'react';
import type { FeatureId } from '@/lib/features/ids';
import { FEATURES } from '@/lib/features/registry';
import { validateInput } from '@/lib/features/validate';
import type { GenerateRequest, Job, Surface } from '@/lib/domain/job';
import { AnswerPanel } from './answer/answer-panel';
import { FeatureForm, type FormValues } from './forms/feature-form';
import { withFeatureModel } from './forms/choose-model';
import { choiceFor, ProviderBar } from './forms/provider-bar';
import type { useGeneration } from './hooks/use-generation';
import type { useKeys } from './hooks/use-keys';
import { useSettings, useT } from './settings-context';

interface FeatureRunnerProps {
  surface: Surface;
  feature: FeatureId;
  values: FormValues;
  onValuesChange(values: FormValues): void;
  generation: ReturnType<typeof useGeneration>;
  keys: ReturnType<typeof useKeys>;
  /** Shown above the form: where the text came from, "use the whole page". */
  sourceBar?: ReactNode;
  /** Extra answer actions of the surface. */
  answerExtra?: ReactNode;
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

/** One feature: its form, the provider bar, Run, and the answer. Same in the popup and the side panel. */
export function FeatureRunner(props: FeatureRunnerProps) {
  const t = useT();
  const { settings, update } = useSettings();
  const feature = FEATURES[props.feature];
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { job } = props.generation;
  const ownJob = job && job.request.feature === props.feature ? job : null;
  const run = () => {
    const checked = validateInput(props.feature, props.values);
    if (!checked.ok) {
      setErrors({ [checked.field]: t(checked.message, checked.params) });
      return;
    }
    setErrors({});
    const { provider, model } = choiceFor(settings, props.feature);
    props.generation.start({ surface: props.surface, feature: props.feature, input: props.values, provider, model });
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
        <button type="button" className="primary" onClick={run} disabled={ownJob?.status === 'running'}>
          {t('action.run')}
        </button>
        <span className="hint">{t('form.runShortcut')}</span>
      </div>
      {ownJob ? (
        <AnswerPanel
          job={ownJob}
          actions={{
            onStop: props.generation.stop,
            onRetry: () => props.generation.start(retryOf(ownJob, choiceFor(settings, props.feature))),
            onUseModel: (model) => {
              const { provider } = ownJob.request;
              void update((current) => withFeatureModel(current, props.feature, provider, model));
              props.generation.start(retryOf(ownJob, { provider, model }));
            },
            extra: props.answerExtra,
          }}
        />
      ) : null}
    </div>
  );
}
