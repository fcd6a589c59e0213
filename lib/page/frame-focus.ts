import type { FrameResult } from './page-access';

/** What one frame of a tab tells about itself: where it sits, where its focus went, what is selected. */
export interface FrameProbe {
  /** Indexes (window.frames order) from the top frame down to this frame; [] for the top frame. */
  path: number[];
  /** document.hasFocus(): this frame is on the focused chain of a page that has focus. */
  hasFocus: boolean;
  /** Among this frame's child frames, the one its focus went into (its activeElement), or -1. */
  focusedChild: number;
  /** The selected text, including a selection inside a text field. */
  text: string;
  /** Whether the focused element is a text field or editable. */
  field: boolean;
}

/**
 * Runs in each frame of the page (serialised: it must stay self-contained). A frame finds its
 * own place by comparing windows, which is allowed across origins, and names the child frame
 * that holds its focus; a page script cannot change what our isolated world sees of these.
 */
export function probeFrame(): FrameProbe {
  const path: number[] = [];
  let current: Window = window;
  while (current !== current.parent) {
    const parent = current.parent;
    let index = -1;
    for (let candidate = 0; candidate < parent.length; candidate++) if (parent[candidate] === current) index = candidate;
    path.unshift(index);
    current = parent;
  }
  const active = document.activeElement as HTMLElement | null;
  let focusedChild = -1;
  if (active instanceof HTMLIFrameElement || active?.tagName === 'FRAME') {
    const child = (active as HTMLIFrameElement).contentWindow;
    for (let candidate = 0; candidate < window.length; candidate++) if (window[candidate] === child) focusedChild = candidate;
  }
  const isTextField =
    active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && /^(text|search|url|email|)$/.test(active.type));
  let text = window.getSelection()?.toString() ?? '';
  if (isTextField) {
    const { selectionStart, selectionEnd, value } = active as HTMLInputElement;
    if (selectionStart !== null && selectionEnd !== null && selectionEnd > selectionStart) text = value.slice(selectionStart, selectionEnd);
  }
  const field = focusedChild < 0 && active !== null && active !== document.body && (isTextField || active.isContentEditable);
  return { path, hasFocus: document.hasFocus(), focusedChild, text, field };
}

const samePath = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((index, at) => index === b[at]);

/**
 * The frame the user is in. While the page has focus, the innermost frame on the focused
 * chain (document.hasFocus()). When our popup or side panel has taken the focus, no frame has
 * it, so we follow where each frame's focus went, from the top frame down. Never "the frame
 * with the longest selection": any frame can select its own text. Undefined when the focused
 * frame is one we could not read (then nothing is inserted; the selection falls back to the top).
 */
export function focusedFrame<T extends FrameProbe>(frames: readonly FrameResult<T>[]): FrameResult<T> | undefined {
  const probes = frames.filter((frame) => frame.result && Array.isArray(frame.result.path));
  const innermost = probes.filter((frame) => frame.result.hasFocus && frame.result.focusedChild < 0);
  if (innermost.length === 1) return innermost[0];
  let node = probes.find((frame) => frame.frameId === 0);
  for (let depth = 0; node && node.result.focusedChild >= 0 && depth < 32; depth++) {
    const wanted = [...node.result.path, node.result.focusedChild];
    node = probes.find((frame) => samePath(frame.result.path, wanted));
  }
  return node;
}
