import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorFacts } from '@/lib/errors/describe';
import { type RetryPolicy, retryBeforeFirstToken, withWatchdog } from '@/lib/worker/engine/resilience';
import type { StreamPart } from '@/lib/worker/providers/types';
import { collect, textOf } from './helpers';

const TINY: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 50 };

const text = (value: string): StreamPart => ({ type: 'text-delta', text: value });
const finish: StreamPart = { type: 'finish', reason: 'stop' };
const failure = (error: ErrorFacts): StreamPart => ({ type: 'error', error });

/** A producer whose n-th opening (from 0) yields script[n], or the last script once they run out. */
function scripted(...scripts: StreamPart[][]) {
  const opened: AbortSignal[] = [];
  const open = (signal: AbortSignal): AsyncIterable<StreamPart> => {
    const script = scripts[Math.min(opened.length, scripts.length - 1)] ?? [];
    opened.push(signal);
    return (async function* () {
      for (const part of script) yield part;
    })();
  };
  return { open, opened };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('retryBeforeFirstToken', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('passes a successful stream through, opened once', async () => {
    const producer = scripted([text('Hello'), text(' world'), finish]);
    const parts = await collect(retryBeforeFirstToken(producer.open, new AbortController().signal, TINY));
    expect(parts).toEqual([text('Hello'), text(' world'), finish]);
    expect(producer.opened).toHaveLength(1);
  });

  it('retries a retryable error that comes before any text, without showing it', async () => {
    const producer = scripted([failure({ kind: 'overloaded', status: 529 })], [failure({ kind: 'network' })], [text('ok'), finish]);
    const parts = await collect(retryBeforeFirstToken(producer.open, new AbortController().signal, TINY));
    expect(parts).toEqual([text('ok'), finish]);
    expect(producer.opened).toHaveLength(3);
  });

  it('waits with exponential backoff between attempts', async () => {
    vi.useFakeTimers();
    const producer = scripted([failure({ kind: 'server', status: 500 })], [failure({ kind: 'server', status: 502 })], [finish]);
    const done = collect(
      retryBeforeFirstToken(producer.open, new AbortController().signal, { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(producer.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(producer.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(producer.opened).toHaveLength(2);
    // The second wait is twice the first.
    await vi.advanceTimersByTimeAsync(199);
    expect(producer.opened).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(producer.opened).toHaveLength(3);
    expect(await done).toEqual([finish]);
  });

  it('waits as long as the provider asks (retry-after) when that is within the limit', async () => {
    vi.useFakeTimers();
    const producer = scripted([failure({ kind: 'rate-limit', status: 429, retryAfterSeconds: 0.5 })], [finish]);
    const done = collect(
      retryBeforeFirstToken(producer.open, new AbortController().signal, { attempts: 3, baseDelayMs: 10, maxDelayMs: 1000 }),
    );
    await vi.advanceTimersByTimeAsync(499);
    expect(producer.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(producer.opened).toHaveLength(2);
    expect(await done).toEqual([finish]);
  });

  it('never retries once text was yielded', async () => {
    const producer = scripted([text('Half an ans'), failure({ kind: 'network' })], [text('a different answer'), finish]);
    const parts = await collect(retryBeforeFirstToken(producer.open, new AbortController().signal, TINY));
    expect(parts).toEqual([text('Half an ans'), failure({ kind: 'network' })]);
    expect(producer.opened).toHaveLength(1);
  });

  it('gives up after the number of attempts and shows the last error', async () => {
    const producer = scripted([failure({ kind: 'server', status: 503 })]);
    const parts = await collect(retryBeforeFirstToken(producer.open, new AbortController().signal, TINY));
    expect(parts).toEqual([failure({ kind: 'server', status: 503 })]);
    expect(producer.opened).toHaveLength(TINY.attempts);
  });

  it.each<[string, ErrorFacts]>([
    ['auth', { kind: 'auth', status: 401 }],
    ['bad-request', { kind: 'bad-request', status: 400 }],
    ['model-not-found', { kind: 'model-not-found', status: 404 }],
    ['quota', { kind: 'quota', status: 429 }],
    ['incomplete (the answer may have been partly produced)', { kind: 'incomplete' }],
  ])('does not retry %s', async (_label, error) => {
    const producer = scripted([failure(error)], [text('should not be reached'), finish]);
    const parts = await collect(retryBeforeFirstToken(producer.open, new AbortController().signal, TINY));
    expect(parts).toEqual([failure(error)]);
    expect(producer.opened).toHaveLength(1);
  });

  it('does not retry when the provider asks to wait longer than maxDelayMs', async () => {
    const error: ErrorFacts = { kind: 'rate-limit', status: 429, retryAfterSeconds: 30 };
    const producer = scripted([failure(error)], [finish]);
    const parts = await collect(retryBeforeFirstToken(producer.open, new AbortController().signal, TINY));
    expect(parts).toEqual([failure(error)]);
    expect(producer.opened).toHaveLength(1);
  });

  it('does not retry when the backoff itself would exceed maxDelayMs', async () => {
    const producer = scripted([failure({ kind: 'server' })], [finish]);
    const parts = await collect(
      retryBeforeFirstToken(producer.open, new AbortController().signal, { attempts: 3, baseDelayMs: 100, maxDelayMs: 50 }),
    );
    expect(parts).toEqual([failure({ kind: 'server' })]);
    expect(producer.opened).toHaveLength(1);
  });

  it('does not retry after the user stopped the request', async () => {
    const controller = new AbortController();
    controller.abort();
    const producer = scripted([failure({ kind: 'network' })], [finish]);
    const parts = await collect(retryBeforeFirstToken(producer.open, controller.signal, TINY));
    expect(parts).toEqual([failure({ kind: 'network' })]);
    expect(producer.opened).toHaveLength(1);
  });

  it('hands every attempt the caller’s signal', async () => {
    const controller = new AbortController();
    const producer = scripted([failure({ kind: 'network' })], [finish]);
    await collect(retryBeforeFirstToken(producer.open, controller.signal, TINY));
    expect(producer.opened).toEqual([controller.signal, controller.signal]);
  });
});

describe('withWatchdog', () => {
  const LIMITS = { firstPartMs: 40, idleMs: 40 };

  /** A producer that waits `delays[i]` ms before part i, and records whether its signal was aborted. */
  function paced(delays: number[], parts: StreamPart[]) {
    const seen = { signal: undefined as AbortSignal | undefined, abortedWhileWaiting: false, finished: false };
    const open = (signal: AbortSignal): AsyncIterable<StreamPart> => {
      seen.signal = signal;
      return (async function* () {
        try {
          for (const [index, part] of parts.entries()) {
            await new Promise<void>((resolve) => {
              if (signal.aborted) {
                seen.abortedWhileWaiting = true;
                resolve();
                return;
              }
              const onAbort = () => {
                seen.abortedWhileWaiting = true;
                clearTimeout(timer);
                resolve();
              };
              const timer = setTimeout(() => {
                signal.removeEventListener('abort', onAbort);
                resolve();
              }, delays[index] ?? 0);
              signal.addEventListener('abort', onAbort, { once: true });
            });
            if (signal.aborted) return;
            yield part;
          }
        } finally {
          seen.finished = true;
        }
      })();
    };
    return { open, seen };
  }

  it('passes a prompt stream through untouched', async () => {
    const producer = paced([0, 5, 5, 5], [text('a'), text('b'), text('c'), finish]);
    const parts = await collect(withWatchdog(producer.open, new AbortController().signal, LIMITS, 'openai'));
    expect(parts).toEqual([text('a'), text('b'), text('c'), finish]);
    expect(producer.seen.signal?.aborted).toBe(true); // released once done
  });

  it('times out when the first part does not come within firstPartMs', async () => {
    const producer = paced([500], [text('too late'), finish]);
    const started = Date.now();
    const parts = await collect(withWatchdog(producer.open, new AbortController().signal, { firstPartMs: 30, idleMs: 1000 }, 'claude'));
    expect(parts).toEqual([{ type: 'error', error: { kind: 'timeout', provider: 'claude' } }]);
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('aborts the producer’s signal on a timeout, so its connection closes', async () => {
    const producer = paced([500], [text('too late')]);
    let abortedWhenToldOfTimeout: boolean | undefined;
    for await (const part of withWatchdog(producer.open, new AbortController().signal, LIMITS, 'gemini')) {
      // Already aborted when the consumer hears of the timeout, not only once it stops reading.
      if (part.type === 'error') abortedWhenToldOfTimeout = producer.seen.signal?.aborted;
    }
    expect(abortedWhenToldOfTimeout).toBe(true);
    expect(producer.seen.signal?.aborted).toBe(true);
    await sleep(5);
    expect(producer.seen.abortedWhileWaiting).toBe(true);
    expect(producer.seen.finished).toBe(true);
  });

  it('times out on a long idle gap mid-stream, after the parts that came', async () => {
    const producer = paced([0, 5, 500], [text('one'), text(' two'), text(' never')]);
    const parts = await collect(withWatchdog(producer.open, new AbortController().signal, { firstPartMs: 1000, idleMs: 40 }, 'deepseek'));
    expect(textOf(parts)).toBe('one two');
    expect(parts.at(-1)).toEqual({ type: 'error', error: { kind: 'timeout', provider: 'deepseek' } });
    expect(producer.seen.signal?.aborted).toBe(true);
  });

  it('allows a slow first part within firstPartMs, then holds later parts to idleMs', async () => {
    const producer = paced([60, 5, 5], [text('slow start'), text(' then'), finish]);
    const parts = await collect(withWatchdog(producer.open, new AbortController().signal, { firstPartMs: 300, idleMs: 40 }, 'ollama'));
    expect(parts).toEqual([text('slow start'), text(' then'), finish]);
  });

  it('passes the caller’s abort on to the producer', async () => {
    const controller = new AbortController();
    const producer = paced([0, 1000], [text('a'), text('b')]);
    const stream = withWatchdog(producer.open, controller.signal, { firstPartMs: 2000, idleMs: 2000 }, 'openai');
    const started = Date.now();
    const parts: StreamPart[] = [];
    const done = (async () => {
      for await (const part of stream) {
        parts.push(part);
        controller.abort();
      }
    })();
    await done;
    expect(parts).toEqual([text('a')]);
    expect(producer.seen.abortedWhileWaiting).toBe(true);
    // The producer stopped at once rather than finishing its 1 s wait.
    expect(Date.now() - started).toBeLessThan(500);
  });
});
