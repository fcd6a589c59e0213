import { useEffect, useId, useState } from 'react';
import { isKeyShaped } from '@/lib/settings/key-shaped';
import { useT } from '../settings-context';

interface ModelInputProps {
  value: string;
  onCommit(model: string): void;
  id?: string;
  'aria-label'?: string;
  list?: string;
}

/**
 * A model name field. It saves when the user leaves it or presses Enter (not on every
 * keystroke: each save rewrites the settings and wakes every open page). A key pasted here by
 * mistake is refused, said so, and taken off the screen: model names go into request bodies,
 * Gemini's URL path and storage.local, keys only into the key field.
 */
export function ModelInput(props: ModelInputProps) {
  const t = useT();
  const errorId = useId();
  const [draft, setDraft] = useState(props.value);
  const [keyShaped, setKeyShaped] = useState(false);
  useEffect(() => setDraft(props.value), [props.value]);
  const commit = () => {
    const model = draft.trim();
    if (isKeyShaped(model)) {
      setKeyShaped(true);
      setDraft(props.value);
      return;
    }
    // An empty field is never saved: the catalogue default stays.
    if (!model) setDraft(props.value);
    else if (model !== props.value) props.onCommit(model);
  };
  return (
    <>
      <input
        id={props.id}
        aria-label={props['aria-label']}
        list={props.list}
        value={draft}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={keyShaped}
        aria-describedby={keyShaped ? errorId : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setKeyShaped(false);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          commit();
        }}
      />
      {keyShaped ? (
        <p id={errorId} className="field-error" role="alert">
          {t('validation.key-shaped')}
        </p>
      ) : null}
    </>
  );
}
