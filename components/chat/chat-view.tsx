import { useEffect, useId, useRef, useState } from 'react';
import { request } from '@/lib/messaging/client';
import { activeTabId } from '@/lib/page/page-access';
import { readSelection } from '@/lib/page/selection';
import { AnswerPanel } from '../answer/answer-panel';
import { ExportMenu } from '../answer/export-menu';
import { retryOf } from '../feature-runner';
import { withFeatureModel } from '../forms/choose-model';
import { choiceFor, ProviderBar } from '../forms/provider-bar';
import { useConversation } from '../hooks/use-conversation';
import type { useGeneration } from '../hooks/use-generation';
import type { useKeys } from '../hooks/use-keys';
import { useSettings, useT } from '../settings-context';
import { ChatTurnView } from './chat-turn';
import { PageContext } from './page-context';

const quote = (text: string) =>
  `${text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')}\n\n`;

/** The side panel's chat: the whole conversation goes with every turn, and is kept for the session. */
export function ChatView({ generation, keys }: { generation: ReturnType<typeof useGeneration>; keys: ReturnType<typeof useKeys> }) {
  const t = useT();
  const { settings, update } = useSettings();
  const conversation = useConversation();
  const [composer, setComposer] = useState('');
  const [note, setNote] = useState<string | undefined>();
  const composerId = useId();
  const bottom = useRef<HTMLDivElement>(null);
  const job = generation.job?.request.feature === 'chat' ? generation.job : null;
  const running = job?.status === 'running';
  // A finished or stopped answer is already a turn of the conversation; show the job only otherwise.
  const pending = job && (running || job.status === 'error' || job.status === 'interrupted') ? job : null;

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
    generation.start({ surface: 'sidepanel', feature: 'chat', provider, model, input });
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
    else setComposer((current) => current + quote(result.value));
  };
  const lastIsAnswer = conversation.turns.at(-1)?.role === 'assistant';
  return (
    <section className="chat">
      <div className="chat-log" aria-live="polite">
        {conversation.turns.length === 0 && !pending ? <p className="hint">{t('chat.empty')}</p> : null}
        {conversation.turns.map((turn, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: turns are append-only; the index is their identity.
          <ChatTurnView key={`${index}-${turn.role}`} turn={turn} />
        ))}
        {pending ? (
          <AnswerPanel
            job={pending}
            actions={{
              onStop: generation.stop,
              onRetry: () => generation.start(retryOf(pending, choiceFor(settings, 'chat'))),
              onUseModel: (model) => {
                const { provider } = pending.request;
                void update((current) => withFeatureModel(current, 'chat', provider, model));
                generation.start(retryOf(pending, { provider, model }));
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
            <button type="button" onClick={generation.stop}>
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
