import { useEffect, useId, useRef, useState } from 'react';
import type { ExportFormats, ExportSource } from '@/lib/export/export-source';
import { resolveProvider } from '@/lib/settings/resolve-provider';
import { useCustomActions } from '../hooks/use-custom-actions';
import { useSettings, useT } from '../settings-context';
import { downloadText } from './download-file';

type ExportModule = typeof import('@/lib/export/export-source');

/**
 * "Export": a disclosure button that shows three actions (copy as Markdown, copy as plain
 * text, download a .md file). Plain buttons rather than an ARIA menu: Tab reaches them, Escape
 * closes, and focus goes to the first action on opening and back to the button on closing.
 * The formatting code loads when the menu first opens, well before an action is chosen.
 */
export function ExportMenu({ source, disabled }: { source: ExportSource; disabled?: boolean }) {
  const t = useT();
  const { language, settings } = useSettings();
  const { actions } = useCustomActions();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const groupId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const loaded = useRef<Promise<ExportModule> | null>(null);
  const load = () => {
    loaded.current ??= import('@/lib/export/export-source');
    return loaded.current;
  };

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    first.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  /** Built when an action is chosen: the answer and the date as they are then. */
  const formats = async (): Promise<ExportFormats> =>
    (await load()).exportOf(source, language, new Date(), {
      provider: (id) => resolveProvider(id, settings)?.label,
      action: (id) => actions.find((action) => action.id === id)?.name,
    });
  const copy = async (pick: (formats: ExportFormats) => string) => {
    try {
      await navigator.clipboard.writeText(pick(await formats()));
      setNote(t('export.copied'));
    } catch {
      setNote(t('export.failed'));
    }
    close();
  };
  const download = async () => {
    const { fileName, markdown } = await formats();
    downloadText(fileName, markdown);
    setNote(t('export.downloaded', { file: fileName }));
    close();
  };

  return (
    <div className="export-menu">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={groupId}
        disabled={disabled}
        onClick={() => {
          void load();
          setNote('');
          setOpen(!open);
        }}
      >
        {t('export.menu')}
      </button>
      <span id={groupId} className="export-actions" hidden={!open}>
        <button ref={first} type="button" onClick={() => void copy((formats) => formats.markdown)}>
          {t('export.copyMarkdown')}
        </button>
        <button type="button" onClick={() => void copy((formats) => formats.plainText)}>
          {t('export.copyText')}
        </button>
        <button type="button" onClick={() => void download()}>
          {t('export.download')}
        </button>
      </span>
      <span className="hint" role="status">
        {note}
      </span>
    </div>
  );
}
