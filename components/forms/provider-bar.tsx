import { useId, useState } from 'react';
import type { ProviderRef } from '@/lib/catalogue/provider-ref';
import type { FeatureId } from '@/lib/features/ids';
import { type ResolvedProvider, resolveProvider } from '@/lib/settings/resolve-provider';
import type { Settings } from '@/lib/settings/schema';
import type { useKeys } from '../hooks/use-keys';
import { useModels } from '../hooks/use-models';
import { useSettings, useT } from '../settings-context';
import { KeyField } from './key-field';
import { ModelInput } from './model-input';
import { ProviderOptions } from './provider-options';

/** The provider and model a feature runs with: its own choice, else the global default. */
export function choiceFor(settings: Settings, feature: FeatureId): { provider: ProviderRef; model: string } {
  const own = settings.featureDefaults[feature];
  const provider = own?.provider ?? settings.provider;
  const model =
    (own?.provider === provider ? own?.model : undefined) ||
    settings.models[provider] ||
    resolveProvider(provider, settings)?.defaultModel ||
    '';
  return { provider, model };
}

/** Settings always name a provider that exists (parseSettings drops dangling ones); OpenAI if not. */
export function resolvedOrDefault(provider: ProviderRef, settings: Settings): ResolvedProvider {
  return resolveProvider(provider, settings) ?? (resolveProvider('openai', settings) as ResolvedProvider);
}

/**
 * Provider and model pickers plus the BYOK field. Each feature remembers its own choice.
 * The popup folds the bar into one summary line ("OpenAI · gpt-5.6-luna · key saved") to fit its size.
 */
export function ProviderBar({ feature, keys, compact }: { feature: FeatureId; keys: ReturnType<typeof useKeys>; compact?: boolean }) {
  const t = useT();
  const { settings, update } = useSettings();
  const { provider, model } = choiceFor(settings, feature);
  const info = resolvedOrDefault(provider, settings);
  const status = keys.statuses[provider];
  const [open, setOpen] = useState(false);
  const { models } = useModels(provider, info.suggestedModels, status?.hasKey, !compact || open);
  const providerId = useId();
  const modelId = useId();
  const choose = (next: { provider: ProviderRef; model?: string }) =>
    update((current) => ({
      ...current,
      provider: next.provider,
      featureDefaults: { ...current.featureDefaults, [feature]: { provider: next.provider, ...(next.model ? { model: next.model } : {}) } },
      ...(next.model ? { models: { ...current.models, [next.provider]: next.model } } : {}),
    }));
  const keyState = !info.needsKey ? t('key.summary.none') : status?.hasKey ? t('key.summary.saved') : t('key.summary.missing');
  const bar = (
    <div className="provider-bar">
      <div className="row">
        <div className="field">
          <label htmlFor={providerId}>{t('provider.label')}</label>
          <select id={providerId} value={provider} onChange={(event) => void choose({ provider: event.target.value as ProviderRef })}>
            <ProviderOptions settings={settings} />
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
      {info.custom && settings.server.url.trim() && settings.server.routing === 'server' ? (
        <p className="hint">{t('custom.direct', { provider: info.label })}</p>
      ) : null}
      <KeyField
        provider={info}
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
        {info.label} · {model || t('model.none')} · {keyState}
      </summary>
      {bar}
    </details>
  );
}
