import { browser } from 'wxt/browser';

/**
 * Chrome stops an extension service worker after 30 s without an extension API call, even
 * while a fetch is waiting for a slow server or a model that thinks before it speaks; each
 * API call resets that clock. While at least one job is live, a cheap call every 20 s (under
 * the 25 s we allow ourselves) keeps the worker up; when the last job ends, the calls stop
 * and the worker may sleep again. There is no keep-alive without a live job.
 */
export const KEEP_ALIVE_MS = 20_000;

/** Set at build time (WXT_KEEPALIVE=off) for the control run that shows what happens without it. */
const disabled = import.meta.env.WXT_KEEPALIVE === 'off';

let holders = 0;
let timer: ReturnType<typeof setInterval> | undefined;

function ping(): void {
  try {
    browser.runtime.getPlatformInfo().catch(() => undefined);
  } catch {
    // Any answer or none: the call itself is what counts.
  }
}

/** Keeps the worker alive until the returned release is called (once per hold). */
export function holdWorker(): () => void {
  holders += 1;
  if (!disabled && !timer) timer = setInterval(ping, KEEP_ALIVE_MS);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** For tests and diagnostics: whether the keep-alive is running now. */
export function isKeepingAlive(): boolean {
  return timer !== undefined;
}
