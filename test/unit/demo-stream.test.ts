import { describe, expect, it } from 'vitest';
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

describe('demoStream', () => {
  it('streams the markdown exactly, whitespace and all, then finishes', async () => {
    const parts = await collect(demoStream(MARKDOWN, new AbortController().signal, 0));
    expect(textOf(parts)).toBe(MARKDOWN);
    expect(parts.at(-1)).toEqual({ type: 'finish', reason: 'stop' });
    expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
    expect(parts.some((part) => part.type === 'error')).toBe(false);
  });

  it('streams in several small pieces, like a model', async () => {
    const parts = await collect(demoStream(MARKDOWN, new AbortController().signal, 0));
    const deltas = parts.filter((part) => part.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(3);
    for (const delta of deltas) expect(delta.text.trim().split(/\s+/).length).toBeLessThanOrEqual(3);
  });

  it('streams an empty answer as just a finish', async () => {
    expect(await collect(demoStream('', new AbortController().signal, 0))).toEqual([{ type: 'finish', reason: 'stop' }]);
  });

  it('ends with an aborted error when stopped mid-way', async () => {
    const controller = new AbortController();
    const parts: StreamPart[] = [];
    for await (const part of demoStream(MARKDOWN, controller.signal, 50)) {
      parts.push(part);
      if (parts.length === 2) controller.abort();
    }
    expect(parts).toHaveLength(3);
    expect(parts.at(-1)).toEqual({ type: 'error', error: { kind: 'aborted' } });
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
    // What came before the stop is a prefix of the answer.
    expect(MARKDOWN.startsWith(textOf(parts))).toBe(true);
  });

  it('returns promptly when stopped during a pause', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const parts: StreamPart[] = [];
    for await (const part of demoStream(MARKDOWN, controller.signal, 10_000)) {
      parts.push(part);
      setTimeout(() => controller.abort(), 5);
    }
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(parts.at(-1)).toEqual({ type: 'error', error: { kind: 'aborted' } });
  });
});
