import type { ProviderRef } from '@/lib/catalogue/provider-ref';
import { FEATURE_IDS } from '@/lib/features/ids';
import { FEATURES } from '@/lib/features/registry';
import { choiceFor } from '../forms/provider-bar';
import { ProviderOptions } from '../forms/provider-options';
import { useSettings, useT } from '../settings-context';

/** Which provider and model each feature starts with (the popup and panel pickers change them too). */
export function DefaultsSection() {
  const t = useT();
  const { settings, update } = useSettings();
  return (
    <section aria-labelledby="defaults-heading">
      <h2 id="defaults-heading">{t('options.defaults')}</h2>
      <table className="defaults">
        <thead>
          <tr>
            <th scope="col">{t('options.feature')}</th>
            <th scope="col">{t('provider.label')}</th>
            <th scope="col">{t('model.label')}</th>
          </tr>
        </thead>
        <tbody>
          {FEATURE_IDS.map((feature) => {
            const choice = choiceFor(settings, feature);
            const set = (provider: ProviderRef, model?: string) =>
              update((current) => ({
                ...current,
                featureDefaults: { ...current.featureDefaults, [feature]: { provider, ...(model ? { model } : {}) } },
              }));
            return (
              <tr key={feature}>
                <th scope="row">{t(FEATURES[feature].title)}</th>
                <td>
                  <select
                    aria-label={`${t(FEATURES[feature].title)} — ${t('provider.label')}`}
                    value={choice.provider}
                    onChange={(event) => void set(event.target.value as ProviderRef)}
                  >
                    <ProviderOptions settings={settings} />
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`${t(FEATURES[feature].title)} — ${t('model.label')}`}
                    defaultValue={choice.model}
                    key={`${feature}-${choice.provider}`}
                    spellCheck={false}
                    onBlur={(event) => event.target.value.trim() && void set(choice.provider, event.target.value.trim())}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
