import { z } from '../zod';
import { gromptErrorSchema } from '../errors/kinds';
import { finishReasonSchema, generateRequestSchema, jobSchema, surfaceSchema, usageSchema } from '../domain/job';

/** One runtime Port per generation. Its name tells the background what it is. */
export const GENERATION_PORT = 'grompt-generation';

/** UI -> background. */
export const portCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), request: generateRequestSchema }),
  /** Reattach to the surface's current job (after the popup or panel reopened). */
  z.object({ type: z.literal('attach'), surface: surfaceSchema }),
  z.object({ type: z.literal('cancel') }),
]);
export type PortCommand = z.infer<typeof portCommandSchema>;

/** Background -> UI: the job as it stands, then its stream parts. */
export const portEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('job'), job: jobSchema }),
  z.object({ type: z.literal('text-delta'), text: z.string() }),
  z.object({ type: z.literal('reasoning-delta'), text: z.string() }),
  z.object({
    type: z.literal('finish'),
    reason: finishReasonSchema,
    usage: z.optional(usageSchema),
  }),
  z.object({ type: z.literal('error'), error: gromptErrorSchema }),
  /** Nothing to attach to. */
  z.object({ type: z.literal('idle') }),
]);
export type PortEvent = z.infer<typeof portEventSchema>;
