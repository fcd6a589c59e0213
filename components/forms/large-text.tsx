import { useT } from '../settings-context';

/** Above this many characters a field shows a preview: laying out megabytes in a textarea blocks the page for a third of a second. */
export const LARGE_TEXT_CHARS = 50_000;
const HEAD_CHARS = 600;
const TAIL_CHARS = 300;

/**
 * A long text (a big selection, a whole page) as the user needs to see it: how long it is,
 * its beginning and its end. The field itself still holds all of it (it is what runs), out
 * of layout; "Edit all of it" shows it as an ordinary field.
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
  return (
    <div className="large-text">
      {/* The whole text, out of layout: a text node costs nothing to keep, where a 2 MB textarea
          value is read back and compared on every render. */}
      <output id={props.id} hidden>
        {props.value}
      </output>
      <section className="large-text-preview" aria-label={t('form.largeTextPreview')}>
        <pre>
          {props.value.slice(0, HEAD_CHARS)}
          {'\n\n[…]\n\n'}
          {props.value.slice(-TAIL_CHARS)}
        </pre>
      </section>
      <p id={noteId} className="hint">
        {t('form.largeText', { count: props.value.length.toLocaleString() })}
      </p>
      <div className="row wrap">
        <button
          ref={props.inputRef}
          type="button"
          className="small"
          onClick={props.onEdit}
          aria-describedby={[noteId, props.describedBy].filter(Boolean).join(' ')}
        >
          {t('action.editAll')}
        </button>
        <button type="button" className="small" onClick={props.onClear}>
          {t('action.clearText')}
        </button>
      </div>
    </div>
  );
}
