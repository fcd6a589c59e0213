import { useId } from 'react';
import { PROVIDERS, type ProviderId } from '@/lib/catalogue/providers';
import { useKeys } from '../hooks/use-keys';
import { useSettings, useT } from '../settings-context';

/** The keys of this browser session (masks only), forget buttons, and the idle time. */
export function KeysSection() {
  const t = useT();
  const { settings, update } = useSettings();
  const keys = useKeys();
  const idleId = useId();
  const saved = Object.entries(keys.statuses).filter(([, status]) => status?.hasKey) as [ProviderId, { masked: string }][];
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('options.keys')}</h2>
      {saved.length === 0 ? <p className="hint">{t('options.noKeys')}</p> : null}
      <ul className="key-list">
        {saved.map(([provider, status]) => (
          <li key={provider}>
            {PROVIDERS[provider].label}: <code>{status.masked}</code>{' '}
            <button type="button" className="small" onClick={() => void keys.forget(provider)}>
              {t('action.forget')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" disabled={saved.length === 0} onClick={() => void keys.forget()}>
        {t('action.forgetAll')}
      </button>
      <div className="field">
        <label htmlFor={idleId}>{t('options.idle')}</label>
        <input
          id={idleId}
          type="number"
          min={1}
          max={1440}
          value={settings.keyIdleMinutes}
          onChange={(event) => {
            const minutes = Math.round(Number(event.target.value));
            if (minutes >= 1 && minutes <= 1440) void update((current) => ({ ...current, keyIdleMinutes: minutes }));
          }}
        />
      </div>
    </section>
  );
}
