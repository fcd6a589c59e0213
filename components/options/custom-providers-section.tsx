import { useState } from 'react';
import type { CustomProviderId } from '@/lib/catalogue/provider-ref';
import { type CustomProvider, MAX_CUSTOM_PROVIDERS } from '@/lib/settings/custom-providers';
import { resolveProvider } from '@/lib/settings/resolve-provider';
import type { Settings } from '@/lib/settings/schema';
import { KeyField } from '../forms/key-field';
import { useKeys } from '../hooks/use-keys';
import { useSettings, useT } from '../settings-context';
import { useSaveReport } from './save-failures';
import { CustomProviderForm } from './custom-provider-form';

/** Settings without a provider: every choice that named it falls back (parseSettings does the rest). */
function without(settings: Settings, id: CustomProviderId): Settings {
  const { [id]: _model, ...models } = settings.models;
  return { ...settings, customProviders: settings.customProviders.filter((provider) => provider.id !== id), models };
}

function upsert(settings: Settings, provider: CustomProvider): Settings {
  const exists = settings.customProviders.some((entry) => entry.id === provider.id);
  return {
    ...settings,
    customProviders: exists
      ? settings.customProviders.map((entry) => (entry.id === provider.id ? provider : entry))
      : [...settings.customProviders, provider],
  };
}

/** The user's own OpenAI-compatible endpoints: add, edit, delete (which forgets the key), keys. */
export function CustomProvidersSection() {
  const t = useT();
  // Every save reports a failure at the top of the page (SaveFailures), none fails in silence.
  const report = useSaveReport();
  const { settings, update } = useSettings();
  const keys = useKeys();
  const [editing, setEditing] = useState<CustomProviderId | 'new' | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const providers = settings.customProviders;

  const save = async (provider: CustomProvider) => {
    const before = providers.find((entry) => entry.id === provider.id);
    // A provider that no longer takes a key must not keep one.
    if (before?.needsKey && !provider.needsKey) await keys.forget(provider.id);
    await update((current) => upsert(current, provider));
    setEditing(undefined);
    setStatus(t('options.saved'));
  };
  const remove = async (provider: CustomProvider) => {
    await keys.forget(provider.id);
    await update((current) => without(current, provider.id));
    setStatus(t('options.custom.deleted', { name: provider.name }));
  };

  return (
    <section aria-labelledby="custom-providers-heading" className="custom-providers">
      <h2 id="custom-providers-heading">{t('options.custom')}</h2>
      <p className="hint">{t('options.custom.intro')}</p>
      {providers.length === 0 ? <p className="hint">{t('options.custom.none')}</p> : null}
      <ul className="custom-list">
        {providers.map((provider) => {
          const info = resolveProvider(provider.id, settings);
          return (
            <li key={provider.id} aria-label={provider.name}>
              {editing === provider.id ? (
                <CustomProviderForm initial={provider} onSave={save} onCancel={() => setEditing(undefined)} />
              ) : (
                <>
                  <div className="row">
                    <strong>{provider.name}</strong>
                    <span className="spacer" />
                    <button
                      type="button"
                      className="small"
                      aria-label={`${t('options.custom.edit')} ${provider.name}`}
                      onClick={() => setEditing(provider.id)}
                    >
                      {t('options.custom.edit')}
                    </button>
                    <button
                      type="button"
                      className="small"
                      aria-label={`${t('options.custom.delete')} ${provider.name}`}
                      onClick={() => report(remove(provider))}
                    >
                      {t('options.custom.delete')}
                    </button>
                  </div>
                  <p className="hint">
                    {t('options.custom.summary', {
                      url: provider.baseUrl,
                      key: provider.needsKey ? t('options.custom.keyed') : t('options.custom.keyless'),
                      model: provider.defaultModel || '—',
                    })}
                  </p>
                  {info?.needsKey ? (
                    <KeyField
                      provider={info}
                      status={keys.statuses[provider.id]}
                      available={keys.available}
                      onSave={async (key) => (await keys.save(provider.id, key))?.message}
                      onForget={() => keys.forget(provider.id)}
                    />
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {editing === 'new' ? (
        <CustomProviderForm onSave={save} onCancel={() => setEditing(undefined)} />
      ) : providers.length < MAX_CUSTOM_PROVIDERS ? (
        <button type="button" onClick={() => setEditing('new')}>
          {t('options.custom.add')}
        </button>
      ) : (
        <p className="hint">{t('options.custom.limit', { count: MAX_CUSTOM_PROVIDERS })}</p>
      )}
      {status ? (
        <p className="hint" role="status">
          {status}
        </p>
      ) : null}
    </section>
  );
}
