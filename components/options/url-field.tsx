import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { checkUserUrl, originPattern } from '@/lib/settings/origins';
import { useT } from '../settings-context';

/**
 * A URL setting. Saving asks the browser for access to a new origin (inside the click, as
 * permission requests need a user gesture); it is never widened silently.
 */
export function UrlField(props: {
  label: string;
  help?: string;
  value: string;
  placeholder?: string;
  onSave(value: string): Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState(props.value);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();
  useEffect(() => setValue(props.value), [props.value]);
  const save = async () => {
    const trimmed = value.trim();
    if (trimmed) {
      const check = checkUserUrl(trimmed);
      if (!check.ok) {
        setMessage({ text: t(check.problem === 'insecure' ? 'options.insecureUrl' : 'options.invalidUrl'), error: true });
        return;
      }
      if (check.needsPermission) {
        const granted = await browser.permissions.request({ origins: [originPattern(check.origin)] });
        if (!granted) {
          setMessage({ text: t('options.permissionDenied', { origin: check.origin }), error: true });
          return;
        }
      }
    }
    await props.onSave(trimmed);
    setMessage({ text: t('options.saved'), error: false });
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <div className="row">
        <input
          id={id}
          type="url"
          value={value}
          placeholder={props.placeholder}
          spellCheck={false}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="button" onClick={() => void save()}>
          {t('action.save')}
        </button>
      </div>
      {props.help ? <p className="hint">{props.help}</p> : null}
      {message ? (
        <p className={message.error ? 'field-error' : 'hint'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
