import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { browser } from 'wxt/browser';
import type { GromptError } from '@/lib/errors/kinds';
import type { GenerateRequest, Job, JobKind, Surface } from '@/lib/domain/job';
import { GENERATION_PORT, type IfBusy, type PortCommand, type PortEvent, portEventSchema } from '@/lib/messaging/port-protocol';
import { jobIndexItem } from '@/lib/storage/items';
import { applyEvent, createJobsStore, featureOf, type JobsState } from './jobs-state';

type Port = ReturnType<typeof browser.runtime.connect>;

export type SurfaceJobs = ReturnType<typeof useJobs>;

/**
 * Every job of one surface (popup or side panel), one per feature, over one Port for the
 * page. The jobs live in the background; this hook mirrors them, follows jobs started
 * elsewhere (the context menu, a shortcut), and reattaches when the page opens again.
 */
export function useJobs(surface: Surface, interruptedError: () => GromptError) {
  const [store] = useState(createJobsStore);
  const state = useSyncExternalStore(store.subscribe, store.get);
  const port = useRef<Port | undefined>(undefined);
  const viewing = useRef<JobKind | null>(null);
  const painted = useRef(new Set<string>());
  const setState = useCallback((change: (current: JobsState) => JobsState) => store.set(change(store.get()), true), [store]);

  const receive = useCallback(
    (event: PortEvent) => {
      const current = store.get();
      const next = applyEvent(current, event);
      // Text for a feature not on screen is kept, and painted when its tab is shown.
      const streamed = event.type === 'text-delta' || event.type === 'reasoning-delta';
      const onScreen = !streamed || featureOf(current, event.jobId) === viewing.current;
      if (!onScreen) return store.set(next, false);
      // The first words of each answer are painted in this task, not in a later scheduled render.
      if (event.type === 'text-delta' && !painted.current.has(event.jobId)) {
        painted.current.add(event.jobId);
        flushSync(() => store.set(next, true));
      } else store.set(next, true);
    },
    [store],
  );

  const connect = useCallback((): Port => {
    if (port.current) return port.current;
    const next = browser.runtime.connect({ name: GENERATION_PORT });
    port.current = next;
    next.onMessage.addListener((raw: unknown) => {
      const event = portEventSchema.safeParse(raw);
      if (event.success && port.current === next) receive(event.data);
    });
    next.onDisconnect.addListener(() => {
      if (port.current !== next) return;
      port.current = undefined;
      // The background went away mid-answer (the worker was stopped): partial texts are kept.
      setState((current) => ({
        ...current,
        jobs: Object.fromEntries(
          Object.entries(current.jobs).map(([feature, job]) => [
            feature,
            job?.status === 'running' ? { ...job, status: 'interrupted', error: interruptedError(), finishedAt: Date.now() } : job,
          ]),
        ) as JobsState['jobs'],
      }));
    });
    next.postMessage({ type: 'attach', surface } satisfies PortCommand);
    next.postMessage({ type: 'view', feature: viewing.current } satisfies PortCommand);
    return next;
  }, [surface, receive, interruptedError, setState]);

  const send = useCallback((command: PortCommand) => connect().postMessage(command), [connect]);

  useEffect(() => {
    connect();
    // A job started elsewhere while the worker slept (and this page's port with it): follow it.
    const unwatch = jobIndexItem.watch(() => {
      if (!port.current) connect();
    });
    return () => {
      unwatch();
      port.current?.disconnect();
      port.current = undefined;
    };
  }, [connect]);

  const start = useCallback(
    (request: GenerateRequest, ifBusy: IfBusy = 'ask') => {
      // Asked here when the page already knows; the background asks too when the page did not.
      if (ifBusy === 'ask' && store.get().jobs[request.feature]?.status === 'running') {
        setState((current) => ({ ...current, busy: request }));
        return;
      }
      setState((current) => (current.busy ? { ...current, busy: undefined } : current));
      send({ type: 'start', request, ifBusy });
    },
    [send, setState, store],
  );
  const stop = useCallback(
    (feature: JobKind) => {
      const job = store.get().jobs[feature];
      if (job) send({ type: 'cancel', jobId: job.id });
    },
    [send, store],
  );
  const view = useCallback(
    (feature: JobKind | null) => {
      viewing.current = feature;
      store.refresh();
      send({ type: 'view', feature });
    },
    [send, store],
  );
  const dequeue = useCallback((feature: JobKind) => send({ type: 'dequeue', feature }), [send]);
  const dismissBusy = useCallback(() => setState((current) => ({ ...current, busy: undefined })), [setState]);

  return { ...state, start, stop, view, dequeue, dismissBusy };
}

export type { Job };
