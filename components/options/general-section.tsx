import { useId } from 'react';
import type { LanguageSetting } from '@/lib/i18n/translate';
import { useSettings, useT } from '../settings-context';
import { NumberSetting } from './number-setting';
import { useSaveReport } from './save-failures';

/** Language, and how long to wait for a provider or server before giving up. */
export function GeneralSection() {
  const t = useT();
  const { settings, update } = useSettings();
  const languageId = useId();
  const save = useSaveReport();
  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading">{t('options.general')}</h2>
      <div className="field">
        <label htmlFor={languageId}>{t('options.language')}</label>
        <select
          id={languageId}
          value={settings.language}
          onChange={(event) => {
            // Read the value now: a controlled select snaps back before an async update runs.
            const language = event.target.value as LanguageSetting;
            save(update((current) => ({ ...current, language })));
          }}
        >
          <option value="auto">{t('options.language.auto')}</option>
          <option value="en">English</option>
          <option value="pt-BR">Português (Brasil)</option>
        </select>
      </div>
      <NumberSetting
        label={t('options.timeout')}
        value={settings.timeoutSeconds}
        min={5}
        max={600}
        onChange={(timeoutSeconds) => save(update((current) => ({ ...current, timeoutSeconds })))}
      />
    </section>
  );
}
