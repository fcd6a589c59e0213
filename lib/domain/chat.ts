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
});
export type Conversation = z.infer<typeof conversationSchema>;
