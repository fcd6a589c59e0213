/** Small text helpers shared by the prompt builders and the demo templates. */

export const LANGUAGE_NAMES = { en: 'English', 'pt-BR': 'Brazilian Portuguese' } as const;

/** Splits prose into sentences without breaking on common abbreviations or decimals. */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?…])\s+(?=[A-ZÀ-Ý0-9"“(])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 1);
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
}

const STOP_WORDS = new Set(
  (
    'a an and are as at be but by for from has have he her his i in is it its of on or our she that the their them they this to was we were what when which who will with you your ' +
    'o os as um uma de do da dos das e em no na nos nas por para com que se ao aos é são foi ser como mais mas não seu sua'
  ).split(' '),
);

/** The most frequent meaningful words, for demo answers that speak about the input. */
export function keywords(text: string, count: number): string[] {
  const frequency = new Map<string, number>();
  for (const word of words(text)) {
    if (word.length < 4 || STOP_WORDS.has(word) || /\d/.test(word)) continue;
    frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  return [...frequency.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([word]) => word);
}

export function truncateWords(text: string, maxWords: number): string {
  const list = text.trim().split(/\s+/);
  return list.length <= maxWords ? text.trim() : `${list.slice(0, maxWords).join(' ')}…`;
}

export { fence } from './fence';
