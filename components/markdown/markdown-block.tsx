import { memo, type ReactNode, useMemo } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { type BlockLinks, NO_LINKS } from '@/lib/markdown/cross-references';
import { remarkFootnoteCalls } from '@/lib/markdown/footnote-calls';
import { safeUrl } from '@/lib/markdown/safe-url';
import { useT } from '../settings-context';
import { CodeBlock } from './code-block';

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'props' in node) return textOf((node.props as { children?: ReactNode }).children);
  return '';
}

function useComponents(streaming: boolean, idPrefix: string): Components {
  const t = useT();
  return {
    // Footnote calls (see footnote-calls.ts): a link to the answer's footnote section, not through urlTransform.
    sup: ({ node, children }) => {
      const number = node?.properties.dataFootnote;
      if (typeof number !== 'number') return <sup>{children}</sup>;
      return (
        <sup className="footnote-call">
          <a
            href={`#${idPrefix}-fn-${number}`}
            id={node?.properties.dataFootnoteFirst ? `${idPrefix}-fnref-${number}` : undefined}
            aria-label={t('answer.footnote', { number })}
          >
            {number}
          </a>
        </sup>
      );
    },
    a: ({ href, children }) =>
      href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {children}
        </a>
      ) : (
        <span>{children}</span>
      ),
    // Remote images are never loaded (CSP forbids them too): a prompt-injected answer could
    // otherwise send page text to any server inside an image URL.
    img: ({ alt, src }) => (
      <span className="blocked-image">
        {t('answer.imageBlocked', { alt: alt || '—' })}
        {typeof src === 'string' && safeUrl(src) ? ` (${safeUrl(src)})` : ''}
      </span>
    ),
    pre: ({ children }) => {
      const code = Array.isArray(children) ? children[0] : children;
      const className = (code && typeof code === 'object' && 'props' in code ? (code.props as { className?: string }).className : '') ?? '';
      const language = /language-([\w+#-]+)/.exec(className)?.[1];
      return <CodeBlock code={textOf(children).replace(/\n$/, '')} language={language} highlight={!streaming} />;
    },
  };
}

export interface MarkdownBlockProps {
  source: string;
  streaming: boolean;
  /** Definitions and footnote numbers from the rest of the answer (cross-references.ts). */
  links?: BlockLinks;
  /** Makes the footnote ids of this answer unique on the page. */
  idPrefix?: string;
}

/** One Markdown block. Raw HTML is dropped, links are filtered, nothing is ever set as HTML. */
export const MarkdownBlock = memo(function MarkdownBlock({ source, streaming, links = NO_LINKS, idPrefix = '' }: MarkdownBlockProps) {
  const components = useComponents(streaming, idPrefix);
  const plugins = useMemo((): Options['remarkPlugins'] => [remarkGfm, [remarkFootnoteCalls, { calls: links.calls }]], [links.calls]);
  // The definitions go after the block: they render nothing there, and the block's own text keeps its positions.
  const text = links.appendix ? `${source}\n\n${links.appendix}` : source;
  return (
    <Markdown remarkPlugins={plugins} skipHtml urlTransform={safeUrl} components={components}>
      {text}
    </Markdown>
  );
});
