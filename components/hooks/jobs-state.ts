import type { GenerateRequest, Job, JobKind } from '@/lib/domain/job';
import type { PortEvent } from '@/lib/messaging/port-protocol';
import { withReasoningDelta, withTextDelta } from './job-deltas';

/** A surface's jobs as its page holds them: one per feature, the runs waiting, and a start that needs the user's choice. */
export interface JobsState {
  jobs: Partial<Record<JobKind, Job>>;
  queued: Partial<Record<JobKind, GenerateRequest>>;
  busy: GenerateRequest | undefined;
}

export function featureOf(state: JobsState, jobId: string): JobKind | undefined {
  return (Object.keys(state.jobs) as JobKind[]).find((feature) => state.jobs[feature]?.id === jobId);
}

/** One event from the background applied to the page's copy (events about jobs it no longer shows are ignored). */
export function applyEvent(state: JobsState, event: PortEvent): JobsState {
  switch (event.type) {
    case 'jobs': {
      const jobs: JobsState['jobs'] = {};
      for (const job of event.jobs) {
        const current = jobs[job.request.feature];
        if (!current || current.startedAt <= job.startedAt) jobs[job.request.feature] = job;
      }
      const queued: JobsState['queued'] = {};
      for (const request of event.queued) queued[request.feature] = request;
      return { ...state, jobs, queued };
    }
    case 'job':
      return { ...state, jobs: { ...state.jobs, [event.job.request.feature]: event.job } };
    case 'queued': {
      const { [event.feature]: _replaced, ...rest } = state.queued;
      return { ...state, queued: event.request ? { ...rest, [event.feature]: event.request } : rest };
    }
    case 'busy':
      return { ...state, busy: event.request };
    case 'update':
    case 'text-delta':
    case 'reasoning-delta': {
      const feature = featureOf(state, event.jobId);
      const job = feature ? state.jobs[feature] : undefined;
      if (!feature || !job) return state;
      const next: Job =
        event.type === 'update'
          ? { ...job, ...event.change }
          : event.type === 'text-delta'
            ? withTextDelta(job, event.text)
            : withReasoningDelta(job, event.text);
      return { ...state, jobs: { ...state.jobs, [feature]: next } };
    }
  }
}

/**
 * The page's copy of its jobs, outside React: every event updates it, but only the events a
 * user can see re-render the page. Text streaming into a feature that is not shown (two other
 * answers writing while you read a third) updates the copy quietly, and shows when its tab does.
 */
export function createJobsStore() {
  let state: JobsState = { jobs: {}, queued: {}, busy: undefined };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    set(next: JobsState, notify: boolean) {
      state = next;
      if (notify) for (const listener of listeners) listener();
    },
    /** Re-renders with whatever changed quietly. */
    refresh() {
      for (const listener of listeners) listener();
    },
  };
}
