import { useEffect, useId, useRef, useState } from 'react';
import { type ExportDocument, exportFileName } from '@/lib/export/document';
import { toMarkdown } from '@/lib/export/markdown-document';
import { toPlainText } from '@/lib/export/plain-document';
import type { FeatureId } from '@/lib/features/ids';
import { useT } from '../settings-context';
import { downloadText } from './download-file';

interface ExportMenuProps {
  /** Names the file: grompt-summary-2026-12-02.md. */
  feature: FeatureId;
  /** Built when an action is chosen, so that it holds the answer and the date as they are then. */
  build(date: Date): ExportDocument;
  disabled?: boolean;
}

/**
 * "Export": a disclosure button that shows three actions (copy as Markdown, copy as plain
 * text, download a .md file). Plain buttons rather than an ARIA menu: Tab reaches them, Escape
 * closes, and focus goes to the first action on opening and back to the button on closing.
 */
export function ExportMenu({ feature, build, disabled }: ExportMenuProps) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const groupId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
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

  const copy = async (render: (document: ExportDocument) => string) => {
    try {
      await navigator.clipboard.writeText(render(build(new Date())));
      setNote(t('export.copied'));
    } catch {
      setNote(t('export.failed'));
    }
    close();
  };
  const download = () => {
    const date = new Date();
    const fileName = exportFileName(feature, date);
    downloadText(fileName, toMarkdown(build(date)));
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
          setNote('');
          setOpen(!open);
        }}
      >
        {t('export.menu')}
      </button>
      <span id={groupId} className="export-actions" hidden={!open}>
        <button ref={first} type="button" onClick={() => void copy(toMarkdown)}>
          {t('export.copyMarkdown')}
        </button>
        <button type="button" onClick={() => void copy(toPlainText)}>
          {t('export.copyText')}
        </button>
        <button type="button" onClick={download}>
          {t('export.download')}
        </button>
      </span>
      <span className="hint" role="status">
        {note}
      </span>
    </div>
  );
}
