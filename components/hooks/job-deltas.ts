import type { Job } from '@/lib/domain/job';

/**
 * How a page applies the stream to its mirror of a job. Reasoning has its own field and
 * its own timing; the answer's first word ends it (the page's clock: what the user saw).
 */
export function withReasoningDelta(job: Job, text: string, now = Date.now()): Job {
  return { ...job, reasoning: (job.reasoning ?? '') + text, reasoningStartedAt: job.reasoningStartedAt ?? now };
}

export function withTextDelta(job: Job, text: string, now = Date.now()): Job {
  const endsReasoning = job.reasoning !== undefined && job.reasoningEndedAt === undefined;
  return { ...job, text: job.text + text, ...(endsReasoning ? { reasoningEndedAt: now } : {}) };
}
