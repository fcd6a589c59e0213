import type { Job } from '@/lib/domain/job';
import { providerLabel } from '@/lib/settings/resolve-provider';
import { useSettings, useT } from '../settings-context';

/** Under each answer: provider, model, mode, and tokens when the provider reports them. */
export function AnswerMeta({ job }: { job: Job }) {
  const t = useT();
  const { settings } = useSettings();
  const provider = providerLabel(job.request.provider, settings);
  const { usage } = job;
  return (
    <p className="answer-meta">
      {t('answer.meta', { provider, model: job.model ?? '—', mode: job.mode ? t(`mode.${job.mode}`) : '…' })}
      {usage && (usage.inputTokens !== undefined || usage.outputTokens !== undefined)
        ? ` · ${t('answer.tokens', { input: usage.inputTokens ?? '?', output: usage.outputTokens ?? '?' })}`
        : ''}
    </p>
  );
}
