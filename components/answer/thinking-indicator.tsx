import type { Job } from '@/lib/domain/job';
import { secondsBetween, useNow } from '../hooks/use-now';
import { useT } from '../settings-context';

/**
 * "Thinking… 12 s": a reasoning model at work before its first word. Some stream their
 * reasoning (then it also grows in the Reasoning section), OpenAI's say nothing at all.
 * The counter is hidden from screen readers, which hear "Thinking…" once, not every second.
 */
export function ThinkingIndicator({ job }: { job: Job }) {
  const t = useT();
  const now = useNow();
  return (
    <p className="note thinking" role="status">
      <span className="spinner" aria-hidden="true" />{' '}
      <span aria-hidden="true">{t('answer.thinking', { seconds: secondsBetween(job.startedAt, now) })}</span>
      <span className="visually-hidden">{t('answer.thinkingNow')}</span>
    </p>
  );
}
