import { lazy, type ReactNode, Suspense } from 'react';
import { isReasoningModel } from '@/lib/catalogue/reasoning';
import type { Job } from '@/lib/domain/job';
import { CopyButton } from '../copy-button';
import { useT } from '../settings-context';
import { AnswerMeta } from './answer-meta';
import { ErrorNote, TrimNote, WaitingNote } from './answer-notes';
import { ExportMenu } from './export-menu';
import { ModeBadge } from './mode-badge';
import { ReasoningSection } from './reasoning-section';
import { ThinkingIndicator } from './thinking-indicator';

// Markdown rendering is loaded with the first answer, not with the page: the popup opens faster.
const StreamingMarkdown = lazy(() => import('../markdown/streaming-markdown'));

export interface AnswerActions {
  onStop(): void;
  onRetry(): void;
  /** After "model not found": switch this feature to one of the provider's models and run again. */
  onUseModel?(model: string): void;
  /** Extra actions of the surface (insert into page, continue in side panel). */
  extra?: ReactNode;
}

/** A model that talks to us directly and reasons: its silence is thinking, not waiting. */
const thinking = (job: Job) =>
  job.reasoning !== undefined || ((job.mode === 'byok' || job.mode === 'local') && isReasoningModel(job.model ?? job.request.model));

/** An answer as it streams: mode badge, Markdown, notes, and what the user can do with it. */
export function AnswerPanel({ job, actions }: { job: Job; actions: AnswerActions }) {
  const t = useT();
  const running = job.status === 'running';
  const finished = !running;
  return (
    <section className="answer" aria-label={t('app.name')} aria-busy={running}>
      <header className="answer-header">
        <ModeBadge mode={job.mode} />
        <span className="answer-status" role="status">
          {running && job.text ? t('answer.streaming') : ''}
          {job.status === 'stopped' ? t('answer.stopped') : ''}
        </span>
      </header>
      <TrimNote trim={job.trim} />
      <ReasoningSection job={job} />
      {running && !job.text ? thinking(job) ? <ThinkingIndicator job={job} /> : <WaitingNote job={job} /> : null}
      {job.text ? (
        <Suspense fallback={<pre className="markdown-fallback">{job.text}</pre>}>
          <StreamingMarkdown text={job.text} streaming={running} />
        </Suspense>
      ) : null}
      {job.finishReason === 'length' ? <p className="note">{t('answer.lengthLimit')}</p> : null}
      <ErrorNote job={job} onRetry={finished ? actions.onRetry : undefined} onUseModel={finished ? actions.onUseModel : undefined} />
      <div className="answer-actions">
        {running ? (
          <button type="button" onClick={actions.onStop}>
            {t('action.stop')}
          </button>
        ) : (
          <>
            {!job.error || job.status === 'stopped' ? (
              <button type="button" onClick={actions.onRetry}>
                {t('action.retry')}
              </button>
            ) : null}
            <CopyButton text={job.text} />
            {job.text ? <ExportMenu source={{ kind: 'answer', job }} /> : null}
            {job.text ? actions.extra : null}
          </>
        )}
      </div>
      {job.mode ? <AnswerMeta job={job} /> : null}
    </section>
  );
}
