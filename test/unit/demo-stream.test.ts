import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoStream } from '@/lib/worker/engine/demo-stream';
import type { StreamPart } from '@/lib/worker/providers/types';
import { collect, textOf } from './helpers';

const MARKDOWN = [
  '  ## Context',
  '',
  'A text of   42 words,\tmostly about **streams**.',
  '',
  '```ts',
  'const x = 1;',
  '    indented();',
  '```',
  '',
  '- one',
  '- two   ',
  '',
  '',
].join('\n');

// The demo's pace is time: the clock is fake, and the tests move it.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function settle(stream: AsyncIterable<StreamPart>): Promise<StreamPart[]> {
  const done = collect(stream);
  await vi.runAllTimersAsync();
  return done;
}

describe('demoStream', () => {
  it('streams the markdown exactly, whitespace and all, then finishes', async () => {
    const parts = await settle(demoStream(MARKDOWN, new AbortController().signal));
    expect(textOf(parts)).toBe(MARKDOWN);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
    expect(parts.some((part) => part.type === 'error')).toBe(false);
  });

  it('streams in several small pieces, one tick apart, like a model', async () => {
    const parts: StreamPart[] = [];
    const done = (async () => {
      for await (const part of demoStream(MARKDOWN, new AbortController().signal, 50)) parts.push(part);
    })();
    await vi.advanceTimersByTimeAsync(0);
    expect(parts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(49);
    expect(parts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(parts).toHaveLength(2);
    await vi.runAllTimersAsync();
    await done;
    const deltas = parts.filter((part) => part.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(3);
    for (const delta of deltas) expect(delta.text.trim().split(/\s+/).length).toBeLessThanOrEqual(3);
  });

  it('streams an empty answer as just a finish', async () => {
    expect(await settle(demoStream('', new AbortController().signal))).toEqual([{ type: 'finish', reason: 'stop' }]);
  });

  it('ends with an aborted error when stopped mid-way, keeping a prefix of the answer', async () => {
    const controller = new AbortController();
    const parts: StreamPart[] = [];
    const done = (async () => {
      for await (const part of demoStream(MARKDOWN, controller.signal, 50)) {
        parts.push(part);
        if (parts.length === 2) controller.abort();
      }
    })();
    await vi.runAllTimersAsync();
    await done;
    expect(parts).toHaveLength(3);
    expect(parts.at(-1)).toEqual({ type: 'error', error: { kind: 'aborted' } });
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
    expect(MARKDOWN.startsWith(textOf(parts))).toBe(true);
  });

  it('returns at once when stopped during a pause, without waiting out the tick', async () => {
    const controller = new AbortController();
    const parts: StreamPart[] = [];
    const done = (async () => {
      for await (const part of demoStream(MARKDOWN, controller.signal, 10_000)) parts.push(part);
    })();
    await vi.advanceTimersByTimeAsync(0);
    expect(parts).toHaveLength(1);
    controller.abort();
    // Not a tick of the fake clock passes: the pause ends on the abort.
    await vi.advanceTimersByTimeAsync(0);
    await done;
    expect(parts.at(-1)).toEqual({ type: 'error', error: { kind: 'aborted' } });
  });
});
