import type { Mode } from '@/lib/domain/job';
import { useT } from '../settings-context';

/** The mode of every answer, in words as well as colour: BYOK blue, Server green, Demo yellow. */
export function ModeBadge({ mode }: { mode: Mode | undefined }) {
  const t = useT();
  if (!mode) return null;
  return (
    <span className={`badge badge-${mode}`} title={t(`mode.${mode}.long`)} data-mode={mode}>
      {t(`mode.${mode}`)}
      <span className="visually-hidden">: {t(`mode.${mode}.long`)}</span>
    </span>
  );
}
