import { type ChatPage, type ChatTurn, type Conversation, capConversation, conversationSchema } from '../../domain/chat';
import { conversationItem } from '../../storage/items';
import { withRoom } from '../session/room';

export type ChatAction = 'send' | 'retry' | 'regenerate';

/** Thrown when there is no user turn to answer (e.g. Retry on an empty chat). */
export class NothingToAnswerError extends Error {}

const parse = (value: Conversation): Conversation => {
  const parsed = conversationSchema.safeParse(value);
  return parsed.success ? parsed.data : { turns: [] };
};

/**
 * Every change to the chat is one read-modify-write, one at a time (the item's update), so a
 * turn recorded while another is being answered is never lost; and it is capped by size, so
 * the chat cannot take session memory from answers and keys.
 */
function change(edit: (conversation: Conversation) => Conversation): Promise<Conversation> {
  return withRoom(() => conversationItem.update((stored) => capConversation(edit(parse(stored)))));
}

type Turn = { message: string; history: ChatTurn[]; page?: ChatPage };

/**
 * Records the user's side of a turn before anything is sent, so a failure never loses
 * what they wrote. Returns the message to answer, the turns before it, and the page the
 * conversation is about, if any.
 */
export async function beginTurn(message: string, action: ChatAction): Promise<Turn> {
  let result: Turn | undefined;
  await change((conversation) => {
    const turns = [...conversation.turns];
    if (action === 'send') turns.push({ role: 'user', content: message });
    if (action === 'regenerate' && turns.at(-1)?.role === 'assistant') turns.pop();
    const last = turns.at(-1);
    if (last?.role !== 'user') {
      result = undefined;
      return conversation;
    }
    result = { message: last.content, history: turns.slice(0, -1), ...(conversation.page ? { page: conversation.page } : {}) };
    const { draft, ...rest } = conversation;
    return { ...rest, turns, ...(action !== 'send' && draft ? { draft } : {}) };
  });
  if (!result) throw new NothingToAnswerError();
  return result;
}

export async function appendAnswer(turn: Omit<ChatTurn, 'role'>): Promise<void> {
  await change((conversation) => ({ ...conversation, turns: [...conversation.turns, { role: 'assistant', ...turn }] }));
}

export async function clearConversation(): Promise<Conversation> {
  return change(() => ({ turns: [] }));
}

export async function setDraft(draft: string): Promise<void> {
  await change((conversation) => ({ ...conversation, draft }));
}

/** "Chat about this page": the page is kept once, with the conversation, until removed or replaced. */
export async function attachPage(page: ChatPage): Promise<Conversation> {
  return change((conversation) => ({ ...conversation, page }));
}

export async function detachPage(): Promise<Conversation> {
  return change(({ page: _removed, ...rest }) => rest);
}
