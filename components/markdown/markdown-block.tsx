import { memo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { safeUrl } from '@/lib/markdown/safe-url';
import { useT } from '../settings-context';
import { CodeBlock } from './code-block';

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'props' in node) return textOf((node.props as { children?: ReactNode }).children);
  return '';
}

function useComponents(streaming: boolean): Components {
  const t = useT();
  return {
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

/** One Markdown block. Raw HTML is dropped, links are filtered, nothing is ever set as HTML. */
export const MarkdownBlock = memo(function MarkdownBlock({ source, streaming }: { source: string; streaming: boolean }) {
  const components = useComponents(streaming);
  return (
    <Markdown remarkPlugins={[remarkGfm]} skipHtml urlTransform={safeUrl} components={components}>
      {source}
    </Markdown>
  );
});
