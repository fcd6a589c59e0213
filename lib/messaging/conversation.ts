import { z } from 'zod';
import { modeSchema, usageSchema } from './job';

export const chatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  provider: z.string().optional(),
  model: z.string().optional(),
  mode: modeSchema.optional(),
  usage: usageSchema.optional(),
});
export type ChatTurn = z.infer<typeof chatTurnSchema>;

export const conversationSchema = z.object({
  turns: z.array(chatTurnSchema),
  /** Text queued for the composer, e.g. a selection sent to the chat from a page. */
  draft: z.string().optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;
