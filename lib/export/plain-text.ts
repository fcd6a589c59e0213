/**
 * Markdown to plain text, for "copy as plain text": what a reader of the rendered answer
 * sees, without markup. Headings and paragraphs keep their lines, lists keep a "- " or their
 * number, code keeps its text exactly, table cells are separated by tabs (they paste into a
 * spreadsheet as a table), and footnotes follow the text, numbered as on screen.
 */
import { scanDefinitions, scanReferences } from '../markdown/definitions';
import { type InlineContext, inlineToText } from './inline-text';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;

/** Blocks at blank lines outside code fences, as lists of lines. */
function splitBlocks(markdown: string): string[][] {
  const blocks: string[][] = [[]];
  let fence: string | null = null;
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const current = blocks[blocks.length - 1] ?? [];
    if (fence) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = null;
    } else if (FENCE.test(line)) fence = FENCE.exec(line)?.[1] ?? null;
    else if (line.trim() === '') {
      if (current.length) blocks.push([]);
      continue;
    }
    current.push(line);
  }
  return blocks.filter((block) => block.length);
}

/** One line of prose without its block markup: quote markers, heading marks, list bullets. */
function stripLine(line: string, previous: string | undefined): string | null {
  let text = line;
  while (/^ {0,3}>/.test(text)) text = text.replace(/^ {0,3}> ?/, '');
  // A rule, or the underline of the heading on the line before: neither is text.
  if (THEMATIC_BREAK.test(text) || (previous !== undefined && /^ {0,3}=+\s*$/.test(text))) return null;
  const heading = /^ {0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(text);
  if (heading) return heading[1] ?? '';
  return text.replace(/^(\s*)[*+-]\s+/, '$1- ');
}

function tableToText(lines: string[], context: InlineContext): string {
  return lines
    .filter((_, index) => index !== 1)
    .map((row) =>
      row
        .trim()
        .replace(/^\||\|$/g, '')
        .split(/(?<!\\)\|/)
        .map((cell) => inlineToText(cell.trim(), context))
        .join('\t'),
    )
    .join('\n');
}

function blockToText(lines: string[], context: InlineContext): string {
  if (lines.length > 1 && lines[0]?.includes('|') && TABLE_DELIMITER.test(lines[1] ?? '')) return tableToText(lines, context);
  const out: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length) out.push(inlineToText(prose.join('\n'), context));
    prose = [];
  };
  let fence: string | null = null;
  for (const line of lines) {
    const opening: string | null = fence ? null : (FENCE.exec(line)?.[1] ?? null);
    if (opening || (fence && line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '')) {
      flush();
      fence = opening ?? null;
      continue;
    }
    if (fence) out.push(line);
    else {
      const text = stripLine(line, prose.at(-1));
      if (text !== null) prose.push(text);
    }
  }
  flush();
  return out.join('\n');
}

export function markdownToText(markdown: string): string {
  const blocks = splitBlocks(markdown);
  const links = new Map<string, string>();
  const notes = new Map<string, string>();
  const calls: string[] = [];
  const body = blocks.map((block) => {
    const text = block.join('\n');
    const definitions = scanDefinitions(text);
    for (const [label, source] of definitions.links) if (!links.has(label)) links.set(label, destination(source));
    for (const [label, note] of definitions.footnotes) if (!notes.has(label)) notes.set(label, note);
    for (const label of scanReferences(text).footnotes) if (!calls.includes(label)) calls.push(label);
    const skip = new Set(definitions.lines);
    return block.filter((_, index) => !skip.has(index));
  });
  const footnotes = new Map(calls.filter((label) => notes.has(label)).map((label, index) => [label, index + 1]));
  const context: InlineContext = { links, footnotes };
  const parts = body.filter((block) => block.length).map((block) => blockToText(block, context));
  const endnotes = [...footnotes].map(([label, number]) => `[${number}] ${inlineToText(notes.get(label) ?? '', context)}`);
  if (endnotes.length) parts.push(endnotes.join('\n'));
  return parts.filter((part) => part.trim()).join('\n\n');
}

/** The URL of a definition's source: `[label]: <url> "title"` or `[label]: url`. */
function destination(source: string): string {
  const rest = source.slice(source.indexOf(']:') + 2).trim();
  return rest.startsWith('<') ? rest.slice(1, rest.indexOf('>')) : (rest.split(/\s+/)[0] ?? '');
}
