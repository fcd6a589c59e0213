import type { ProviderRef } from '@/lib/catalogue/provider-ref';
import { providerLabel } from '@/lib/settings/resolve-provider';
import { useKeys } from '../hooks/use-keys';
import { useSettings, useT } from '../settings-context';
import { NumberSetting } from './number-setting';
import { useSaveReport } from './save-failures';

/** The keys of this browser session (masks only), forget buttons, and the idle time. */
export function KeysSection() {
  const t = useT();
  const { settings, update } = useSettings();
  const keys = useKeys();
  const save = useSaveReport();
  const saved = Object.entries(keys.statuses).filter(([, status]) => status?.hasKey) as [ProviderRef, { masked: string }][];
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('options.keys')}</h2>
      {saved.length === 0 ? <p className="hint">{t('options.noKeys')}</p> : null}
      <ul className="key-list">
        {saved.map(([provider, status]) => (
          <li key={provider}>
            {providerLabel(provider, settings)}: <code>{status.masked}</code>{' '}
            <button type="button" className="small" onClick={() => void keys.forget(provider)}>
              {t('action.forget')}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" disabled={saved.length === 0} onClick={() => void keys.forget()}>
        {t('action.forgetAll')}
      </button>
      <NumberSetting
        label={t('options.idle')}
        value={settings.keyIdleMinutes}
        min={1}
        max={24 * 60}
        onChange={(keyIdleMinutes) => save(update((current) => ({ ...current, keyIdleMinutes })))}
      />
    </section>
  );
}
