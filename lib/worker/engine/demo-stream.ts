import type { StreamPart } from '../providers/types';
import { abortableSleep } from './abortable-sleep';

/** Pace of demo answers: fast enough to read as it streams, slow enough to see it stream. */
const WORDS_PER_TICK = 3;
const TICK_MS = 12;

/** Streams a finished demo answer in small pieces, like a model would. */
export async function* demoStream(markdown: string, signal: AbortSignal, tickMs = TICK_MS): AsyncIterable<StreamPart> {
  const pieces = markdown.match(/\S+\s*/g) ?? [];
  for (let index = 0; index < pieces.length; index += WORDS_PER_TICK) {
    if (signal.aborted) {
      yield { type: 'error', error: { kind: 'aborted' } };
      return;
    }
    const leading = index === 0 ? (markdown.match(/^\s*/)?.[0] ?? '') : '';
    yield { type: 'text-delta', text: leading + pieces.slice(index, index + WORDS_PER_TICK).join('') };
    await abortableSleep(tickMs, signal);
  }
  yield { type: 'finish', reason: 'stop' };
}
