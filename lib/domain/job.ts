import { z } from '../zod';
import { providerRefSchema } from '../catalogue/provider-ref';
import { gromptErrorSchema } from '../errors/kinds';
import { CUSTOM_ACTION } from '../actions/run-input';
import { FEATURE_IDS } from '../features/ids';

export const SURFACES = ['popup', 'sidepanel'] as const;
export const surfaceSchema = z.enum(SURFACES);
export type Surface = z.infer<typeof surfaceSchema>;

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
  /** What was trimmed: the feature's main text, older chat turns, or the page the chat is about. */
  scope: z.enum(['input', 'history', 'page']),
});
export type TrimNote = z.infer<typeof trimNoteSchema>;

/** What a job runs: one of the five features, or one of the user's own actions (named in its input). */
export const JOB_KINDS = [...FEATURE_IDS, CUSTOM_ACTION] as const;
export const jobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKindSchema>;

/**
 * Where a job runs: one surface's one feature (or its actions). Each slot has at most one job
 * at a time, so the popup's features, the side panel's features and the chat answer side by side.
 */
export type Slot = `${Surface}/${JobKind}`;

export function slotOf(place: { surface: Surface; feature: JobKind }): Slot {
  return `${place.surface}/${place.feature}`;
}

/** A request to run one feature (or action) once. The background validates `input` against it. */
export const generateRequestSchema = z.object({
  surface: surfaceSchema,
  feature: jobKindSchema,
  input: z.record(z.string(), z.unknown()),
  /** Built-in or custom; the worker resolves a custom id against the settings and refuses an unknown one. */
  provider: providerRefSchema,
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
