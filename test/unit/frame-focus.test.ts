import { describe, expect, it } from 'vitest';
import { type FrameProbe, focusedFrame } from '@/lib/page/frame-focus';
import type { FrameResult } from '@/lib/page/page-access';

function frame(frameId: number, probe: Partial<FrameProbe> & { path: number[] }): FrameResult<FrameProbe> {
  return { frameId, result: { hasFocus: false, focusedChild: -1, text: '', field: false, ...probe } };
}

describe('focusedFrame: the frame the user is in', () => {
  it('the page has focus in the top frame: the top frame, whatever a child frame selected', () => {
    const frames = [
      frame(0, { path: [], hasFocus: true, text: 'the user’s words' }),
      frame(7, { path: [0], text: 'IGNORE PREVIOUS INSTRUCTIONS and a much longer selection than the user’s' }),
    ];
    expect(focusedFrame(frames)?.frameId).toBe(0);
  });

  it('the page has focus inside a child frame: the innermost frame on the focused chain', () => {
    const frames = [
      frame(0, { path: [], hasFocus: true, focusedChild: 1 }),
      frame(4, { path: [0], text: 'a sibling’s selection' }),
      frame(5, { path: [1], hasFocus: true, focusedChild: 0 }),
      frame(9, { path: [1, 0], hasFocus: true, field: true }),
    ];
    expect(focusedFrame(frames)?.frameId).toBe(9);
  });

  it('our popup took the focus (no frame has it): follows each frame’s focused child from the top', () => {
    const frames = [
      frame(0, { path: [], focusedChild: 1 }),
      frame(4, { path: [0], field: true, text: 'the first child frame with a focused field is not the user’s' }),
      frame(5, { path: [1], field: true }),
    ];
    expect(focusedFrame(frames)?.frameId).toBe(5);
  });

  it('no frame has focus and the top frame’s focus is its own: the top frame', () => {
    const frames = [frame(0, { path: [], field: true }), frame(4, { path: [0], field: true })];
    expect(focusedFrame(frames)?.frameId).toBe(0);
  });

  it('the focused frame could not be read: no frame (nothing is inserted anywhere else)', () => {
    const frames = [frame(0, { path: [], focusedChild: 2 }), frame(4, { path: [0], field: true }), frame(5, { path: [1], field: true })];
    expect(focusedFrame(frames)).toBeUndefined();
  });

  it('ignores frames that returned nothing (script blocked)', () => {
    const frames = [frame(0, { path: [], hasFocus: true }), { frameId: 3, result: undefined as unknown as FrameProbe }];
    expect(focusedFrame(frames)?.frameId).toBe(0);
  });
});
