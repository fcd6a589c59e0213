import type { GenerateRequest } from '@/lib/domain/job';
import type { IfBusy } from '@/lib/messaging/port-protocol';
import { useT } from '../settings-context';

/**
 * Run was pressed while this feature's answer is still being written: nothing is stopped
 * without the user saying so. Stop it and run the new one, or let it finish and run after.
 */
export function RerunChoice(props: { request: GenerateRequest; onChoose(ifBusy: IfBusy): void; onCancel(): void }) {
  const t = useT();
  return (
    <div className="choice-box" role="alert">
      <p>{t('jobs.busy')}</p>
      <div className="row wrap">
        <button type="button" className="primary" onClick={() => props.onChoose('replace')}>
          {t('action.stopAndRun')}
        </button>
        <button type="button" onClick={() => props.onChoose('queue')}>
          {t('action.waitThenRun')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}

/** A run waiting for the current answer (the user chose to wait, or a context-menu run arrived meanwhile). */
export function QueuedRun(props: { onRunNow(): void; onDrop(): void }) {
  const t = useT();
  return (
    <div className="choice-box" role="status">
      <p>{t('jobs.queued')}</p>
      <div className="row wrap">
        <button type="button" onClick={props.onRunNow}>
          {t('action.runNow')}
        </button>
        <button type="button" onClick={props.onDrop}>
          {t('action.dontRun')}
        </button>
      </div>
    </div>
  );
}
