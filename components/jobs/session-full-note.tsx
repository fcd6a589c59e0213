import { useState } from 'react';
import { request } from '@/lib/messaging/client';
import { useT } from '../settings-context';

/** The action that answers "session memory is full": finished answers go, oldest to newest, all of them. */
export function ClearFinishedButton() {
  const t = useT();
  const [done, setDone] = useState(false);
  return done ? (
    <span className="hint" role="status">
      {t('answer.cleared')}
    </span>
  ) : (
    <button type="button" onClick={() => void request('jobs.clear-finished', {}).then((reply) => setDone(reply.ok))}>
      {t('action.clearFinished')}
    </button>
  );
}

/** Said where the user is when something could not be kept: what happened, and the action that fixes it. */
export function SessionFullNote({ message }: { message: string }) {
  return (
    <div className="error-box" role="alert">
      <p>{message}</p>
      <ClearFinishedButton />
    </div>
  );
}
