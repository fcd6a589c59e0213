import { cropMiddle } from './trim';

/**
 * The share of a provider's input budget the page a chat is about may take: the rest is for the
 * question and the conversation. The UI uses the same rule to warn before the page is trimmed.
 */
export const PAGE_SHARE = 0.6;

export function pageBudget(inputBudgetChars: number): number {
  return Math.floor(inputBudgetChars * PAGE_SHARE);
}

/** The page's text as it will be sent to a provider with this budget, and the note if it was cut. */
export function fitPage(text: string, inputBudgetChars: number) {
  const cropped = cropMiddle(text, pageBudget(inputBudgetChars));
  return { text: cropped.text, ...(cropped.note ? { note: { ...cropped.note, scope: 'page' as const } } : {}) };
}
