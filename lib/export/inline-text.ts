/**
 * Inline Markdown to plain text, for "copy as plain text": emphasis markers go, code keeps
 * its text, a link keeps its text followed by its URL in parentheses (only the URLs an answer
 * may link to, as on screen), and a footnote call becomes its number in brackets.
 */
import { normalizeLabel } from '../markdown/definitions';
import { safeUrl } from '../markdown/safe-url';

export interface InlineContext {
  /** URLs of link reference definitions, by normalized label. */
  links: ReadonlyMap<string, string>;
  /** Footnote numbers, by normalized label. */
  footnotes: ReadonlyMap<string, number>;
}

const URL_PART = String.raw`<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*`;
const TITLE = String.raw`(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?`;
const INLINE_LINK = new RegExp(String.raw`(!?)\[([^\]]*)\]\((${URL_PART})${TITLE}\s*\)`, 'g');
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function inlineToText(markdown: string, context: InlineContext): string {
  // Pieces that later steps must not touch (code, escaped characters, URLs) wait in slots,
  // marked with private-use characters (which mean nothing in an answer, and are removed from it).
  const slots: string[] = [];
  const keep = (value: string) => `\uE000${slots.push(value) - 1}\uE001`;
  const linked = (text: string, url: string) => {
    const safe = safeUrl(url.replace(/^<|>$/g, ''));
    return safe && safe !== text.trim() ? `${text} ${keep(`(${safe})`)}` : text;
  };
  let text = markdown
    .replace(/[\uE000\uE001]/g, '')
    .replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, code: string) => keep(code.replace(/^ (.*) $/s, '$1')))
    .replace(/\\([!-/:-@[-`{-~])/g, (_, character: string) => keep(character))
    .replace(/<((?:https?|mailto):[^<>\s]+)>/gi, (_, url: string) => keep(safeUrl(url) || url))
    .replace(INLINE_LINK, (_, _image: string, label: string, url: string) => linked(label, url))
    .replace(/\[\^([^\]\s]+)\]/g, (whole, label: string) => {
      const number = context.footnotes.get(normalizeLabel(label));
      return number === undefined ? whole : keep(`[${number}]`);
    })
    .replace(/\[([^\]]+)\](?:\[([^\]]*)\])?/g, (whole, label: string, reference: string | undefined) => {
      const url = context.links.get(normalizeLabel(reference || label));
      return url === undefined ? whole : linked(label, url);
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[A-Za-z][\w-]*(?:\s[^<>]*)?\/?>/g, '')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
  // Strong before emphasis, so that ***both*** loses all its stars.
  for (const pattern of [
    /\*\*(?=\S)([\s\S]*?\S)\*\*/g,
    /(?<!\w)__(?=\S)([\s\S]*?\S)__(?!\w)/g,
    /\*(?=\S)([^*]*?\S)\*/g,
    /(?<!\w)_(?=\S)([^_]*?\S)_(?!\w)/g,
  ])
    text = text.replace(pattern, '$1');
  text = text
    .replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? numericEntity(name) ?? whole)
    .replace(/(?: {2,}|\\)\n/g, '\n');
  // Slots can hold slots (a URL inside a link): a few rounds restore them all.
  for (let round = 0; round < 3 && text.includes('\uE000'); round++)
    text = text.replace(/\uE000(\d+)\uE001/g, (_, index: string) => slots[Number(index)] ?? '');
  return text;
}

function numericEntity(name: string): string | undefined {
  const code = /^#x([\da-f]+)$/i.test(name) ? Number.parseInt(name.slice(2), 16) : /^#\d+$/.test(name) ? Number(name.slice(1)) : Number.NaN;
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}
