import { z } from '../zod';
import { modeSchema, trimNoteSchema, usageSchema } from './job';

export const chatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  provider: z.optional(z.string()),
  model: z.optional(z.string()),
  mode: z.optional(modeSchema),
  usage: z.optional(usageSchema),
  /** Older turns or the message were trimmed to fit the model when this answer was made. */
  trim: z.optional(trimNoteSchema),
});
export type ChatTurn = z.infer<typeof chatTurnSchema>;

/** Characters of page text kept with a conversation (the largest input budget any provider has). */
export const MAX_PAGE_CHARS = 1_000_000;

/**
 * The page a conversation is about ("Chat about this page"): its article text, kept once with the
 * conversation in session memory (never per turn), and sent, fenced and trimmed, with every turn.
 */
export const chatPageSchema = z.object({
  title: z.string().check(z.maxLength(2_000)),
  url: z.optional(z.string().check(z.maxLength(8_000))),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_PAGE_CHARS)),
  /** The tab it came from, to offer a switch when the user moves to another tab. */
  tabId: z.optional(z.int()),
});
export type ChatPage = z.infer<typeof chatPageSchema>;

export const conversationSchema = z.object({
  turns: z.array(chatTurnSchema),
  page: z.optional(chatPageSchema),
  /** Text queued for the composer, e.g. a selection sent to the chat from a page. */
  draft: z.optional(z.string()),
  /** How many of the oldest turns were dropped to keep the conversation within its share of session memory. */
  dropped: z.optional(z.int().check(z.nonnegative())),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** The conversation's share of session memory, in characters of its turns. */
export const CHAT_MAX_CHARS = 400_000;

/**
 * Drops the oldest turns (a question with its answer) until the conversation fits
 * `maxChars`, counting what was dropped. The newest turn always stays.
 */
export function capConversation(conversation: Conversation, maxChars = CHAT_MAX_CHARS): Conversation {
  const turns = [...conversation.turns];
  let size = turns.reduce((sum, turn) => sum + turn.content.length, 0);
  let dropped = 0;
  while (size > maxChars && turns.length > 1) {
    const removed =
      turns[0]?.role === 'user' && turns[1]?.role === 'assistant' && turns.length > 2 ? turns.splice(0, 2) : turns.splice(0, 1);
    size -= removed.reduce((sum, turn) => sum + turn.content.length, 0);
    dropped += removed.length;
  }
  if (dropped === 0) return conversation;
  return { ...conversation, turns, dropped: (conversation.dropped ?? 0) + dropped };
}
