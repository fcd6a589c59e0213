/**
 * Waits `ms`, or less if `signal` aborts first. Resolves either way (never rejects): the
 * caller checks `signal.aborted` to tell which, so a stop never surfaces as an exception.
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
