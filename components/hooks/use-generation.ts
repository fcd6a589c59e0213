import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { browser } from 'wxt/browser';
import type { GromptError } from '@/lib/errors/kinds';
import type { GenerateRequest, Job, Surface } from '@/lib/domain/job';
import { GENERATION_PORT, type PortCommand, portEventSchema } from '@/lib/messaging/port-protocol';
import { withReasoningDelta, withTextDelta } from './job-deltas';

type Port = ReturnType<typeof browser.runtime.connect>;

export interface GenerationState {
  job: Job | null;
}

function withError(job: Job, error: GromptError, status: Job['status']): Job {
  return { ...job, status, error, finishedAt: Date.now() };
}

/**
 * One surface's generation, over one Port per generation. The job lives in the background;
 * this hook mirrors it, and reattaches when the page opens again.
 */
export function useGeneration(surface: Surface, interruptedError: () => GromptError) {
  const [state, setState] = useState<GenerationState>({ job: null });
  const port = useRef<Port | undefined>(undefined);
  const firstTextSeen = useRef(false);

  const connect = useCallback(
    (command: PortCommand) => {
      port.current?.disconnect();
      firstTextSeen.current = false;
      const next = browser.runtime.connect({ name: GENERATION_PORT });
      port.current = next;
      next.onMessage.addListener((raw: unknown) => {
        const event = portEventSchema.safeParse(raw);
        if (!event.success || port.current !== next) return;
        const { data } = event;
        const apply = () =>
          setState((current) => {
            if (data.type === 'job') return { job: data.job };
            if (data.type === 'idle' || !current.job) return current;
            if (data.type === 'text-delta') return { ...current, job: withTextDelta(current.job, data.text) };
            if (data.type === 'reasoning-delta') return { ...current, job: withReasoningDelta(current.job, data.text) };
            if (data.type === 'finish') {
              return {
                ...current,
                job: { ...current.job, status: 'done', finishReason: data.reason, ...(data.usage ? { usage: data.usage } : {}) },
              };
            }
            return { ...current, job: withError(current.job, data.error, data.error.kind === 'aborted' ? 'stopped' : 'error') };
          });
        // The first words of an answer are painted in this task, not in a later scheduled render.
        if (data.type === 'text-delta' && !firstTextSeen.current) {
          firstTextSeen.current = true;
          flushSync(apply);
        } else apply();
      });
      next.onDisconnect.addListener(() => {
        if (port.current !== next) return;
        port.current = undefined;
        // The background went away mid-answer (the worker was stopped): the partial text is kept.
        setState((current) =>
          current.job?.status === 'running' ? { job: withError(current.job, interruptedError(), 'interrupted') } : current,
        );
      });
      next.postMessage(command);
    },
    [interruptedError],
  );

  const start = useCallback((request: GenerateRequest) => connect({ type: 'start', request }), [connect]);
  const attach = useCallback(() => connect({ type: 'attach', surface }), [connect, surface]);
  const stop = useCallback(() => port.current?.postMessage({ type: 'cancel' } satisfies PortCommand), []);

  useEffect(() => {
    attach();
    return () => port.current?.disconnect();
  }, [attach]);

  return { ...state, start, attach, stop };
}
