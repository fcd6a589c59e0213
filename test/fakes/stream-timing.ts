import type { ServerResponse } from 'node:http';

/** When a streamed answer went over the wire, as a fake wrote it (Date.now(), this machine's clock). */
export interface StreamTiming {
  /** The request (headers and body) had been read. */
  receivedAt: number;
  /** The first SSE byte was written: the opening event with the first text (the headers went TIME_TO_FIRST_EVENT_MS before). */
  firstByteAt: number;
  /** The first text was written: with the opening event, so the same time. */
  firstTokenAt: number;
  /** The last byte was written. */
  endAt: number;
  /** How many writes the answer took, the last one included (the opening event and the first text are one). */
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
 * How long after its headers a timed fake sends its first events: a provider's time to first
 * token, which is never zero (real ones take hundreds of milliseconds). By then the browser
 * has the headers and the SDK is reading the body, as with a real provider, so the bench's
 * clock, which starts at the first SSE byte, times the extension, not the fetch's own start.
 */
export const TIME_TO_FIRST_EVENT_MS = 25;

/**
 * Bench hook: wraps a fake's response so that its writes are timed (and optionally paced)
 * without changing what the fake streams. The headers go out at once; the opening event and
 * the first text go together, TIME_TO_FIRST_EVENT_MS later, in one write (written apart, the
 * browser waking on the first could hold the fake off the CPU before the text, and that time
 * would count against the extension). Without options the response is returned as is.
 */
export function timedResponse(response: ServerResponse, options: StreamTimingOptions, receivedAt = Date.now()): ServerResponse {
  const { onStreamTiming, eventsPerSecond } = options;
  if (!onStreamTiming && !eventsPerSecond) return response;
  const timing: StreamTiming = { receivedAt, firstByteAt: 0, firstTokenAt: 0, endAt: 0, writes: 0 };
  const interval = eventsPerSecond ? 1000 / eventsPerSecond : 0;
  const queue: Pending[] = [];
  /** The opening event and the first text, held until the time to first event has passed. */
  const opening: string[] = [];
  let headersAt = 0;
  let paceStart = 0;
  let sent = 0;
  let draining = false;

  const send = (item: Pending) => {
    const now = Date.now();
    timing.writes += 1;
    if (timing.writes === 1) timing.firstByteAt = now;
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
  const sendOpening = () => {
    if (response.destroyed) return;
    send({ kind: 'write', chunk: opening.join('') });
    // The first text left with the opening event; the pacing clock starts from them.
    timing.firstTokenAt = timing.firstByteAt;
    paceStart = performance.now();
    if (queue.length && !draining) void drain();
  };
  const enqueue = (item: Pending) => {
    if (timing.writes === 0) {
      if (item.kind === 'write' && opening.length < 2) {
        opening.push(item.chunk);
        if (opening.length === 1) setTimeout(sendOpening, Math.max(0, headersAt + TIME_TO_FIRST_EVENT_MS - performance.now()));
      } else if (opening.length) queue.push(item);
      else send(item);
      return;
    }
    if (!interval) return send(item);
    queue.push(item);
    if (!draining) void drain();
  };

  return new Proxy(response, {
    get(target, property, receiver) {
      if (property === 'writeHead') {
        return (...args: Parameters<ServerResponse['writeHead']>) => {
          target.writeHead(...args);
          target.flushHeaders();
          headersAt = performance.now();
          return receiver;
        };
      }
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
