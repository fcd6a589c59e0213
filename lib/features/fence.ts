/**
 * Quotes untrusted text (page text, a selection, the user's own input) for a prompt, inside
 * `<material>` tags the system prompt tells the model to treat as content, never instructions.
 * The text must not be able to close that fence, or open another: any spelling a model might
 * read as `<material>` or `</material>` is defused, whatever its case, spacing, invisible
 * characters, or encoding (HTML entities, JavaScript and URL escapes, full-width brackets).
 */

/** Spaces and invisible characters a reader skips (soft hyphen, zero-width, word joiner, BOM). */
const GAP = String.raw`[\s\u00ad\u180e\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff]*`;

/** An HTML entity's "&", also double-encoded ("&amp;lt;" is "&lt;" once decoded). */
const AMP = '&(?:amp;)*';

/** "<" as text may spell it: itself, look-alikes, HTML entities, JS and URL escapes (full-width forms are folded first). */
const LESS_THAN = String.raw`(?:<|\u2039|\u3008|\u27e8|${AMP}(?:lt;?|#0*60;?|#x0*3c;?)|\\u003c|\\x3c|%(?:25)*3c)`;

/** "/" likewise (and "\" and "\/", which a reader may take for it). */
const SLASH = String.raw`(?:\/|\\\/|\\|\u2044|\u2215|${AMP}(?:sol;|#0*47;?|#x0*2f;?)|\\u002f|%(?:25)*2f)`;

/** One letter, plainly or as an HTML entity or escape of either case. */
function letter(char: string): string {
  const forms = [char.toLowerCase(), char.toUpperCase()].flatMap((form) => {
    const code = form.charCodeAt(0);
    return [`${AMP}#0*${code};?`, `${AMP}#x0*${code.toString(16)};?`, `\\\\u00${code.toString(16)}`, `\\\\x${code.toString(16)}`];
  });
  return `(?:${char}|${forms.join('|')})`;
}

const WORD = [...'material'].map(letter).join(GAP);

/** An opening or closing fence tag, however spelt; group 1 is its "<". */
const FENCE_TAG = new RegExp(`(${LESS_THAN})${GAP}(?:${SLASH}${GAP})?${WORD}`, 'giu');

/** Chat-template control tokens (<|im_start|>, <｜end▁of▁sentence｜>, <<SYS>>, <start_of_turn>): plain text here. */
const TEMPLATE_TOKEN = /(<)(?=\||<\/?SYS>>|\/?(?:start|end)_of_turn>|\/?s>|\/?INST>)/giu;

/** The text folded per character (NFKC), with, for each folded UTF-16 unit, the index of the character it came from. */
function foldWithOrigin(text: string): { folded: string; origin: number[] } {
  const cache = new Map<string, string>();
  const parts: string[] = [];
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    let plain = char;
    if (char.charCodeAt(0) > 0x7f) {
      plain = cache.get(char) ?? char.normalize('NFKC');
      cache.set(char, plain);
    }
    parts.push(plain);
    for (let unit = 0; unit < plain.length; unit++) origin.push(index);
    index += char.length;
  }
  return { folded: parts.join(''), origin };
}

const PATTERNS = [FENCE_TAG, TEMPLATE_TOKEN];

/** [start, end) in `text` of each "<" to replace, found in `folded` (origin maps folded to text; none: the same). */
function openers(text: string, folded: string, origin?: number[]): Map<number, number> {
  const found = new Map<number, number>();
  for (const pattern of PATTERNS) {
    for (const match of folded.matchAll(pattern)) {
      const opener = match[1] ?? '';
      const start = origin ? (origin[match.index] ?? 0) : match.index;
      const last = origin ? (origin[match.index + opener.length - 1] ?? start) : match.index + opener.length - 1;
      found.set(start, last + ((text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1));
    }
  }
  return found;
}

/**
 * The text with every look-alike of the fence tag turned into "[material" / "[/material",
 * visibly not a tag. Tags are looked for in the text as a reader may fold it (NFKC: full-width
 * and styled letters become plain ones). Most text folds to itself; text that does not is
 * mapped character by character only when its folded form holds a tag at all.
 */
export function defuseFenceTags(text: string): string {
  const folded = text.normalize('NFKC');
  let found: Map<number, number>;
  if (folded === text) found = openers(text, text);
  else if (!PATTERNS.some((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(folded))) return text;
  else {
    const mapped = foldWithOrigin(text);
    found = openers(text, mapped.folded, mapped.origin);
  }
  let result = text;
  for (const [start, end] of [...found].sort((a, b) => b[0] - a[0])) result = `${result.slice(0, start)}[${result.slice(end)}`;
  return result;
}

/** Quotes untrusted text for a prompt so the model reads it as material, not instructions. */
export function fence(label: string, text: string): string {
  return `<material kind="${label}">\n${defuseFenceTags(text)}\n</material>`;
}
