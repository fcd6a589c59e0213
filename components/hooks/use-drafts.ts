import { useCallback, useEffect, useRef, useState } from 'react';
import { defaultInput } from '@/lib/features/defaults';
import type { JobKind, Surface } from '@/lib/domain/job';
import type { GromptError } from '@/lib/errors/kinds';
import { request } from '@/lib/messaging/client';
import { type FormDrafts, readDrafts } from '@/lib/storage/early-items';
import { takeEarly, takeResolved } from '../early-reads';

const SAVE_DELAY_MS = 250;

/**
 * Form values per feature, kept in session memory as the user types, so that closing the
 * popup, an error or a retry never loses what they wrote. The background writes them (it is
 * their only writer, and stores long texts once); a save it could not make comes back as
 * `error` (session memory full), for the page to say so.
 */
export function useDrafts(surface: Surface) {
  const [initial] = useState(() => takeResolved('drafts', surface));
  const [drafts, setDrafts] = useState<FormDrafts>(initial ?? {});
  const [loaded, setLoaded] = useState(initial !== undefined);
  const [error, setError] = useState<GromptError | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const unsaved = useRef(new Map<JobKind, Record<string, unknown>>());
  useEffect(() => {
    if (initial) return;
    void (takeEarly('drafts', surface) ?? readDrafts(surface)).then((stored) => {
      setDrafts((current) => ({ ...stored, ...current }));
      setLoaded(true);
    });
  }, [surface, initial]);
  const save = useCallback(async () => {
    const pending = [...unsaved.current];
    unsaved.current.clear();
    for (const [feature, values] of pending) {
      const reply = await request('drafts.save', { surface, feature, values });
      setError(reply.ok ? undefined : reply.error);
    }
  }, [surface]);
  const valuesFor = useCallback((feature: JobKind) => ({ ...defaultInput(feature), ...drafts[feature] }), [drafts]);
  const setValues = useCallback(
    (feature: JobKind, values: Record<string, unknown>) => {
      setDrafts((current) => ({ ...current, [feature]: values }));
      unsaved.current.set(feature, values);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [save],
  );
  /** Saves now what is still waiting for the pause in typing (before a run, or when the page goes away). */
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    if (unsaved.current.size) void save();
  }, [save]);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [flush]);
  return { loaded, drafts, valuesFor, setValues, flush, error };
}
