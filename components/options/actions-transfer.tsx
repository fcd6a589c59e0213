import { useRef } from 'react';
import type { CustomAction } from '@/lib/actions/schema';
import { MAX_ACTIONS } from '@/lib/actions/schema';
import { exportActions, type ImportProblem, importActions } from '@/lib/actions/transfer';
import type { Translate } from '../settings-context';
import { useSettings, useT } from '../settings-context';
import { useSaveReport } from './save-failures';

function problemText(t: Translate, problem: ImportProblem): string {
  switch (problem.problem) {
    case 'bad-action':
      return t('options.actions.import.bad-action', { index: problem.index, field: problem.field });
    case 'key-shaped':
      return t('options.actions.import.key-shaped', { name: problem.name, field: problem.field });
    case 'duplicate-id':
      return t('options.actions.import.duplicate-id', { id: problem.id });
    case 'too-many':
      return t('options.actions.import.too-many', { count: problem.count, max: MAX_ACTIONS });
    default:
      return t(`options.actions.import.${problem.problem}`);
  }
}

/** Export the actions to a JSON file; import one (checked whole first: a bad file changes nothing). */
export function ActionsTransfer(props: {
  actions: CustomAction[];
  onImport(actions: CustomAction[]): Promise<void>;
  onMessage(message: { text: string; error: boolean }): void;
}) {
  const t = useT();
  // Every save reports a failure at the top of the page (SaveFailures), none fails in silence.
  const report = useSaveReport();
  const { settings } = useSettings();
  const fileInput = useRef<HTMLInputElement>(null);
  const download = () => {
    const url = URL.createObjectURL(new Blob([exportActions(props.actions)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'grompt-actions.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const load = async (file: File | undefined) => {
    if (!file) return;
    const known = new Set<string>(settings.customProviders.map((provider) => provider.id));
    const result = importActions(await file.text(), props.actions, known);
    if (fileInput.current) fileInput.current.value = '';
    if (!result.ok) {
      props.onMessage({ text: problemText(t, result), error: true });
      return;
    }
    await props.onImport(result.actions);
    props.onMessage({ text: t('options.actions.imported', { count: result.imported }), error: false });
  };
  return (
    <div className="row wrap">
      <button type="button" onClick={download}>
        {t('options.actions.export')}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        {t('options.actions.import')}
      </button>
      {/* Hidden: the button above is the control people (and keyboards) use. */}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('options.actions.import')}
        onChange={(event) => report(load(event.target.files?.[0]))}
      />
    </div>
  );
}
