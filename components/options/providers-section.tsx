import { PROVIDER_IDS, PROVIDERS } from '@/lib/catalogue/providers';
import { useSettings, useT } from '../settings-context';
import { UrlField } from './url-field';

/** Base URL overrides per provider: proxies, gateways, LM Studio, a remote Ollama. */
export function ProvidersSection() {
  const t = useT();
  const { settings, update } = useSettings();
  return (
    <section aria-labelledby="providers-heading">
      <h2 id="providers-heading">{t('options.providers')}</h2>
      {PROVIDER_IDS.map((id) => (
        <UrlField
          key={id}
          label={`${PROVIDERS[id].label} — ${t('options.baseUrl')}`}
          help={t('options.baseUrl.help', { url: PROVIDERS[id].defaultBaseUrl })}
          placeholder={PROVIDERS[id].defaultBaseUrl}
          value={settings.baseUrls[id] ?? ''}
          onSave={(url) =>
            update((current) => {
              const { [id]: _old, ...rest } = current.baseUrls;
              return { ...current, baseUrls: url ? { ...rest, [id]: url } : rest };
            })
          }
        />
      ))}
    </section>
  );
}
