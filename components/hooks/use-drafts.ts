import { useCallback, useEffect, useRef, useState } from 'react';
import { defaultInput } from '@/lib/features/defaults';
import type { JobKind, Surface } from '@/lib/domain/job';
import { draftItems, type FormDrafts } from '@/lib/storage/items';
import { takeEarly, takeResolved } from '../early-reads';

const SAVE_DELAY_MS = 250;

/**
 * Form values per feature, kept in session memory as the user types, so that closing the
 * popup, an error or a retry never loses what they wrote.
 */
export function useDrafts(surface: Surface) {
  const [initial] = useState(() => takeResolved('drafts', surface));
  const [drafts, setDrafts] = useState<FormDrafts>(initial ?? {});
  const [loaded, setLoaded] = useState(initial !== undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (initial) return;
    void (takeEarly('drafts', surface) ?? draftItems[surface].getValue()).then((stored) => {
      setDrafts((current) => ({ ...stored, ...current }));
      setLoaded(true);
    });
  }, [surface, initial]);
  const valuesFor = useCallback((feature: JobKind) => ({ ...defaultInput(feature), ...drafts[feature] }), [drafts]);
  const setValues = useCallback(
    (feature: JobKind, values: Record<string, unknown>) => {
      setDrafts((current) => {
        const next = { ...current, [feature]: values };
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void draftItems[surface].setValue(next), SAVE_DELAY_MS);
        return next;
      });
    },
    [surface],
  );
  return { loaded, drafts, valuesFor, setValues };
}
