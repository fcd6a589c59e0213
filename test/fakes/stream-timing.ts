import type { ServerResponse } from 'node:http';

/** When a streamed answer went over the wire, as a fake wrote it (Date.now(), this machine's clock). */
export interface StreamTiming {
  /** The request (headers and body) had been read. */
  receivedAt: number;
  /** The first SSE byte was written (status line, headers and the first event). */
  firstByteAt: number;
  /** The first event after that one was written (the first one with text, for a streamed answer). */
  firstTokenAt: number;
  /** The last byte was written. */
  endAt: number;
  /** How many writes (SSE events) the answer took, the last one included. */
  writes: number;
}

export interface StreamTimingOptions {
  /** Called once an answer has been written to its end. */
  onStreamTiming?: (timing: StreamTiming) => void;
  /**
   * Sends at most this many events a second (default: as fast as the fake writes them).
   * The opening event and the first text go at once; each later one 1/rate after the one
   * before it, late timers made up at once.
   */
  eventsPerSecond?: number;
}

type Pending = { kind: 'write'; chunk: string } | { kind: 'end'; chunk: string | undefined };

/**
 * Bench hook: wraps a fake's response so that its writes are timed (and optionally paced)
 * without changing how the fake streams. Without options the response is returned as is.
 */
export function timedResponse(response: ServerResponse, options: StreamTimingOptions, receivedAt = Date.now()): ServerResponse {
  const { onStreamTiming, eventsPerSecond } = options;
  if (!onStreamTiming && !eventsPerSecond) return response;
  const timing: StreamTiming = { receivedAt, firstByteAt: 0, firstTokenAt: 0, endAt: 0, writes: 0 };
  const interval = eventsPerSecond ? 1000 / eventsPerSecond : 0;
  const queue: Pending[] = [];
  let paceStart = 0;
  let sent = 0;
  let draining = false;

  const stamp = () => {
    const now = Date.now();
    timing.writes += 1;
    if (timing.writes === 1) timing.firstByteAt = now;
    if (timing.writes === 2 && !timing.firstTokenAt) timing.firstTokenAt = now;
    return now;
  };
  const send = (item: Pending) => {
    stamp();
    if (item.kind === 'write') {
      response.write(item.chunk);
      // Node corks a response's socket until the next tick: a fake writing in a loop would
      // send nothing until it ends. Timed, each event leaves when it is written.
      response.socket?.uncork();
      return;
    }
    response.end(item.chunk);
    timing.endAt = Date.now();
    onStreamTiming?.(timing);
  };
  const drain = async () => {
    draining = true;
    while (queue.length && !response.destroyed) {
      const wait = paceStart + (sent + 1) * interval - performance.now();
      if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const item = queue.shift();
      if (!item || response.destroyed) break;
      sent += 1;
      send(item);
    }
    draining = false;
  };
  /** The opening event, held for the first text written in the same turn of the event loop. */
  let opening: string | undefined;
  const sendOpening = () => {
    if (opening === undefined) return;
    const chunk = opening;
    opening = undefined;
    paceStart = performance.now();
    send({ kind: 'write', chunk });
  };
  const enqueue = (item: Pending) => {
    if (timing.writes === 0 && opening === undefined && item.kind === 'write') {
      // The opening event and the first text leave in one write, as documented above ("at
      // once"): written apart, the browser waking on the first one can hold the fake off the
      // CPU for milliseconds before the text, which would count against the extension.
      opening = item.chunk;
      setImmediate(sendOpening);
      return;
    }
    if (opening !== undefined) {
      item = { ...item, chunk: `${opening}${item.chunk ?? ''}` };
      opening = undefined;
      paceStart = performance.now();
      send(item);
      timing.firstTokenAt = timing.firstByteAt;
      return;
    }
    if (!interval || timing.writes < 2) {
      // Unpaced, or the first text after an opening event sent alone: out at once (it starts the pacing clock).
      paceStart = performance.now();
      return send(item);
    }
    queue.push(item);
    if (!draining) void drain();
  };

  return new Proxy(response, {
    get(target, property, receiver) {
      if (property === 'write') {
        return (chunk: string) => {
          enqueue({ kind: 'write', chunk });
          return true;
        };
      }
      if (property === 'end') {
        return (chunk?: string) => {
          enqueue({ kind: 'end', chunk });
          return receiver;
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
