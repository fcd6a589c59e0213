import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ErrorFacts } from '@/lib/errors/describe';
import { type RetryPolicy, retryBeforeFirstToken, withWatchdog } from '@/lib/worker/engine/resilience';
import type { StreamPart } from '@/lib/worker/providers/types';
import { collect, textOf } from './helpers';

// Time is the subject of every test here: the clock is fake, and each test moves it.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

const text = (value: string): StreamPart => ({ type: 'text-delta', text: value });
const thought = (value: string): StreamPart => ({ type: 'reasoning-delta', text: value });
const finish: StreamPart = { type: 'finish', reason: 'stop' };
const failure = (error: ErrorFacts): StreamPart => ({ type: 'error', error });

/** Collects a stream while running every timer it sets, however long the fake clock must go. */
async function settle<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const done = collect(stream);
  await vi.runAllTimersAsync();
  return done;
}

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

describe('retryBeforeFirstToken', () => {
  const retry = (producer: ReturnType<typeof scripted>, signal = new AbortController().signal, policy = POLICY) =>
    settle(retryBeforeFirstToken(producer.open, signal, policy));

  it('passes a successful stream through, opened once', async () => {
    const producer = scripted([text('Hello'), text(' world'), finish]);
    expect(await retry(producer)).toEqual([text('Hello'), text(' world'), finish]);
    expect(producer.opened).toHaveLength(1);
  });

  it('retries a retryable error that comes before any text, without showing it', async () => {
    const producer = scripted([failure({ kind: 'overloaded', status: 529 })], [failure({ kind: 'network' })], [text('ok'), finish]);
    expect(await retry(producer)).toEqual([text('ok'), finish]);
    expect(producer.opened).toHaveLength(3);
  });

  it('waits with exponential backoff between attempts', async () => {
    const producer = scripted([failure({ kind: 'server', status: 500 })], [failure({ kind: 'server', status: 502 })], [finish]);
    const done = collect(retryBeforeFirstToken(producer.open, new AbortController().signal, POLICY));
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
    const producer = scripted([failure({ kind: 'rate-limit', status: 429, retryAfterSeconds: 0.5 })], [finish]);
    const done = collect(retryBeforeFirstToken(producer.open, new AbortController().signal, POLICY));
    await vi.advanceTimersByTimeAsync(499);
    expect(producer.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(producer.opened).toHaveLength(2);
    expect(await done).toEqual([finish]);
  });

  it('never retries once text was yielded', async () => {
    const producer = scripted([text('Half an ans'), failure({ kind: 'network' })], [text('a different answer'), finish]);
    expect(await retry(producer)).toEqual([text('Half an ans'), failure({ kind: 'network' })]);
    expect(producer.opened).toHaveLength(1);
  });

  it('never retries once reasoning was shown: it would be shown twice', async () => {
    const producer = scripted([thought('Let me see'), failure({ kind: 'network' })], [thought('Let me see'), text('ok'), finish]);
    expect(await retry(producer)).toEqual([thought('Let me see'), failure({ kind: 'network' })]);
    expect(producer.opened).toHaveLength(1);
  });

  it('gives up after the number of attempts and shows the last error', async () => {
    const producer = scripted([failure({ kind: 'server', status: 503 })]);
    expect(await retry(producer)).toEqual([failure({ kind: 'server', status: 503 })]);
    expect(producer.opened).toHaveLength(POLICY.attempts);
  });

  it.each<[string, ErrorFacts]>([
    ['auth', { kind: 'auth', status: 401 }],
    ['bad-request', { kind: 'bad-request', status: 400 }],
    ['model-not-found', { kind: 'model-not-found', status: 404 }],
    ['quota', { kind: 'quota', status: 429 }],
    ['incomplete (the answer may have been partly produced)', { kind: 'incomplete' }],
  ])('does not retry %s', async (_label, error) => {
    const producer = scripted([failure(error)], [text('should not be reached'), finish]);
    expect(await retry(producer)).toEqual([failure(error)]);
    expect(producer.opened).toHaveLength(1);
  });

  it('does not retry when the provider asks to wait longer than maxDelayMs', async () => {
    const error: ErrorFacts = { kind: 'rate-limit', status: 429, retryAfterSeconds: 30 };
    const producer = scripted([failure(error)], [finish]);
    expect(await retry(producer)).toEqual([failure(error)]);
    expect(producer.opened).toHaveLength(1);
  });

  it('does not retry when the backoff itself would exceed maxDelayMs', async () => {
    const producer = scripted([failure({ kind: 'server' })], [finish]);
    const parts = await retry(producer, undefined, { attempts: 3, baseDelayMs: 100, maxDelayMs: 50 });
    expect(parts).toEqual([failure({ kind: 'server' })]);
    expect(producer.opened).toHaveLength(1);
  });

  it('does not retry after the user stopped the request', async () => {
    const controller = new AbortController();
    controller.abort();
    const producer = scripted([failure({ kind: 'network' })], [finish]);
    expect(await retry(producer, controller.signal)).toEqual([failure({ kind: 'network' })]);
    expect(producer.opened).toHaveLength(1);
  });

  it('hands every attempt the caller’s signal', async () => {
    const controller = new AbortController();
    const producer = scripted([failure({ kind: 'network' })], [finish]);
    await retry(producer, controller.signal);
    expect(producer.opened).toEqual([controller.signal, controller.signal]);
  });
});

describe('withWatchdog', () => {
  const LIMITS = { firstPartMs: 40, idleMs: 40 };

  /** A producer that waits `delays[i]` ms (fake clock) before part i, and records what happened to its signal. */
  function paced(delays: number[], parts: StreamPart[]) {
    const seen = { signal: undefined as AbortSignal | undefined, abortedWhileWaiting: false, finished: false };
    const open = (signal: AbortSignal): AsyncIterable<StreamPart> => {
      seen.signal = signal;
      return (async function* () {
        try {
          for (const [index, part] of parts.entries()) {
            await new Promise<void>((resolve) => {
              const onAbort = () => {
                seen.abortedWhileWaiting = true;
                clearTimeout(timer);
                resolve();
              };
              const timer = setTimeout(() => {
                signal.removeEventListener('abort', onAbort);
                resolve();
              }, delays[index] ?? 0);
              if (signal.aborted) onAbort();
              else signal.addEventListener('abort', onAbort, { once: true });
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

  it('passes a prompt stream through untouched, and releases the producer once done', async () => {
    const producer = paced([0, 5, 5, 5], [text('a'), text('b'), text('c'), finish]);
    const parts = await settle(withWatchdog(producer.open, new AbortController().signal, LIMITS, 'openai'));
    expect(parts).toEqual([text('a'), text('b'), text('c'), finish]);
    expect(producer.seen.signal?.aborted).toBe(true);
  });

  it('times out exactly when the first part has not come within firstPartMs', async () => {
    const producer = paced([500], [text('too late'), finish]);
    const parts: StreamPart[] = [];
    const done = (async () => {
      for await (const part of withWatchdog(producer.open, new AbortController().signal, { firstPartMs: 30, idleMs: 1000 }, 'claude')) {
        parts.push(part);
      }
    })();
    await vi.advanceTimersByTimeAsync(29);
    expect(parts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(parts).toEqual([{ type: 'error', error: { kind: 'timeout', provider: 'claude' } }]);
  });

  it('aborts the producer’s signal on a timeout, so its connection closes', async () => {
    const producer = paced([500], [text('too late')]);
    let abortedWhenToldOfTimeout: boolean | undefined;
    const done = (async () => {
      for await (const part of withWatchdog(producer.open, new AbortController().signal, LIMITS, 'gemini')) {
        // Already aborted when the consumer hears of the timeout, not only once it stops reading.
        if (part.type === 'error') abortedWhenToldOfTimeout = producer.seen.signal?.aborted;
      }
    })();
    await vi.runAllTimersAsync();
    await done;
    expect(abortedWhenToldOfTimeout).toBe(true);
    expect(producer.seen.abortedWhileWaiting).toBe(true);
    expect(producer.seen.finished).toBe(true);
  });

  it('times out on a long idle gap mid-stream, after the parts that came', async () => {
    const producer = paced([0, 5, 500], [text('one'), text(' two'), text(' never')]);
    const parts = await settle(withWatchdog(producer.open, new AbortController().signal, { firstPartMs: 1000, idleMs: 40 }, 'deepseek'));
    expect(textOf(parts)).toBe('one two');
    expect(parts.at(-1)).toEqual({ type: 'error', error: { kind: 'timeout', provider: 'deepseek' } });
    expect(producer.seen.signal?.aborted).toBe(true);
  });

  it('allows a slow first part within firstPartMs, then holds later parts to idleMs', async () => {
    const producer = paced([60, 5, 5], [text('slow start'), text(' then'), finish]);
    const parts = await settle(withWatchdog(producer.open, new AbortController().signal, { firstPartMs: 300, idleMs: 40 }, 'ollama'));
    expect(parts).toEqual([text('slow start'), text(' then'), finish]);
  });

  it('lets a reasoning model think in silence for 60 s before its first token (the 90 s default limit)', async () => {
    const ninetySeconds = { firstPartMs: 90_000, idleMs: 90_000 };
    const producer = paced([60_000, 10, 10], [text('After a long think,'), text(' the answer.'), finish]);
    const parts = await settle(withWatchdog(producer.open, new AbortController().signal, ninetySeconds, 'openai'));
    expect(parts).toEqual([text('After a long think,'), text(' the answer.'), finish]);
    expect(producer.seen.abortedWhileWaiting).toBe(false);
  });

  it('counts reasoning deltas as activity: three minutes of thinking, 30 s apart, is not a stall', async () => {
    const delays = [30_000, 30_000, 30_000, 30_000, 30_000, 30_000, 10, 10];
    const producer = paced(delays, [...Array.from({ length: 6 }, (_, index) => thought(`step ${index}. `)), text('Answer.'), finish]);
    const parts = await settle(
      withWatchdog(producer.open, new AbortController().signal, { firstPartMs: 90_000, idleMs: 45_000 }, 'deepseek'),
    );
    expect(parts.filter((part) => part.type === 'reasoning-delta')).toHaveLength(6);
    expect(parts.slice(-2)).toEqual([text('Answer.'), finish]);
  });

  it('still gives up on a silence longer than the limit before the first token', async () => {
    const producer = paced([120_000], [text('never seen')]);
    const parts = await settle(
      withWatchdog(producer.open, new AbortController().signal, { firstPartMs: 90_000, idleMs: 90_000 }, 'openai'),
    );
    expect(parts).toEqual([{ type: 'error', error: { kind: 'timeout', provider: 'openai' } }]);
  });

  it('passes the caller’s abort on to the producer at once', async () => {
    const controller = new AbortController();
    const producer = paced([0, 1000], [text('a'), text('b')]);
    const parts: StreamPart[] = [];
    const done = (async () => {
      for await (const part of withWatchdog(producer.open, controller.signal, { firstPartMs: 2000, idleMs: 2000 }, 'openai')) {
        parts.push(part);
        controller.abort();
      }
    })();
    // Not a tick of the fake clock passes: the producer stops on the abort, not after its 1 s wait.
    await vi.advanceTimersByTimeAsync(0);
    await done;
    expect(parts).toEqual([text('a')]);
    expect(producer.seen.abortedWhileWaiting).toBe(true);
  });
});
