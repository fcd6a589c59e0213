import { useState } from 'react';
import { type CustomAction, MAX_ACTIONS } from '@/lib/actions/schema';
import type { MessageKey } from '@/lib/i18n/translate';
import { providerLabel } from '@/lib/settings/resolve-provider';
import { useCustomActions } from '../hooks/use-custom-actions';
import { useSettings, useT } from '../settings-context';
import { useSaveReport } from './save-failures';
import { ActionsTransfer } from './actions-transfer';
import { CustomActionForm } from './custom-action-form';

function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The user's own actions: add, edit, reorder, delete, export and import. */
export function CustomActionsSection() {
  const t = useT();
  // Every save reports a failure at the top of the page (SaveFailures), none fails in silence.
  const report = useSaveReport();
  const { settings } = useSettings();
  const { actions, save } = useCustomActions();
  const [editing, setEditing] = useState<string | undefined>();
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();

  const upsert = async (action: CustomAction) => {
    const exists = actions.some((entry) => entry.id === action.id);
    await save(exists ? actions.map((entry) => (entry.id === action.id ? action : entry)) : [...actions, action]);
    setEditing(undefined);
    setMessage({ text: t('options.saved'), error: false });
  };
  const remove = async (action: CustomAction) => {
    await save(actions.filter((entry) => entry.id !== action.id));
    setMessage({ text: t('options.actions.deleted', { name: action.name }), error: false });
  };

  return (
    <section aria-labelledby="custom-actions-heading" className="custom-actions">
      <h2 id="custom-actions-heading">{t('options.actions')}</h2>
      <p className="hint">{t('options.actions.intro')}</p>
      <ol className="custom-list">
        {actions.map((action, index) => (
          <li key={action.id} aria-label={action.name}>
            {editing === action.id ? (
              <CustomActionForm initial={action} onSave={upsert} onCancel={() => setEditing(undefined)} />
            ) : (
              <>
                <div className="row">
                  <strong>{action.name}</strong>
                  <span className="spacer" />
                  <button
                    type="button"
                    className="small"
                    aria-label={`${t('options.actions.moveUp')}: ${action.name}`}
                    disabled={index === 0}
                    onClick={() => report(save(moved(actions, index, index - 1)))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="small"
                    aria-label={`${t('options.actions.moveDown')}: ${action.name}`}
                    disabled={index === actions.length - 1}
                    onClick={() => report(save(moved(actions, index, index + 1)))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="small"
                    aria-label={`${t('options.custom.edit')} ${action.name}`}
                    onClick={() => setEditing(action.id)}
                  >
                    {t('options.custom.edit')}
                  </button>
                  <button
                    type="button"
                    className="small"
                    aria-label={`${t('options.custom.delete')} ${action.name}`}
                    onClick={() => report(remove(action))}
                  >
                    {t('options.custom.delete')}
                  </button>
                </div>
                <p className="hint">
                  {t('options.actions.summary', {
                    placement: t(`options.actions.placement.${action.placement}` as MessageKey),
                    provider: action.provider ? providerLabel(action.provider, settings) : t('options.actions.provider.default'),
                  })}
                </p>
                <p className="hint template-preview">{action.template}</p>
              </>
            )}
          </li>
        ))}
      </ol>
      {editing === 'new' ? (
        <CustomActionForm onSave={upsert} onCancel={() => setEditing(undefined)} />
      ) : actions.length < MAX_ACTIONS ? (
        <button type="button" onClick={() => setEditing('new')}>
          {t('options.actions.add')}
        </button>
      ) : (
        <p className="hint">{t('options.actions.limit', { count: MAX_ACTIONS })}</p>
      )}
      <ActionsTransfer actions={actions} onImport={save} onMessage={setMessage} />
      {message ? (
        <p className={message.error ? 'field-error' : 'hint'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
