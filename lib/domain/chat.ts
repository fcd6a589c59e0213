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
});
export type Conversation = z.infer<typeof conversationSchema>;
