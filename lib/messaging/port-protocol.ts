import { z } from '../zod';
import { jobKindSchema, generateRequestSchema, jobChangeSchema, jobSchema, surfaceSchema } from '../domain/job';

/** One runtime Port per open page (popup or side panel). Its name tells the background what it is. */
export const GENERATION_PORT = 'grompt-generation';

/** What to do when the feature already has an answer running: ask the user, stop it, or run after it. */
export const ifBusySchema = z.enum(['ask', 'replace', 'queue']);
export type IfBusy = z.infer<typeof ifBusySchema>;

/** UI -> background. */
export const portCommandSchema = z.discriminatedUnion('type', [
  /** Follow every job of this surface: a snapshot now, then their changes (also after the page reopened). */
  z.object({ type: z.literal('attach'), surface: surfaceSchema }),
  z.object({ type: z.literal('start'), request: generateRequestSchema, ifBusy: ifBusySchema }),
  z.object({ type: z.literal('cancel'), jobId: z.string() }),
  /** The feature the page shows now (null: none): its finished answer counts as seen. */
  z.object({ type: z.literal('view'), feature: z.nullable(jobKindSchema) }),
  /** Drops the run waiting behind this feature's running answer. */
  z.object({ type: z.literal('dequeue'), feature: jobKindSchema }),
]);
export type PortCommand = z.infer<typeof portCommandSchema>;

/** Background -> UI. Every event after the snapshot names the job it is about. */
export const portEventSchema = z.discriminatedUnion('type', [
  /** Every job and waiting run of the surface, as they stand. */
  z.object({ type: z.literal('jobs'), jobs: z.array(jobSchema), queued: z.array(generateRequestSchema) }),
  /** A job that just started (or that this page had not seen yet), in full. */
  z.object({ type: z.literal('job'), job: jobSchema }),
  z.object({ type: z.literal('update'), jobId: z.string(), change: jobChangeSchema }),
  z.object({ type: z.literal('text-delta'), jobId: z.string(), text: z.string() }),
  /** What a reasoning model thinks before it answers: its own channel, never part of the answer. */
  z.object({ type: z.literal('reasoning-delta'), jobId: z.string(), text: z.string() }),
  /** A run waiting for the feature's current answer (null: none any more). */
  z.object({ type: z.literal('queued'), feature: jobKindSchema, request: z.nullable(generateRequestSchema) }),
  /** Start was refused: the feature's answer is still running, and the user has to choose. */
  z.object({ type: z.literal('busy'), request: generateRequestSchema }),
]);
export type PortEvent = z.infer<typeof portEventSchema>;
