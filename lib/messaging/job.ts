import { z } from '../zod';
import { PROVIDER_IDS } from '../catalogue/providers';
import { gromptErrorSchema } from '../errors/kinds';
import { FEATURE_IDS } from '../features/ids';

export const SURFACES = ['popup', 'sidepanel'] as const;
export const surfaceSchema = z.enum(SURFACES);
export type Surface = z.infer<typeof surfaceSchema>;

/** How an answer was produced: shown on every answer as a badge. */
export const MODES = ['byok', 'server', 'demo', 'local', 'unknown'] as const;
export const modeSchema = z.enum(MODES);
export type Mode = z.infer<typeof modeSchema>;

export const usageSchema = z.object({
  inputTokens: z.number().int().nonnegative().optional(),
  outputTokens: z.number().int().nonnegative().optional(),
});
export type Usage = z.infer<typeof usageSchema>;

export const finishReasonSchema = z.enum(['stop', 'length', 'content-filter', 'other']);
export type FinishReason = z.infer<typeof finishReasonSchema>;

export const trimNoteSchema = z.object({
  keptPercent: z.number().min(0).max(100),
  originalChars: z.number().int().nonnegative(),
  keptChars: z.number().int().nonnegative(),
  /** What was trimmed: the feature's main text, or older chat turns. */
  scope: z.enum(['input', 'history']),
});
export type TrimNote = z.infer<typeof trimNoteSchema>;

/** A request to run one feature once. The background validates `input` against the feature. */
export const generateRequestSchema = z.object({
  surface: surfaceSchema,
  feature: z.enum(FEATURE_IDS),
  input: z.record(z.string(), z.unknown()),
  provider: z.enum(PROVIDER_IDS),
  model: z.string().max(200).optional(),
});
export type GenerateRequest = z.infer<typeof generateRequestSchema>;

export const JOB_STATUSES = ['running', 'done', 'error', 'stopped', 'interrupted'] as const;

/** One generation as the background keeps it in session memory, so no UI can lose it. */
export const jobSchema = z.object({
  id: z.string(),
  request: generateRequestSchema,
  status: z.enum(JOB_STATUSES),
  mode: modeSchema.optional(),
  model: z.string().optional(),
  text: z.string(),
  error: gromptErrorSchema.optional(),
  usage: usageSchema.optional(),
  finishReason: finishReasonSchema.optional(),
  trim: trimNoteSchema.optional(),
  startedAt: z.number(),
  firstTokenAt: z.number().optional(),
  finishedAt: z.number().optional(),
  /** Which wake of the service worker runs it: a job of an earlier wake was interrupted. */
  workerId: z.string(),
});
export type Job = z.infer<typeof jobSchema>;
