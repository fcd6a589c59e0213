import { describe, expect, it } from 'vitest';
import { createThinkSplitter } from '@/lib/worker/providers/think-splitter';

/** Feeds the deltas in order and returns the reasoning and the answer as they came out, and the parts. */
function split(deltas: string[]) {
  const splitter = createThinkSplitter();
  const parts = [...deltas.flatMap((delta) => splitter.push(delta)), ...splitter.end()];
  const join = (type: string) =>
    parts
      .filter((part) => part.type === type)
      .map((part) => part.text)
      .join('');
  return { reasoning: join('reasoning-delta'), answer: join('text-delta'), parts };
}

/** Every way of cutting `text` into two deltas, and into one-character deltas. */
function everyCut(text: string): string[][] {
  const cuts = Array.from({ length: text.length - 1 }, (_, index) => [text.slice(0, index + 1), text.slice(index + 1)]);
  return [[text], [...text], ...cuts];
}

describe('createThinkSplitter', () => {
  it('passes an answer with no think block through untouched, whitespace and all', () => {
    expect(split(['  ## Title\n\n', 'Body with a < sign and <b>tags</b>.'])).toMatchObject({
      reasoning: '',
      answer: '  ## Title\n\nBody with a < sign and <b>tags</b>.',
    });
  });

  it('keeps the first paragraph that comes right after </think>, with no blank line, and the second', () => {
    const content = '<think>\nThe user wants tides.\n\nKeep it short.\n</think>First paragraph.\n\nSecond paragraph.';
    for (const deltas of everyCut(content)) {
      expect(split(deltas), JSON.stringify(deltas)).toMatchObject({
        reasoning: '\nThe user wants tides.\n\nKeep it short.\n',
        answer: 'First paragraph.\n\nSecond paragraph.',
      });
    }
  });

  it('drops only the blank lines between the block and the answer', () => {
    expect(split(['<think>plan</think>\n\n\n  Answer.\n'])).toMatchObject({ reasoning: 'plan', answer: 'Answer.\n' });
  });

  it('reads tags split across deltas at every point, in any case and with odd spaces', () => {
    for (const deltas of everyCut('\n <THINK >weigh it</ think>Done.')) {
      expect(split(deltas), JSON.stringify(deltas)).toMatchObject({ reasoning: 'weigh it', answer: 'Done.' });
    }
  });

  it('treats an unclosed block as all reasoning: no answer, nothing lost', () => {
    expect(split(['<think>Still thinking when', ' the stream ended <'])).toMatchObject({
      reasoning: 'Still thinking when the stream ended <',
      answer: '',
    });
  });

  it('keeps nested tags inside the reasoning and ends at the outer close', () => {
    expect(split(['<think>I could write <think>x</think> in', ' my notes.</think>Answer.'])).toMatchObject({
      reasoning: 'I could write <think>x</think> in my notes.',
      answer: 'Answer.',
    });
  });

  it('leaves a <think> that is not at the start to the answer (a tutorial about tags)', () => {
    expect(split(['Use ', '<think>', ' to mark reasoning.'])).toMatchObject({ reasoning: '', answer: 'Use <think> to mark reasoning.' });
  });

  it('gives back a held "<thi" that never became a tag', () => {
    expect(split(['<thi'])).toMatchObject({ reasoning: '', answer: '<thi' });
    expect(split(['<thi', 'nking caps on'])).toMatchObject({ reasoning: '', answer: '<thinking caps on' });
  });

  it('streams the reasoning as it comes, holding back only what may be a tag', () => {
    const splitter = createThinkSplitter();
    expect(splitter.push('<think>First')).toEqual([{ type: 'reasoning-delta', text: 'First' }]);
    expect(splitter.push(' idea </thi')).toEqual([{ type: 'reasoning-delta', text: ' idea ' }]);
    expect(splitter.push('nk>Ans')).toEqual([{ type: 'text-delta', text: 'Ans' }]);
    expect(splitter.push('wer')).toEqual([{ type: 'text-delta', text: 'wer' }]);
    expect(splitter.end()).toEqual([]);
  });
});
