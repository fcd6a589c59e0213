import { useEffect, useState } from 'react';
import type { Job } from '@/lib/domain/job';
import { providerLabel, resolveProvider } from '@/lib/settings/resolve-provider';
import { ClearFinishedButton } from '../jobs/session-full-note';
import { useSettings, useT } from '../settings-context';
import { GrantAccessButton } from './grant-access';
import { ModelSuggestions } from './model-suggestions';

/** "Waiting for the server… 12 s": non-streaming routes show progress while nothing arrives. */
export function WaitingNote({ job }: { job: Job }) {
  const t = useT();
  const { settings } = useSettings();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const provider = job.mode === undefined ? t('options.server') : providerLabel(job.request.provider, settings);
  return (
    <p className="note" role="status">
      <span className="spinner" aria-hidden="true" />{' '}
      {t('answer.waiting', { provider, seconds: Math.max(0, Math.round((now - job.startedAt) / 1000)) })}
    </p>
  );
}

export function TrimNote({ trim }: { trim: Job['trim'] }) {
  const t = useT();
  if (!trim) return null;
  const counts = { percent: trim.keptPercent, kept: trim.keptChars.toLocaleString(), total: trim.originalChars.toLocaleString() };
  const text =
    trim.scope === 'input'
      ? t('answer.trimmed', counts)
      : trim.scope === 'page'
        ? t('answer.pageTrimmed', counts)
        : t('answer.historyTrimmed', { percent: trim.keptPercent });
  return (
    <p className="note note-trim" role="note">
      {text}
    </p>
  );
}

export function ErrorNote({ job, onRetry, onUseModel }: { job: Job; onRetry?: () => void; onUseModel?: (model: string) => void }) {
  const t = useT();
  const { settings } = useSettings();
  const { error } = job;
  if (!error || job.status === 'stopped') return null;
  return (
    <div className="error-box" role="alert">
      <p>{error.message}</p>
      {error.detail ? (
        <p className="error-detail">
          {t('error.detail', {
            provider: (error.provider && resolveProvider(error.provider, settings)?.label) || t('options.server'),
            detail: error.detail,
          })}
        </p>
      ) : null}
      {error.kind === 'session-full' ? <ClearFinishedButton /> : null}
      {onRetry && error.kind === 'permission-revoked' && error.origin ? (
        <GrantAccessButton origin={error.origin} onGranted={onRetry} />
      ) : null}
      <ModelSuggestions error={error} onUseModel={onUseModel} />
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      ) : null}
    </div>
  );
}
