/**
 * Jobs running in this wake of the worker: never evicted, never swept. Kept by
 * lib/worker/engine/jobs.ts; it dies with the wake, as those jobs do.
 */
export const liveJobIds = new Set<string>();
