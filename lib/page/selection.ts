import { browser } from 'wxt/browser';
import { inFrames, type PageResult, pageProblemOf } from './page-access';

/**
 * Runs in the page: the selected text, including a selection inside a text field (which
 * getSelection() does not report). Must stay self-contained: it is serialised.
 */
export function selectedTextInFrame(): string {
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && active.type === 'text')) {
    const { selectionStart, selectionEnd, value } = active;
    if (selectionStart !== null && selectionEnd !== null && selectionEnd > selectionStart) {
      return value.slice(selectionStart, selectionEnd);
    }
  }
  return window.getSelection()?.toString() ?? '';
}

/** The longest selection among the tab's frames (the user selects in one of them). */
export async function readSelection(tabId: number | undefined): Promise<PageResult<string>> {
  const results = await inFrames(tabId, selectedTextInFrame);
  if (!results.ok) return results;
  const longest = results.value.reduce<string>(
    (best, { result }) => (typeof result === 'string' && result.trim().length > best.length ? result.trim() : best),
    '',
  );
  return { ok: true, value: longest };
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
