import type { Browser } from 'wxt/browser';
import type { PortEvent } from '@/lib/messaging/port-protocol';

/** A page's end of a runtime Port, as the worker sees it: what was posted to it, and a way to close it. */
export interface FakePage {
  port: Browser.runtime.Port;
  events: PortEvent[];
  /** Resolves with the first event (already received or still to come) that matches. */
  next(match: (event: PortEvent) => boolean): Promise<PortEvent>;
  close(): void;
}

export function fakePage(): FakePage {
  const events: PortEvent[] = [];
  const waiters: { match: (event: PortEvent) => boolean; resolve: (event: PortEvent) => void }[] = [];
  const onDisconnect: (() => void)[] = [];
  let open = true;
  const port = {
    name: 'grompt-generation',
    postMessage(message: PortEvent) {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      events.push(message);
      for (const waiter of [...waiters]) {
        if (!waiter.match(message)) continue;
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    },
    disconnect() {
      open = false;
    },
    onDisconnect: { addListener: (listener: () => void) => void onDisconnect.push(listener) },
    onMessage: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  return {
    port,
    events,
    next: (match) => {
      const seen = events.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close() {
      open = false;
      for (const listener of onDisconnect) listener();
    },
  };
}
