import { lazy, Suspense } from 'react';
import type { ChatTurn } from '@/lib/domain/chat';
import { TrimNote } from '../answer/answer-notes';
import { ModeBadge } from '../answer/mode-badge';
import { CopyButton } from '../copy-button';
import { useT } from '../settings-context';

const StreamingMarkdown = lazy(() => import('../markdown/streaming-markdown'));

export function ChatTurnView({ turn }: { turn: ChatTurn }) {
  const t = useT();
  const mine = turn.role === 'user';
  return (
    <article className={`turn turn-${turn.role}`} aria-label={mine ? t('chat.you') : t('chat.assistant')}>
      <header>
        <strong>{mine ? t('chat.you') : t('chat.assistant')}</strong>
        {mine ? null : <ModeBadge mode={turn.mode} />}
        {mine ? null : <CopyButton text={turn.content} />}
      </header>
      {mine ? null : <TrimNote trim={turn.trim} />}
      {mine ? (
        <p className="turn-text">{turn.content}</p>
      ) : (
        <Suspense fallback={<pre className="markdown-fallback">{turn.content}</pre>}>
          <StreamingMarkdown text={turn.content} streaming={false} />
        </Suspense>
      )}
    </article>
  );
}
