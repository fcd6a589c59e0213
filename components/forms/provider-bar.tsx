import { useId, useState } from 'react';
import { PROVIDER_IDS, PROVIDERS, type ProviderId } from '@/lib/catalogue/providers';
import type { FeatureId } from '@/lib/features/ids';
import type { Settings } from '@/lib/settings/schema';
import type { useKeys } from '../hooks/use-keys';
import { useModels } from '../hooks/use-models';
import { useSettings, useT } from '../settings-context';
import { KeyField } from './key-field';
import { ModelInput } from './model-input';

/** The provider and model a feature runs with: its own choice, else the global default. */
export function choiceFor(settings: Settings, feature: FeatureId): { provider: ProviderId; model: string } {
  const own = settings.featureDefaults[feature];
  const provider = own?.provider ?? settings.provider;
  const model = (own?.provider === provider ? own?.model : undefined) || settings.models[provider] || PROVIDERS[provider].defaultModel;
  return { provider, model };
}

/**
 * Provider and model pickers plus the BYOK field. Each feature remembers its own choice.
 * The popup folds the bar into one summary line ("OpenAI · gpt-5.6-luna · key saved") to fit its size.
 */
export function ProviderBar({ feature, keys, compact }: { feature: FeatureId; keys: ReturnType<typeof useKeys>; compact?: boolean }) {
  const t = useT();
  const { settings, update } = useSettings();
  const { provider, model } = choiceFor(settings, feature);
  const status = keys.statuses[provider];
  const [open, setOpen] = useState(false);
  const { models } = useModels(provider, status?.hasKey, !compact || open);
  const providerId = useId();
  const modelId = useId();
  const choose = (next: { provider: ProviderId; model?: string }) =>
    update((current) => ({
      ...current,
      provider: next.provider,
      featureDefaults: { ...current.featureDefaults, [feature]: { provider: next.provider, ...(next.model ? { model: next.model } : {}) } },
      ...(next.model ? { models: { ...current.models, [next.provider]: next.model } } : {}),
    }));
  const keyState = !PROVIDERS[provider].needsKey
    ? t('key.summary.none')
    : status?.hasKey
      ? t('key.summary.saved')
      : t('key.summary.missing');
  const bar = (
    <div className="provider-bar">
      <div className="row">
        <div className="field">
          <label htmlFor={providerId}>{t('provider.label')}</label>
          <select id={providerId} value={provider} onChange={(event) => void choose({ provider: event.target.value as ProviderId })}>
            {PROVIDER_IDS.map((id) => (
              <option key={id} value={id}>
                {PROVIDERS[id].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={modelId}>{t('model.label')}</label>
          <ModelInput id={modelId} list={`${modelId}-list`} value={model} onCommit={(next) => void choose({ provider, model: next })} />
          <datalist id={`${modelId}-list`}>
            {models.map((entry) => (
              <option key={entry} value={entry} />
            ))}
          </datalist>
        </div>
      </div>
      <KeyField
        provider={provider}
        status={status}
        available={keys.available}
        onSave={async (key) => (await keys.save(provider, key))?.message}
        onForget={() => keys.forget(provider)}
      />
    </div>
  );
  if (!compact) return bar;
  return (
    <details className="provider-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {PROVIDERS[provider].label} · {model} · {keyState}
      </summary>
      {bar}
    </details>
  );
}
