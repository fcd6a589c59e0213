import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { MessageKey } from '@/lib/i18n/translate';
import { redact } from '@/lib/log/redact';
import { checkUserUrl, originPattern, type UrlProblem } from '@/lib/settings/origins';
import { useT } from '../settings-context';

const PROBLEM_MESSAGES: Record<UrlProblem, MessageKey> = {
  invalid: 'options.invalidUrl',
  insecure: 'options.insecureUrl',
  credentials: 'options.credentialsUrl',
  query: 'options.queryUrl',
  'key-shaped': 'validation.key-shaped',
};

/**
 * A URL setting. Saving asks the browser for access to a new origin (inside the click, as
 * permission requests need a user gesture); it is never widened silently. A URL with a key,
 * credentials or a query string in it is refused before anything is stored, and every
 * failure of the save itself is shown under the field.
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
  const fail = (text: string) => setMessage({ text, error: true });
  const save = async () => {
    const trimmed = value.trim();
    if (trimmed) {
      const check = checkUserUrl(trimmed);
      if (!check.ok) {
        // A key does not stay on screen in the wrong field.
        if (check.problem === 'key-shaped') setValue(props.value);
        return fail(t(PROBLEM_MESSAGES[check.problem]));
      }
      if (check.needsPermission) {
        const granted = await browser.permissions.request({ origins: [originPattern(check.origin)] });
        if (!granted) return fail(t('options.permissionDenied', { origin: check.origin }));
      }
    }
    await props.onSave(trimmed);
    setMessage({ text: t('options.saved'), error: false });
  };
  const saveShowingFailures = () =>
    save().catch((error: unknown) =>
      fail(t('options.saveFailed', { reason: redact(error instanceof Error ? error.message : String(error)) })),
    );
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
          onKeyDown={(event) => {
            if (event.key === 'Enter') void saveShowingFailures();
          }}
        />
        <button type="button" onClick={() => void saveShowingFailures()}>
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
