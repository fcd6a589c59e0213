import { focusedFrame, probeFrame } from './frame-focus';
import { inFrames, type PageResult } from './page-access';

/**
 * Runs in the page: puts text into the field that had focus, as if typed, so that the
 * page's own code (React, chat apps) sees an ordinary input event. Self-contained.
 */
export function insertIntoFocusedField(text: string): boolean {
  const active = document.activeElement as HTMLElement | null;
  if (!active || active === document.body || active.tagName === 'IFRAME') return false;
  const isField =
    active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && /^(text|search|url|email|)$/.test(active.type));
  if (!isField && !active.isContentEditable) return false;
  active.focus();
  const before = isField ? (active as HTMLInputElement).value : active.textContent;
  // execCommand keeps the page's undo history and fires the events frameworks listen to.
  if (document.execCommand('insertText', false, text)) {
    const after = isField ? (active as HTMLInputElement).value : active.textContent;
    if (after !== before) return true;
  }
  if (isField) {
    const field = active as HTMLInputElement;
    field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
  } else {
    const selection = window.getSelection();
    const range = selection?.rangeCount ? selection.getRangeAt(0) : document.createRange();
    if (!selection?.rangeCount) {
      range.selectNodeContents(active);
      range.collapse(false);
    }
    range.deleteContents();
    range.insertNode(document.createTextNode(text));
  }
  active.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}

/**
 * Inserts into the one field that has focus, in the frame the user is in (see focusedFrame):
 * never into another frame's field, never into two fields at once.
 */
export async function insertIntoPage(tabId: number | undefined, text: string): Promise<PageResult<boolean>> {
  const probes = await inFrames(tabId, probeFrame);
  if (!probes.ok) return probes;
  const target = focusedFrame(probes.value);
  if (!target?.result.field) return { ok: true, value: false };
  const inserted = await inFrames(tabId, insertIntoFocusedField, [text], [target.frameId]);
  if (!inserted.ok) return inserted;
  return { ok: true, value: inserted.value.some((entry) => entry.result === true) };
}
