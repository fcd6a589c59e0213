import { useT } from '../settings-context';

/** Above this many characters a field shows a preview: laying out megabytes in a textarea blocks the page for a third of a second. */
export const LARGE_TEXT_CHARS = 50_000;
const HEAD_CHARS = 1_500;
const TAIL_CHARS = 500;

/**
 * A long text (a big selection, a whole page) as the user needs to see it: how long it is,
 * its beginning and its end. All of it is still what runs; "Edit all of it" opens the
 * full text in an ordinary field.
 */
export function LargeTextPreview(props: {
  id: string;
  value: string;
  onEdit(): void;
  onClear(): void;
  inputRef?: (element: HTMLElement | null) => void;
  describedBy?: string;
}) {
  const t = useT();
  const noteId = `${props.id}-large`;
  const preview = `${props.value.slice(0, HEAD_CHARS)}\n\n[…]\n\n${props.value.slice(-TAIL_CHARS)}`;
  return (
    <div className="large-text">
      <textarea
        id={props.id}
        ref={props.inputRef}
        readOnly
        rows={6}
        value={preview}
        aria-describedby={[noteId, props.describedBy].filter(Boolean).join(' ')}
      />
      <p id={noteId} className="hint">
        {t('form.largeText', { count: props.value.length.toLocaleString() })}
      </p>
      <div className="row wrap">
        <button type="button" className="small" onClick={props.onEdit}>
          {t('action.editAll')}
        </button>
        <button type="button" className="small" onClick={props.onClear}>
          {t('action.clearText')}
        </button>
      </div>
    </div>
  );
}
