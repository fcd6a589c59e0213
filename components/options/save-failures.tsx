import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import { redact } from '@/lib/log/redact';
import { useT } from '../settings-context';

type Report = (save: Promise<unknown>) => void;

const SaveReport = createContext<Report>((save) => void save.catch(() => undefined));

/**
 * Every save of the options page reports here, so that none fails in silence (a write can
 * fail: the storage quota, a browser refusing a permission). The failure is said at the top of
 * the page, as an alert, until a later save succeeds. URL fields also say it under the field.
 */
export function SaveFailures({ children }: { children: ReactNode }) {
  const t = useT();
  const [reason, setReason] = useState<string | undefined>();
  const report = useCallback<Report>((save) => {
    save.then(
      () => setReason(undefined),
      (error: unknown) => setReason(redact(error instanceof Error ? error.message : String(error))),
    );
  }, []);
  return (
    <SaveReport.Provider value={report}>
      {reason ? (
        <p className="field-error" role="alert">
          {t('options.saveFailed', { reason })}
        </p>
      ) : null}
      {children}
    </SaveReport.Provider>
  );
}

/** Hands a save (a promise) to the page's failure report instead of dropping it with `void`. */
export function useSaveReport(): Report {
  return useContext(SaveReport);
}

/** A form's Save (its failure reported like every other save of the page) and Cancel buttons. */
export function SaveOrCancel({ onSave, onCancel }: { onSave(): Promise<unknown>; onCancel(): void }) {
  const t = useT();
  const report = useSaveReport();
  return (
    <div className="row">
      <button type="button" className="primary" onClick={() => report(onSave())}>
        {t('action.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('options.custom.cancel')}
      </button>
    </div>
  );
}
