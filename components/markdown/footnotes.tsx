import { useId } from 'react';
import type { Footnote } from '@/lib/markdown/cross-references';
import { useT } from '../settings-context';
import { MarkdownBlock } from './markdown-block';

/**
 * The answer's footnotes, at its end as on GitHub: numbered in the order of their first call,
 * each with a link back to that call. A footnote's text is its definition's own block only.
 */
export function Footnotes({ footnotes, idPrefix }: { footnotes: readonly Footnote[]; idPrefix: string }) {
  const t = useT();
  const titleId = useId();
  if (!footnotes.length) return null;
  return (
    <section className="footnotes" aria-labelledby={titleId}>
      <h3 id={titleId} className="footnotes-title">
        {t('answer.footnotes')}
      </h3>
      <ol>
        {footnotes.map((note) => (
          <li key={note.number} id={`${idPrefix}-fn-${note.number}`}>
            <MarkdownBlock source={note.text} streaming={false} links={note.links} idPrefix={idPrefix} />
            <a
              href={`#${idPrefix}-fnref-${note.number}`}
              className="footnote-back"
              aria-label={t('answer.footnoteBack', { number: note.number })}
            >
              ↩
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
