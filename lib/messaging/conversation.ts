import { z } from '../zod';
import { modeSchema, trimNoteSchema, usageSchema } from './job';

export const chatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  provider: z.string().optional(),
  model: z.string().optional(),
  mode: modeSchema.optional(),
  usage: usageSchema.optional(),
  /** Older turns or the message were trimmed to fit the model when this answer was made. */
  trim: trimNoteSchema.optional(),
});
export type ChatTurn = z.infer<typeof chatTurnSchema>;

export const conversationSchema = z.object({
  turns: z.array(chatTurnSchema),
  /** Text queued for the composer, e.g. a selection sent to the chat from a page. */
  draft: z.string().optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;
