import { z } from '../zod';
import { PROVIDER_IDS } from '../catalogue/providers';
import { gromptErrorSchema } from '../errors/kinds';
import { FEATURE_IDS, type FeatureId } from '../features/ids';

export const SURFACES = ['popup', 'sidepanel'] as const;
export const surfaceSchema = z.enum(SURFACES);
export type Surface = z.infer<typeof surfaceSchema>;

export const featureIdSchema = z.enum(FEATURE_IDS);

/**
 * Where a job runs: one surface's one feature. Each slot has at most one job at a time, so
 * the popup's features, the side panel's features and the chat all answer side by side.
 */
export type Slot = `${Surface}/${FeatureId}`;

export function slotOf(place: { surface: Surface; feature: FeatureId }): Slot {
  return `${place.surface}/${place.feature}`;
}

/** How an answer was produced: shown on every answer as a badge. */
export const MODES = ['byok', 'server', 'demo', 'local', 'unknown'] as const;
export const modeSchema = z.enum(MODES);
export type Mode = z.infer<typeof modeSchema>;

export const usageSchema = z.object({
  inputTokens: z.optional(z.int().check(z.nonnegative())),
  outputTokens: z.optional(z.int().check(z.nonnegative())),
});
export type Usage = z.infer<typeof usageSchema>;

export const finishReasonSchema = z.enum(['stop', 'length', 'content-filter', 'other']);
export type FinishReason = z.infer<typeof finishReasonSchema>;

export const trimNoteSchema = z.object({
  keptPercent: z.number().check(z.minimum(0), z.maximum(100)),
  originalChars: z.int().check(z.nonnegative()),
  keptChars: z.int().check(z.nonnegative()),
  /** What was trimmed: the feature's main text, or older chat turns. */
  scope: z.enum(['input', 'history']),
});
export type TrimNote = z.infer<typeof trimNoteSchema>;

/** A request to run one feature once. The background validates `input` against the feature. */
export const generateRequestSchema = z.object({
  surface: surfaceSchema,
  feature: featureIdSchema,
  input: z.record(z.string(), z.unknown()),
  provider: z.enum(PROVIDER_IDS),
  model: z.optional(z.string().check(z.maxLength(200))),
});
export type GenerateRequest = z.infer<typeof generateRequestSchema>;

export const JOB_STATUSES = ['running', 'done', 'error', 'stopped', 'interrupted'] as const;

/** One generation as the background keeps it in session memory, so no UI can lose it. */
export const jobSchema = z.object({
  id: z.string(),
  request: generateRequestSchema,
  status: z.enum(JOB_STATUSES),
  mode: z.optional(modeSchema),
  model: z.optional(z.string()),
  text: z.string(),
  /** What a reasoning model thought before answering: shown apart, never part of `text`. */
  reasoning: z.optional(z.string()),
  reasoningStartedAt: z.optional(z.number()),
  /** When the answer began after the reasoning (how long the model thought). */
  reasoningEndedAt: z.optional(z.number()),
  error: z.optional(gromptErrorSchema),
  usage: z.optional(usageSchema),
  finishReason: z.optional(finishReasonSchema),
  trim: z.optional(trimNoteSchema),
  startedAt: z.number(),
  firstTokenAt: z.optional(z.number()),
  finishedAt: z.optional(z.number()),
  /** A page has shown the finished answer (unseen ones are counted on the toolbar badge). */
  seen: z.optional(z.boolean()),
  /** Session memory was full: the answer streams, but is not kept if every page closes. */
  unsaved: z.optional(z.boolean()),
});
export type Job = z.infer<typeof jobSchema>;

/** What changes about a job after it starts (its text grows through text deltas instead). */
export const jobChangeSchema = z.partial(z.omit(jobSchema, { id: true, request: true, text: true, startedAt: true }));
export type JobChange = z.infer<typeof jobChangeSchema>;

/** An answer that ended on its own (done, failed, cut off), as opposed to running or stopped by the user. */
export function isFinishedAnswer(job: Pick<Job, 'status'>): boolean {
  return job.status === 'done' || job.status === 'error' || job.status === 'interrupted';
}
