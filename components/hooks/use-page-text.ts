import { useCallback, useEffect, useState } from 'react';
import type { PageProblem } from '@/lib/page/page-access';
import { activeTabId } from '@/lib/page/page-access';
import { readSelection, readWholePage } from '@/lib/page/selection';

export interface PageTextState {
  /** The selection read when the page opened ('' when nothing was selected). */
  selection: string | undefined;
  problem: PageProblem | undefined;
  loading: boolean;
}

/** Reads the selection of the active tab on demand (activeTab + scripting, all frames). */
export function usePageText(readOnOpen: boolean) {
  const [state, setState] = useState<PageTextState>({ selection: undefined, problem: undefined, loading: readOnOpen });
  const readSelectionNow = useCallback(async () => {
    setState((current) => ({ ...current, loading: true }));
    const result = await readSelection(await activeTabId());
    const next = result.ok
      ? { selection: result.value, problem: undefined, loading: false }
      : { selection: '', problem: result.problem, loading: false };
    setState(next);
    return next;
  }, []);
  useEffect(() => {
    if (readOnOpen) void readSelectionNow();
  }, [readOnOpen, readSelectionNow]);
  const readPage = useCallback(async () => {
    const result = await readWholePage(await activeTabId());
    if (!result.ok) setState((current) => ({ ...current, problem: result.problem }));
    return result.ok ? result.value.text : undefined;
  }, []);
  return { ...state, readSelectionNow, readPage };
}
