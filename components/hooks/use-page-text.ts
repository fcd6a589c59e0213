import { useCallback, useEffect, useState } from 'react';
import type { PageProblem } from '@/lib/page/page-access';
import { readSelection, readWholePage } from '@/lib/page/selection';
import { takeEarly, takeResolved } from '../early-reads';

export interface PageTextState {
  /** The selection read when the page opened ('' when nothing was selected). */
  selection: string | undefined;
  problem: PageProblem | undefined;
  loading: boolean;
}

/** Reads the selection of the active tab on demand (activeTab + scripting, all frames). */
export function usePageText(readOnOpen: boolean, targetTab: () => Promise<number | undefined>) {
  const [initial] = useState(() => (readOnOpen ? takeResolved('selection') : undefined));
  const [state, setState] = useState<PageTextState>(() =>
    initial === undefined
      ? { selection: undefined, problem: undefined, loading: readOnOpen }
      : initial.ok
        ? { selection: initial.value, problem: undefined, loading: false }
        : { selection: '', problem: initial.problem, loading: false },
  );
  const readSelectionNow = useCallback(async () => {
    setState((current) => ({ ...current, loading: true }));
    const result = await (takeEarly('selection') ?? readSelection(await targetTab()));
    const next = result.ok
      ? { selection: result.value, problem: undefined, loading: false }
      : { selection: '', problem: result.problem, loading: false };
    setState(next);
    return next;
  }, [targetTab]);
  useEffect(() => {
    if (readOnOpen && initial === undefined) void readSelectionNow();
  }, [readOnOpen, readSelectionNow, initial]);
  const readPage = useCallback(async () => {
    const result = await readWholePage(await targetTab());
    if (!result.ok) setState((current) => ({ ...current, problem: result.problem }));
    return result.ok ? result.value.text : undefined;
  }, [targetTab]);
  return { ...state, readSelectionNow, readPage };
}
