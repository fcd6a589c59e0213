import type { Job } from '@/lib/domain/job';
import { secondsBetween, useNow } from '../hooks/use-now';
import { useT } from '../settings-context';

/**
 * What the model thought, folded away above the answer. Plain text, never Markdown: it is
 * not the answer, so it is never rendered, copied, inserted or exported as one. The user can
 * open it, and select and copy from it themselves.
 */
export function ReasoningSection({ job }: { job: Job }) {
  const t = useT();
  const thinking = job.status === 'running' && !job.reasoningEndedAt;
  const now = useNow(thinking);
  if (!job.reasoning) return null;
  const start = job.reasoningStartedAt ?? job.startedAt;
  const end = job.reasoningEndedAt ?? job.finishedAt;
  const summary = end ? t('answer.reasoningFor', { seconds: secondsBetween(start, end) }) : t('answer.reasoning');
  return (
    <details className="reasoning" data-thinking={thinking}>
      <summary>{thinking ? t('answer.reasoningFor', { seconds: secondsBetween(start, now) }) : summary}</summary>
      <p className="reasoning-text">{job.reasoning}</p>
    </details>
  );
}
