import { useEffect, useState } from 'react';

/** The time, refreshed every second while `live`: for counters such as "Thinking… 12 s". */
export function useNow(live = true): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!live) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);
  return now;
}

export const secondsBetween = (from: number, to: number) => Math.max(0, Math.round((to - from) / 1000));
