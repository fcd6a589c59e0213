import { useState } from 'react';
import { fitPage } from '@/lib/features/chat-page';
import { cropMiddle } from '@/lib/features/trim';
import { type ChatPage, MAX_PAGE_CHARS } from '@/lib/domain/chat';
import { request } from '@/lib/messaging/client';
import { activeTabId } from '@/lib/page/page-access';
import { readWholePage } from '@/lib/page/selection';
import { tabInfo } from '@/lib/page/tab-info';
import { resolveProvider } from '@/lib/settings/resolve-provider';
import { choiceFor } from '../forms/provider-bar';
import { useOtherTab } from '../hooks/use-other-tab';
import { useSettings, useT } from '../settings-context';

/**
 * "Chat about this page": reads the tab's article (Readability, as "use the whole page" does)
 * and keeps it with the conversation, shown as a chip with its title; removable; trimmed to the
 * model's budget with a visible note; and, when the user moves to another tab, an offer to switch.
 */
export function PageContext({ page }: { page: ChatPage | undefined }) {
  const t = useT();
  const { settings } = useSettings();
  const [note, setNote] = useState<{ text: string; error: boolean } | undefined>();
  const other = useOtherTab(page);

  const attach = async (tabId: number | undefined) => {
    setNote(undefined);
    const article = await readWholePage(tabId);
    if (!article.ok) {
      setNote({ text: t(article.problem === 'restricted' ? 'page.restricted' : 'page.noAccess'), error: true });
      return;
    }
    if (!article.value.text.trim()) {
      setNote({ text: t('chat.page.empty'), error: true });
      return;
    }
    const { url } = await tabInfo(tabId);
    const title = article.value.title.trim() || url || '—';
    const reply = await request('chat.attach-page', {
      title,
      text: cropMiddle(article.value.text, MAX_PAGE_CHARS).text,
      ...(url ? { url } : {}),
      ...(tabId !== undefined ? { tabId } : {}),
    });
    setNote(reply.ok ? { text: t('chat.page.attached', { title }), error: false } : { text: reply.error.message, error: true });
  };

  const provider = resolveProvider(choiceFor(settings, 'chat').provider, settings);
  const fitted = page && provider ? fitPage(page.text, provider.inputBudgetChars) : undefined;
  return (
    <div className="page-context">
      {page ? (
        <fieldset className="page-chip">
          <legend className="visually-hidden">{t('chat.page.label')}</legend>
          <span className="page-chip-title" title={page.url}>
            {page.title}
          </span>
          <span className="hint">{t('chat.page.size', { count: page.text.length.toLocaleString() })}</span>
          <button type="button" className="small" aria-label={t('chat.page.remove')} onClick={() => void request('chat.detach-page', {})}>
            ×
          </button>
        </fieldset>
      ) : (
        <button type="button" onClick={async () => attach(await activeTabId())}>
          {t('chat.aboutPage')}
        </button>
      )}
      {fitted?.note && provider ? (
        <p className="note note-trim" role="note">
          {t('chat.page.willTrim', { provider: provider.label, percent: fitted.note.keptPercent })}
        </p>
      ) : null}
      {other.tabId !== undefined ? (
        <fieldset className="page-switch">
          <legend>{t('chat.page.switch')}</legend>
          <button type="button" className="small" onClick={() => void attach(other.tabId)}>
            {t('chat.page.switchYes')}
          </button>
          <button type="button" className="small" onClick={other.decline}>
            {t('chat.page.switchNo')}
          </button>
        </fieldset>
      ) : null}
      {note ? (
        <p className={note.error ? 'field-error' : 'hint'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </p>
      ) : null}
    </div>
  );
}
