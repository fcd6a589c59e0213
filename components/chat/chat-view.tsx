import { useEffect, useId, useRef, useState } from 'react';
import { request } from '@/lib/messaging/client';
import { activeTabId } from '@/lib/page/page-access';
import { readSelection } from '@/lib/page/selection';
import { quoteSelection } from '@/lib/features/quote';
import { AnswerPanel } from '../answer/answer-panel';
import { ExportMenu } from '../answer/export-menu';
import { retryOf } from '../feature-runner';
import { withFeatureModel } from '../forms/choose-model';
import { choiceFor, ProviderBar } from '../forms/provider-bar';
import { useConversation } from '../hooks/use-conversation';
import type { SurfaceJobs } from '../hooks/use-jobs';
import type { useKeys } from '../hooks/use-keys';
import { useSettings, useT } from '../settings-context';
import { ChatTurnView } from './chat-turn';
import { PageContext } from './page-context';

/**
 * The side panel's chat: the whole conversation goes with every turn, and is kept for the
 * session (up to its share of session memory: older turns then go, and the chat says so).
 * Its answer is the chat's own job: answers of the other features run beside it.
 */
export function ChatView({ jobs, keys }: { jobs: SurfaceJobs; keys: ReturnType<typeof useKeys> }) {
  const t = useT();
  const { settings, update } = useSettings();
  const conversation = useConversation();
  const [composer, setComposer] = useState('');
  const [note, setNote] = useState<string | undefined>();
  const composerId = useId();
  const bottom = useRef<HTMLDivElement>(null);
  const job = jobs.jobs.chat ?? null;
  const running = job?.status === 'running';
  // A finished or stopped answer is already a turn of the conversation; show the job only
  // otherwise (or when it could not be kept as a turn: session memory was full).
  const pending = job && (running || job.status === 'error' || job.status === 'interrupted' || job.unsaved) ? job : null;

  useEffect(() => {
    if (!conversation.draft) return;
    setComposer((current) => current + conversation.draft);
    void request('chat.set-draft', { draft: '' });
  }, [conversation.draft]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls when the conversation or the streaming answer grows.
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [conversation.turns.length, pending?.text.length]);

  const start = (input: Record<string, unknown>) => {
    const { provider, model } = choiceFor(settings, 'chat');
    jobs.start({ surface: 'sidepanel', feature: 'chat', provider, model, input });
  };
  const send = () => {
    const message = composer.trim();
    if (!message) {
      setNote(t('validation.message-required'));
      return;
    }
    setNote(undefined);
    start({ message, action: 'send' });
    setComposer('');
  };
  const sendSelection = async () => {
    const result = await readSelection(await activeTabId());
    if (!result.ok) setNote(t(result.problem === 'restricted' ? 'page.restricted' : 'page.noAccess'));
    else if (!result.value) setNote(t('page.selectionEmpty'));
    else setComposer((current) => current + quoteSelection(result.value));
  };
  const lastIsAnswer = conversation.turns.at(-1)?.role === 'assistant';
  return (
    <section className="chat">
      <div className="chat-log" aria-live="polite">
        {conversation.dropped ? (
          <p className="note" role="note">
            {t('chat.olderDropped', { count: conversation.dropped })}
          </p>
        ) : null}
        {conversation.turns.length === 0 && !pending ? <p className="hint">{t('chat.empty')}</p> : null}
        {conversation.turns.map((turn, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: turns are append-only; the index is their identity.
          <ChatTurnView key={`${index}-${turn.role}`} turn={turn} />
        ))}
        {pending ? (
          <AnswerPanel
            job={pending}
            actions={{
              onStop: () => jobs.stop('chat'),
              onRetry: () => jobs.start(retryOf(pending, choiceFor(settings, 'chat'))),
              onUseModel: (model) => {
                const { provider } = pending.request;
                void update((current) => withFeatureModel(current, 'chat', provider, model));
                jobs.start(retryOf(pending, { provider, model }));
              },
            }}
          />
        ) : null}
        <div ref={bottom} />
      </div>
      <div className="chat-composer">
        <PageContext page={conversation.page} />
        <label htmlFor={composerId} className="visually-hidden">
          {t('field.message')}
        </label>
        <textarea
          id={composerId}
          value={composer}
          rows={3}
          placeholder={t('field.message.placeholder')}
          onChange={(event) => setComposer(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
              event.preventDefault();
              if (!running) send();
            }
          }}
        />
        {note ? (
          <p className="field-error" role="alert">
            {note}
          </p>
        ) : null}
        <div className="row wrap">
          {running ? (
            <button type="button" onClick={() => jobs.stop('chat')}>
              {t('action.stop')}
            </button>
          ) : (
            <button type="button" className="primary" onClick={send}>
              {t('action.send')}
            </button>
          )}
          <button type="button" disabled={running || !lastIsAnswer} onClick={() => start({ message: '', action: 'regenerate' })}>
            {t('action.regenerate')}
          </button>
          <button type="button" onClick={() => void sendSelection()}>
            {t('action.sendSelection')}
          </button>
          <button type="button" disabled={running} onClick={() => void request('chat.clear', {})}>
            {t('action.newChat')}
          </button>
          <ExportMenu source={{ kind: 'chat', turns: conversation.turns }} disabled={running || !conversation.turns.length} />
        </div>
        <ProviderBar feature="chat" keys={keys} />
      </div>
    </section>
  );
}
