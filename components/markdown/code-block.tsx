import { type ReactNode, useEffect, useState } from 'react';
import { useT } from '../settings-context';
import { CopyButton } from '../copy-button';

/**
 * A fenced code block with a copy button. Highlighting loads on first use (it is not
 * needed to open the popup) and runs once the block is complete, not on every token.
 */
export function CodeBlock({ code, language, highlight }: { code: string; language?: string; highlight: boolean }) {
  const t = useT();
  const [highlighted, setHighlighted] = useState<ReactNode>(null);
  useEffect(() => {
    if (!highlight) return;
    let cancelled = false;
    void import('./highlight').then(({ highlightToReact }) => {
      if (!cancelled) setHighlighted(highlightToReact(code, language));
    });
    return () => {
      cancelled = true;
    };
  }, [code, language, highlight]);
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span className="code-language">{language ?? ''}</span>
        <CopyButton text={code} label={t('action.copyCode')} />
      </div>
      <pre>
        <code className={language ? `hljs language-${language}` : 'hljs'}>{highlighted ?? code}</code>
      </pre>
    </div>
  );
}
