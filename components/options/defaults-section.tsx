import type { ProviderRef } from '@/lib/catalogue/provider-ref';
import { FEATURE_IDS } from '@/lib/features/ids';
import { FEATURES } from '@/lib/features/registry';
import { ModelInput } from '../forms/model-input';
import { choiceFor } from '../forms/provider-bar';
import { ProviderOptions } from '../forms/provider-options';
import { useSettings, useT } from '../settings-context';
import { useSaveReport } from './save-failures';

/** Which provider and model each feature starts with (the popup and panel pickers change them too). */
export function DefaultsSection() {
  const t = useT();
  const { settings, update } = useSettings();
  const save = useSaveReport();
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
                    onChange={(event) => save(set(event.target.value as ProviderRef))}
                  >
                    <ProviderOptions settings={settings} />
                  </select>
                </td>
                <td>
                  <ModelInput
                    aria-label={`${t(FEATURES[feature].title)} — ${t('model.label')}`}
                    value={choice.model}
                    onCommit={(model) => save(set(choice.provider, model))}
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
