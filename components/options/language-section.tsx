import { useId } from 'react';
import type { LanguageSetting } from '@/lib/i18n/translate';
import { useSettings, useT } from '../settings-context';

export function LanguageSection() {
  const t = useT();
  const { settings, update } = useSettings();
  const id = useId();
  return (
    <section aria-labelledby="language-heading">
      <h2 id="language-heading">{t('options.language')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('options.language')}</label>
        <select
          id={id}
          value={settings.language}
          onChange={(event) => {
            // Read the value now: a controlled select snaps back before an async update runs.
            const language = event.target.value as LanguageSetting;
            void update((current) => ({ ...current, language }));
          }}
        >
          <option value="auto">{t('options.language.auto')}</option>
          <option value="en">English</option>
          <option value="pt-BR">Português (Brasil)</option>
        </select>
      </div>
    </section>
  );
}
