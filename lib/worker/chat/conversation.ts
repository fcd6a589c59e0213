import type { ChatPage, ChatTurn, Conversation } from '../../domain/chat';
import { conversationItem, readConversation } from '../../storage/items';

export type ChatAction = 'send' | 'retry' | 'regenerate';

/** Thrown when there is no user turn to answer (e.g. Retry on an empty chat). */
export class NothingToAnswerError extends Error {}

/**
 * Records the user's side of a turn before anything is sent, so a failure never loses
 * what they wrote. Returns the message to answer and the turns before it.
 */
export async function beginTurn(message: string, action: ChatAction): Promise<{ message: string; history: ChatTurn[]; page?: ChatPage }> {
  const conversation = await readConversation();
  const turns = [...conversation.turns];
  if (action === 'send') turns.push({ role: 'user', content: message });
  if (action === 'regenerate' && turns.at(-1)?.role === 'assistant') turns.pop();
  const last = turns.at(-1);
  if (last?.role !== 'user') throw new NothingToAnswerError();
  const next: Conversation = {
    turns,
    ...(conversation.page ? { page: conversation.page } : {}),
    ...(action === 'send' ? {} : conversation.draft ? { draft: conversation.draft } : {}),
  };
  await conversationItem.setValue(next);
  return { message: last.content, history: turns.slice(0, -1), ...(conversation.page ? { page: conversation.page } : {}) };
}

export async function appendAnswer(turn: Omit<ChatTurn, 'role'>): Promise<void> {
  const conversation = await readConversation();
  await conversationItem.setValue({ ...conversation, turns: [...conversation.turns, { role: 'assistant', ...turn }] });
}

export async function clearConversation(): Promise<Conversation> {
  const empty: Conversation = { turns: [] };
  await conversationItem.setValue(empty);
  return empty;
}

export async function setDraft(draft: string): Promise<void> {
  const conversation = await readConversation();
  await conversationItem.setValue({ ...conversation, draft });
}

/** "Chat about this page": the page is kept once, with the conversation, until removed or replaced. */
export async function attachPage(page: ChatPage): Promise<Conversation> {
  const next: Conversation = { ...(await readConversation()), page };
  await conversationItem.setValue(next);
  return next;
}

export async function detachPage(): Promise<Conversation> {
  const { page: _removed, ...rest } = await readConversation();
  await conversationItem.setValue(rest);
  return rest;
}
