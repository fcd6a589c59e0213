import { browser } from 'wxt/browser';
import { focusedFrame, probeFrame } from './frame-focus';
import { inFrames, type PageResult, pageProblemOf } from './page-access';

/**
 * The selection of the frame the user is in (the focused frame, or the frame the context menu
 * was opened in), falling back to the top frame's. Another frame's selection is never used:
 * a frame that selects its own text must not replace what the user selected.
 */
export async function readSelection(tabId: number | undefined, inFrameId?: number): Promise<PageResult<string>> {
  const frames = await inFrames(tabId, probeFrame);
  if (!frames.ok) return frames;
  const chosen = inFrameId === undefined ? focusedFrame(frames.value) : frames.value.find((frame) => frame.frameId === inFrameId);
  const top = frames.value.find((frame) => frame.frameId === 0);
  const text = chosen?.result?.text?.trim() || top?.result?.text?.trim() || '';
  return { ok: true, value: text };
}

export interface PageArticle {
  title: string;
  text: string;
}

/** The main article of the page (Readability), not its raw DOM with menus and footers. */
export async function readWholePage(tabId: number | undefined): Promise<PageResult<PageArticle>> {
  if (tabId === undefined) return { ok: false, problem: 'no-tab' };
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/read-page.js'] });
    const article = result?.result as PageArticle | undefined;
    return article ? { ok: true, value: article } : { ok: false, problem: 'no-access' };
  } catch (error) {
    return { ok: false, problem: pageProblemOf(error) };
  }
}
