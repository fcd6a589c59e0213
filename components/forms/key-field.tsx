import { useId, useState } from 'react';
import { isProviderId } from '@/lib/catalogue/providers';
import { mismatchedKeyFamily } from '@/lib/keys/key-shape';
import type { ResolvedProvider } from '@/lib/settings/resolve-provider';
import { useSettings, useT } from '../settings-context';

interface KeyFieldProps {
  provider: ResolvedProvider;
  status: { hasKey: boolean; masked: string } | undefined;
  available: boolean;
  onSave(key: string): Promise<string | undefined>;
  onForget(): Promise<void>;
}

/**
 * The BYOK field. Write-only: the key is sent to the background once, the input is cleared,
 * and from then on the page knows only the mask. Not a <form>: nothing can submit it anywhere.
 */
export function KeyField({ provider, status, available, onSave, onForget }: KeyFieldProps) {
  const t = useT();
  const { settings } = useSettings();
  const id = useId();
  const info = provider;
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [visible, setVisible] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const [confirmMismatch, setConfirmMismatch] = useState(false);
  if (!info.needsKey)
    return <p className="hint">{info.custom ? t('key.notNeeded.custom', { provider: info.label }) : t('key.notNeeded')}</p>;
  if (!available) return <p className="hint warning">{t('key.unavailable')}</p>;
  if (status?.hasKey) {
    return (
      <div className="key-saved">
        <span>{t('key.saved', { masked: status.masked })}</span>
        <button type="button" className="small" onClick={() => void onForget()}>
          {t('action.forget')}
        </button>
      </div>
    );
  }
  // A custom endpoint may take any company's key (a gateway): no shape to expect.
  const mismatch = value && isProviderId(info.id) ? mismatchedKeyFamily(info.id, value) : undefined;
  const save = async () => {
    if (mismatch && !confirmMismatch) {
      setConfirmMismatch(true);
      return;
    }
    const error = await onSave(value.trim());
    setMessage(error);
    if (!error) {
      setValue('');
      setConfirmMismatch(false);
    }
  };
  return (
    <div className="key-field">
      <label className="inline">
        <input type="checkbox" checked={open} onChange={(event) => setOpen(event.target.checked)} />
        {t('key.use')}
      </label>
      {open ? (
        <>
          <label htmlFor={id}>{t('key.label', { provider: info.label })}</label>
          <div className="row">
            <input
              id={id}
              type={visible ? 'text' : 'password'}
              value={value}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              data-lpignore="true"
              onChange={(event) => {
                setValue(event.target.value);
                setConfirmMismatch(false);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && value.trim()) void save();
              }}
            />
            <button type="button" className="small" onClick={() => setVisible(!visible)} aria-pressed={visible}>
              {visible ? t('action.hide') : t('action.show')}
            </button>
            <button type="button" className="small primary" disabled={!value.trim()} onClick={() => void save()}>
              {confirmMismatch ? t('key.saveAnyway') : t('action.save')}
            </button>
          </div>
          {mismatch ? (
            <p className="hint warning" role="alert">
              {t('key.mismatch', { family: t(`key.family.${mismatch}`), provider: info.label })}
            </p>
          ) : null}
          {message ? (
            <p className="field-error" role="alert">
              {message}
            </p>
          ) : null}
          <p className="hint">
            {t('key.sessionOnly', { minutes: settings.keyIdleMinutes })}{' '}
            {info.keyUrl ? (
              <a href={info.keyUrl} target="_blank" rel="noopener noreferrer">
                {t('key.get')}
              </a>
            ) : null}
          </p>
        </>
      ) : null}
    </div>
  );
}
