import type { PageProblem } from '@/lib/page/page-access';
import { useT } from './settings-context';

/** Where the main text comes from: the selection, the whole page, or a note on why neither. */
export function SourceBar(props: {
  selection: string | undefined;
  problem: PageProblem | undefined;
  onUseSelection(): void;
  onUseWholePage(): void;
}) {
  const t = useT();
  if (props.problem === 'restricted') return <p className="note">{t('page.restricted')}</p>;
  if (props.problem) return <p className="note">{t('page.noAccess')}</p>;
  return (
    <div className="source-bar">
      {props.selection === '' ? <span className="hint">{t('page.selectionEmpty')}</span> : null}
      <button type="button" className="small" onClick={props.onUseSelection}>
        {t('action.useSelection')}
      </button>
      <button type="button" className="small" onClick={props.onUseWholePage}>
        {t('action.useWholePage')}
      </button>
    </div>
  );
}
