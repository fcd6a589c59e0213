import type { ErrorFacts } from '../../errors/describe';
import { isRetryableKind } from '../../errors/kinds';
import type { StreamPart } from '../providers/types';
import { abortableSleep } from './abortable-sleep';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  /** A provider asking us to wait longer than this gets the error shown instead. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 600, maxDelayMs: 8_000 };

function delayFor(error: ErrorFacts, attempt: number, policy: RetryPolicy): number | undefined {
  if (!isRetryableKind(error.kind) || error.kind === 'incomplete') return undefined;
  const asked = error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : undefined;
  const delay = asked ?? policy.baseDelayMs * 2 ** (attempt - 1);
  return delay <= policy.maxDelayMs ? delay : undefined;
}

/**
 * Retries a stream that failed with a retryable error, with backoff, but only before its
 * first token (of the answer or of the reasoning): once text is on screen, a retry would
 * repeat or garble it.
 */
export async function* retryBeforeFirstToken(
  open: (signal: AbortSignal) => AsyncIterable<StreamPart>,
  signal: AbortSignal,
  policy: RetryPolicy = DEFAULT_RETRY,
): AsyncIterable<StreamPart> {
  for (let attempt = 1; ; attempt++) {
    let started = false;
    let retryIn: number | undefined;
    for await (const part of open(signal)) {
      if (part.type === 'error' && !started && attempt < policy.attempts && !signal.aborted) {
        retryIn = delayFor(part.error, attempt, policy);
        if (retryIn !== undefined) break;
      }
      // Reasoning on screen counts as a start too: a retry would show it twice.
      if (part.type === 'text-delta' || part.type === 'reasoning-delta') started = true;
      yield part;
    }
    if (retryIn === undefined) return;
    await abortableSleep(retryIn, signal);
  }
}

/**
 * Gives up when a provider goes quiet: no first part within `firstPartMs`, or a pause
 * longer than `idleMs` mid-stream. The stream is aborted so its connection closes.
 */
export async function* withWatchdog(
  open: (signal: AbortSignal) => AsyncIterable<StreamPart>,
  signal: AbortSignal,
  limits: { firstPartMs: number; idleMs: number },
  provider: string,
): AsyncIterable<StreamPart> {
  const controller = new AbortController();
  const linked = AbortSignal.any([signal, controller.signal]);
  const iterator = open(linked)[Symbol.asyncIterator]();
  let first = true;
  try {
    while (true) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), first ? limits.firstPartMs : limits.idleMs);
      });
      const next = await Promise.race([iterator.next(), timeout]);
      clearTimeout(timer);
      if (next === 'timeout') {
        controller.abort();
        yield { type: 'error', error: { kind: 'timeout', provider } };
        return;
      }
      if (next.done) return;
      first = false;
      yield next.value;
    }
  } finally {
    controller.abort();
    iterator.return?.().catch(() => undefined);
  }
}
