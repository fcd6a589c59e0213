import { describe, expect, it } from 'vitest';
import { cropMiddle, fitHistory, OMISSION_MARK } from '@/lib/features/trim';
import type { ChatTurn } from '@/lib/domain/chat';

/** A text whose every part can be located: "[0000]" … "[nnnn]" markers, 6 characters each. */
function numbered(count: number): string {
  return Array.from({ length: count }, (_, index) => `[${String(index).padStart(4, '0')}]`).join('');
}

describe('cropMiddle', () => {
  it('leaves a text within the budget untouched, with no note', () => {
    const text = 'short enough';
    expect(cropMiddle(text, 100)).toEqual({ text });
    expect(cropMiddle(text, text.length)).toEqual({ text });
  });

  it('keeps the beginning and the end and cuts the middle', () => {
    const text = numbered(1000); // 6000 characters
    const { text: cropped } = cropMiddle(text, 600);
    expect(cropped.startsWith('[0000][0001]')).toBe(true);
    expect(cropped.endsWith('[0998][0999]')).toBe(true);
    expect(cropped).not.toContain('[0500]');
  });

  it('marks the cut visibly, with the number of characters omitted', () => {
    const text = numbered(1000);
    const { text: cropped } = cropMiddle(text, 600);
    expect(cropped).toContain('characters omitted');
    expect(cropped).toContain('5,400');
    expect(cropped).toContain(OMISSION_MARK(5400));
  });

  it('keeps exactly the budget of original text around the mark', () => {
    const text = numbered(1000);
    const { text: cropped } = cropMiddle(text, 600);
    const [head, tail] = cropped.split(OMISSION_MARK(5400));
    expect((head ?? '').length + (tail ?? '').length).toBe(600);
    expect(text.startsWith(head ?? '')).toBe(true);
    expect(text.endsWith(tail ?? '')).toBe(true);
    // More of the beginning than of the end.
    expect((head ?? '').length).toBeGreaterThan((tail ?? '').length);
  });

  it('describes the cut in a note', () => {
    const { note } = cropMiddle(numbered(1000), 600);
    expect(note).toEqual({ scope: 'input', originalChars: 6000, keptChars: 600, keptPercent: 10 });
  });

  it('never reports 0% kept for a tiny share', () => {
    const { note } = cropMiddle('x'.repeat(100_000), 10);
    expect(note?.keptPercent).toBe(1);
    expect(note?.keptChars).toBe(10);
  });
});

const turn = (role: ChatTurn['role'], content: string): ChatTurn => ({ role, content });

describe('fitHistory', () => {
  const history: ChatTurn[] = [
    turn('user', 'q1'.padEnd(100, '.')),
    turn('assistant', 'a1'.padEnd(100, '.')),
    turn('user', 'q2'.padEnd(100, '.')),
    turn('assistant', 'a2'.padEnd(100, '.')),
    turn('user', 'q3'.padEnd(100, '.')),
    turn('assistant', 'a3'.padEnd(100, '.')),
  ];
  const starts = (turns: readonly ChatTurn[]) => turns.map((item) => item.content.slice(0, 2));

  it('keeps a history within the budget whole, with no note', () => {
    const result = fitHistory(history, 600);
    expect(result.turns).toEqual(history);
    expect(result.turns).not.toBe(history);
    expect(result.note).toBeUndefined();
  });

  it('drops the oldest turns first, each one whole', () => {
    const result = fitHistory(history, 400);
    expect(starts(result.turns)).toEqual(['q2', 'a2', 'q3', 'a3']);
    expect(result.turns.every((item) => item.content.length === 100)).toBe(true);
  });

  it('never resumes on an assistant turn', () => {
    // 500 would fit a1..a3; a1 has lost its question, so it goes too.
    const result = fitHistory(history, 500);
    expect(result.turns[0]?.role).toBe('user');
    expect(starts(result.turns)).toEqual(['q2', 'a2', 'q3', 'a3']);
  });

  it('does not skip a turn that does not fit to take an older one that does', () => {
    const uneven = [turn('user', 'short'), turn('assistant', 'x'.repeat(300)), turn('user', 'latest question')];
    const result = fitHistory(uneven, 100);
    expect(result.turns).toEqual([turn('user', 'latest question')]);
  });

  it('notes what share of the conversation was kept, with scope history', () => {
    const result = fitHistory(history, 500);
    expect(result.note).toEqual({ scope: 'history', originalChars: 600, keptChars: 400, keptPercent: 66 });
  });

  it('keeps nothing when even the latest turn is too long', () => {
    const result = fitHistory(history, 50);
    expect(result.turns).toEqual([]);
    expect(result.note).toMatchObject({ scope: 'history', keptChars: 0, keptPercent: 0 });
  });
});
