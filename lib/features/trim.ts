import type { ChatTurn } from '../domain/chat';
import type { TrimNote } from '../domain/job';

/** Where the middle of a long text was cut, in words the model and the user can read. */
export const OMISSION_MARK = (omitted: number) => `\n\n[… ${omitted.toLocaleString('en-US')} characters omitted …]\n\n`;

/**
 * Fits text into a budget by keeping its beginning and its end (where introductions and
 * conclusions live) and cutting the middle, with a visible mark. Never a silent slice.
 */
export function cropMiddle(text: string, budget: number): { text: string; note?: TrimNote } {
  if (text.length <= budget) return { text };
  const head = Math.floor(budget * 0.7);
  const tail = budget - head;
  const omitted = text.length - head - tail;
  return {
    text: `${text.slice(0, head)}${OMISSION_MARK(omitted)}${text.slice(text.length - tail)}`,
    note: {
      scope: 'input',
      originalChars: text.length,
      keptChars: head + tail,
      keptPercent: Math.max(1, Math.floor(((head + tail) / text.length) * 100)),
    },
  };
}

/** Keeps the most recent turns that fit the budget; the oldest go first, each one whole. */
export function fitHistory(turns: readonly ChatTurn[], budget: number): { turns: ChatTurn[]; note?: TrimNote } {
  const total = turns.reduce((sum, turn) => sum + turn.content.length, 0);
  if (total <= budget) return { turns: [...turns] };
  const kept: ChatTurn[] = [];
  let used = 0;
  for (let index = turns.length - 1; index >= 0; index--) {
    const turn = turns[index];
    if (!turn || used + turn.content.length > budget) break;
    kept.unshift(turn);
    used += turn.content.length;
  }
  // A conversation never resumes on an assistant turn: drop a leading answer without its question.
  while (kept[0]?.role === 'assistant') used -= kept.shift()?.content.length ?? 0;
  return {
    turns: kept,
    note: { scope: 'history', originalChars: total, keptChars: used, keptPercent: Math.floor((used / total) * 100) },
  };
}
