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

export const conversationSchema = z.object({
  turns: z.array(chatTurnSchema),
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
